from django.urls import path

from guanmo.assessment import views

urlpatterns = [
    path("", views.result_list, name="assessment_results"),
    path("results/<int:pk>/", views.result_page, name="assessment_result"),
    path("results/<int:pk>/objections/", views.objection_raise, name="assessment_object"),
    path("objections/<int:pk>/decision/", views.objection_decide, name="assessment_decide"),
]
