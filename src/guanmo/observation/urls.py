from django.urls import path

from guanmo.observation.views import judging, results, route, schedule, tours

urlpatterns = [
    path("", tours.tour_list, name="tour_list"),
    path("<int:pk>/", tours.tour_detail, name="tour_detail"),
    path("<int:pk>/rubric/", tours.tour_rubric, name="tour_rubric"),
    path("<int:pk>/settings/", tours.tour_settings, name="tour_settings"),
    path("<int:pk>/sites/add/", tours.site_add, name="site_add"),
    path("<int:pk>/judges/add/", tours.judge_add, name="judge_add"),
    path("<int:pk>/judges/links/", tours.judge_links, name="judge_links"),
    path("<int:pk>/open/", tours.tour_open, name="tour_open"),
    path("<int:pk>/close/", tours.tour_close, name="tour_close"),
    path("<int:pk>/board/", tours.tour_board, name="tour_board"),
    path("<int:pk>/route/", route.tour_route, name="tour_route"),
    path("<int:pk>/route/plan/", route.tour_route_plan, name="tour_route_plan"),
    path("<int:pk>/route/matrix/", route.tour_route_matrix, name="tour_route_matrix"),
    path("<int:pk>/route.docx", route.tour_route_file, name="tour_route_file"),
    path("<int:pk>/route/issue/", schedule.tour_route_issue, name="tour_route_issue"),
    path("<int:pk>/results/", results.tour_results_page, name="tour_results"),
    path("<int:pk>/results.<str:extension>", results.tour_results_file, name="tour_results_file"),
    path("<int:pk>/results/issue/", results.tour_results_issue, name="tour_results_issue"),
    path("sites/<int:pk>/decide/", tours.site_decide, name="site_decide"),
    path("sites/<int:pk>/edit/", tours.site_edit, name="site_edit"),
    path("sites/<int:pk>/move/", route.site_move, name="site_move"),
    path("sites/<int:pk>/close/", tours.site_close, name="site_close"),
    path("j/<str:token>/", judging.judge_sign_in, name="judge_sign_in"),
    path("judge/", judging.judge_home, name="judge_home"),
    path("judge/sites/<int:pk>/", judging.judge_site, name="judge_site"),
    path("judge/scores/", judging.judge_submit, name="judge_submit"),
]
