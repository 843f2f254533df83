from django.urls import path

from guanmo.indicators import submission_views, target_views, upload_views, views

urlpatterns = [
    path("", views.indicator_board, name="indicator_board"),
    path("issue/", views.indicator_board_issue, name="indicator_board_issue"),
    path("report.<str:extension>", views.indicator_board_file, name="indicator_board_file"),
    path("places/", views.county_places, name="county_places"),
    path("targets/", target_views.target_form, name="target_form"),
    path("import/", upload_views.indicator_import, name="indicator_import"),
    path(
        "import/<str:token>/",
        upload_views.indicator_import_preview,
        name="indicator_import_preview",
    ),
    path("entry/", submission_views.submission_list, name="submission_list"),
    path("entry/periods/<int:period>/", submission_views.submission_start, name="submission_start"),
    path("entry/<int:pk>/", submission_views.submission_form, name="submission_form"),
    path("entry/<int:pk>/submit/", submission_views.submission_submit, name="submission_submit"),
    path(
        "entry/<int:pk>/approve/",
        submission_views.submission_decide,
        {"action": "approve"},
        name="submission_approve",
    ),
    path(
        "entry/<int:pk>/return/",
        submission_views.submission_decide,
        {"action": "return"},
        name="submission_return",
    ),
    path(
        "entry/<int:pk>/reopen/",
        submission_views.submission_decide,
        {"action": "reopen"},
        name="submission_reopen",
    ),
]
