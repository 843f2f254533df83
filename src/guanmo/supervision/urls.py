from django.urls import path

from guanmo.supervision.views import figures, meetings, problems

urlpatterns = [
    path("", problems.problem_list, name="problem_list"),
    path("queue/", problems.department_queue, name="department_queue"),
    path("problems/new/", problems.problem_new, name="problem_new"),
    path("problems/<int:pk>/", problems.problem_detail, name="problem_detail"),
    path("problems/<int:pk>/answer/", problems.problem_answer, name="problem_answer"),
    path("problems/<int:pk>/confirm/", problems.problem_confirm, name="problem_confirm"),
    path("problems/<int:pk>/reopen/", problems.problem_reopen, name="problem_reopen"),
    path("problems/<int:pk>/order/", problems.order_new, name="order_new"),
    path("problems/<int:pk>/instruct/", problems.problem_instruct, name="problem_instruct"),
    path("orders/<int:pk>.docx", problems.order_file, name="order_file"),
    path("orders/<int:pk>.pdf", problems.order_file, {"extension": "pdf"}, name="order_file_pdf"),
    path("meetings/", meetings.meeting_list, name="meeting_list"),
    path("meetings/new/", meetings.meeting_new, name="meeting_new"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/decisions/", meetings.decision_add, name="decision_add"),
    path("figures/", figures.problem_figures, name="problem_figures"),
    path("figures.xlsx", figures.problem_figures_file, name="problem_figures_file"),
    path("rules/", figures.supervision_rules, name="supervision_rules"),
]
