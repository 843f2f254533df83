from django.urls import path

from guanmo.ledger import plan_views, upload_views, views

urlpatterns = [
    path("projects/", views.project_list, name="project_list"),
    path("projects/export.xlsx", views.project_export, name="project_export"),
    path("projects/import/", upload_views.ledger_import, name="ledger_import"),
    path(
        "projects/import/<str:token>/",
        upload_views.ledger_import_preview,
        name="ledger_import_preview",
    ),
    path("projects/<int:pk>/", views.project_detail, name="project_detail"),
    path("projects/<int:pk>/edit/", views.project_edit, name="project_edit"),
    path(
        "projects/<int:pk>/milestones/",
        plan_views.project_milestones,
        name="project_milestones",
    ),
    path("projects/<int:pk>/curve/", plan_views.project_curve, name="project_curve"),
    path("projects/<int:pk>/removal/", plan_views.project_removal, name="project_removal"),
    path("map/", views.project_map, name="project_map"),
    path("map/projects.geojson", views.map_points, name="map_points"),
    path("map/counties.geojson", views.county_shapes, name="county_shapes"),
]
