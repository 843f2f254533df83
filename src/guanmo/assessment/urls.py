from django.urls import path

from guanmo.assessment import (
    finalise_views,
    firm_upload_views,
    firm_views,
    policy_views,
    upload_views,
    views,
)

urlpatterns = [
    path("", views.result_list, name="assessment_results"),
    path("new/", upload_views.cycle_upload, name="assessment_upload"),
    path("new/preview/", upload_views.cycle_preview, name="assessment_preview"),
    path("firms/", firm_views.firm_list, name="assessment_firms"),
    path("firms/upload/", firm_upload_views.firm_upload, name="assessment_firm_upload"),
    path("firms/upload/preview/", firm_upload_views.firm_preview, name="assessment_firm_preview"),
    path("firms/policies/", policy_views.class_policy_page, name="assessment_class_policies"),
    path("firms/<int:pk>/", firm_views.firm_page, name="assessment_firm"),
    path(
        "firms/<int:pk>/<int:year>/objections/",
        firm_views.firm_objection,
        name="assessment_firm_object",
    ),
    path("results/<int:pk>/", views.result_page, name="assessment_result"),
    path("results/<int:pk>/objections/", views.objection_raise, name="assessment_object"),
    path("results/<int:pk>/finalise/", finalise_views.result_finalise, name="assessment_finalise"),
    path("results/<int:pk>/issue/", finalise_views.result_issue, name="assessment_issue"),
    path(
        "objections/<int:pk>/attachment/",
        views.objection_attachment,
        name="assessment_objection_attachment",
    ),
    path("objections/<int:pk>/decision/", views.objection_decide, name="assessment_decide"),
]
