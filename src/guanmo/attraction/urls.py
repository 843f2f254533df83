from django.urls import path

from guanmo.attraction import parcel_map, park_views, views

urlpatterns = [
    path("", views.funnel_page, name="attraction_funnel"),
    path("leads/<int:pk>/", views.lead_page, name="attraction_lead"),
    path("leads/<int:pk>/funds/", views.lead_funds, name="attraction_lead_funds"),
    path(
        "leads/<int:pk>/preparatory/",
        views.lead_preparatory,
        name="attraction_lead_preparatory",
    ),
    path("parcels.geojson", parcel_map.parcel_points, name="attraction_parcel_points"),
    path("parks/", park_views.park_list, name="attraction_parks"),
    path(
        "parks/<int:pk>/<int:year>/<int:month>/",
        park_views.park_figures,
        name="attraction_park_figures",
    ),
]
