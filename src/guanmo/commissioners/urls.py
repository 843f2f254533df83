from django.urls import path

from guanmo.commissioners import views

urlpatterns = [
    path("", views.project_list, name="commissioner_projects"),
    path("projects/<int:pk>/", views.project_log, name="project_log"),
    path("projects/<int:pk>/visits/new/", views.visit_new, name="visit_new"),
    path("visits/<int:pk>/", views.visit_detail, name="visit_detail"),
    path(
        "photos/<int:pk>/original/",
        views.photo_file,
        {"kind": "original"},
        name="photo_original",
    ),
    path(
        "photos/<int:pk>/thumbnail.jpg",
        views.photo_file,
        {"kind": "thumbnail"},
        name="photo_thumbnail",
    ),
    path(
        "photos/<int:pk>/picture.jpg",
        views.photo_file,
        {"kind": "picture"},
        name="photo_picture",
    ),
    path("months/", views.month_overview, name="commissioner_months"),
    path(
        "months/<int:year>/<int:month>/<int:pk>/",
        views.commissioner_month,
        name="commissioner_month",
    ),
]
