from django.contrib.auth import views as auth_views
from django.urls import path

from guanmo.accounts import guides, views

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("landing/", views.landing, name="landing"),
    path("guide/", guides.guide, name="guide"),
    path("guide/judge/", guides.judge_guide, name="judge_guide"),
    path("guide/<slug:role>/", guides.role_guide, name="role_guide"),
]
