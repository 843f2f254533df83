from django.urls import path

from guanmo.progress import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("warnings/", views.warning_list, name="warnings"),
    path("bulletins/", views.bulletin_list, name="bulletin_list"),
    path("bulletins/<int:year>/<int:month>/", views.bulletin, name="bulletin"),
    path("bulletins/<int:year>/<int:month>/issue/", views.bulletin_issue, name="bulletin_issue"),
    path(
        "bulletins/<int:year>/<int:month>.<str:extension>",
        views.bulletin_file,
        name="bulletin_file",
    ),
]
