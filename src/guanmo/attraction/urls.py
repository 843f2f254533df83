from django.urls import path

from guanmo.attraction import views

urlpatterns = [
    path("", views.funnel_page, name="attraction_funnel"),
    path("leads/<int:pk>/", views.lead_page, name="attraction_lead"),
]
