from django.urls import path

from guanmo.indicators import views

urlpatterns = [
    path("", views.indicator_board, name="indicator_board"),
    path("report.<str:extension>", views.indicator_board_file, name="indicator_board_file"),
    path("places/", views.county_places, name="county_places"),
    path("entry/", views.submission_list, name="submission_list"),
    path("entry/periods/<int:period>/", views.submission_start, name="submission_start"),
    path("entry/<int:pk>/", views.submission_form, name="submission_form"),
    path("entry/<int:pk>/submit/", views.submission_submit, name="submission_submit"),
    path(
        "entry/<int:pk>/approve/",
        views.submission_decide,
        {"action": "approve"},
        name="submission_approve",
    ),
    path(
        "entry/<int:pk>/return/",
        views.submission_decide,
        {"action": "return"},
        name="submission_return",
    ),
    path(
        "entry/<int:pk>/reopen/",
        views.submission_decide,
        {"action": "reopen"},
        name="submission_reopen",
    ),
]
