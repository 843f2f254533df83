import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from guanmo.demo.city import DEFAULT_SEED, YEAR, build_demo_city
from guanmo.progress.selectors import progress_report_for


class Command(BaseCommand):
    help = "建立演示城市（焦作市，约500个重点项目，2025年12个月进度），并重置管理员账号"

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="随机种子")

    def handle(self, *args, seed: int, **options):
        summary = build_demo_city(seed)
        password = secrets.token_urlsafe(9)
        admin, _ = get_user_model().objects.get_or_create(username="admin")
        admin.is_staff = admin.is_superuser = True
        admin.set_password(password)
        admin.save()

        report = progress_report_for(summary.city, YEAR, 12)
        self.stdout.write(
            f"已建立演示城市{summary.city.name}：{summary.units}个县区、园区，"
            f"{summary.projects}个重点项目，{YEAR}年{summary.months}个月进度。"
        )
        self.stdout.write(report.headline)
        self.stdout.write(
            self.style.SUCCESS(
                f"登录地址：http://127.0.0.1:8000/admin/  用户名：admin  密码：{password}"
            )
        )
