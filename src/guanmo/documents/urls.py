from django.urls import path

from guanmo.documents import views

urlpatterns = [
    path("", views.document_list, name="document_list"),
    path("<int:pk>.<str:extension>", views.document_file, name="document_file"),
    path("office/", views.office_settings, name="issuing_office"),
]
