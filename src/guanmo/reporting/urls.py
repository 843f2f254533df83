from django.urls import path

from guanmo.reporting import views

urlpatterns = [
    path("", views.period_list, name="period_list"),
    path("periods/<int:pk>/", views.period_detail, name="period_detail"),
    path("periods/<int:pk>/close/", views.period_close, name="period_close"),
    path("reports/<int:pk>/", views.report_grid, name="report_grid"),
    path("reports/<int:pk>/upload/", views.report_upload, name="report_upload"),
    path(
        "reports/<int:pk>/upload/<str:token>/",
        views.report_upload_preview,
        name="report_upload_preview",
    ),
    path("reports/<int:pk>/submit/", views.report_submit, name="report_submit"),
    path("reports/<int:pk>/return/", views.report_return, name="report_return"),
    path("reports/<int:pk>/approve/", views.report_approve, name="report_approve"),
    path("reports/<int:pk>/reopen/", views.report_reopen, name="report_reopen"),
    path("projects/<int:pk>/note/", views.project_note, name="project_note"),
    path("imports/<int:pk>/", views.import_record, name="import_record"),
]
