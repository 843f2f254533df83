from django.apps import AppConfig, apps

# django-axes (log-in lockout) ships no Chinese: its admin headings in the admin's language
# (tryout 22: Access attempts / Access failures / Access logs on the admin's home).
AXES_NAMES = {
    "AccessAttempt": "登录尝试",
    "AccessFailureLog": "登录失败记录",
    "AccessLog": "登录日志",
    "AccessAttemptExpiration": "登录尝试过期时间",
}


class AccountsConfig(AppConfig):
    name = "guanmo.accounts"
    verbose_name = "用户与权限"

    def ready(self) -> None:
        if not apps.is_installed("axes"):
            return
        apps.get_app_config("axes").verbose_name = "登录保护"
        for model, name in AXES_NAMES.items():
            try:
                meta = apps.get_model("axes", model)._meta
            except LookupError:
                continue
            meta.verbose_name = meta.verbose_name_plural = name
