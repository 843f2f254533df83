from django.urls import path

from guanmo.assessment import views

urlpatterns = [
    path("results/<int:pk>/", views.result_page, name="assessment_result"),
]
