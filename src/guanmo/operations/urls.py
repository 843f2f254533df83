from django.urls import path

from guanmo.operations import views

urlpatterns = [
    path("<int:pk>/", views.job_page, name="job_page"),
    path("<int:pk>/status/", views.job_status, name="job_status"),
]
