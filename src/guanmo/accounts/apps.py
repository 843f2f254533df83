from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "guanmo.accounts"
    verbose_name = "用户与权限"
