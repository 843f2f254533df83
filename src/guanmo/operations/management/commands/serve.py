"""`guanmo serve`: the application under gunicorn, after checking it is fit to face users."""

import os
import shutil
import sys

from django.conf import settings
from django.core.checks import Tags
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from guanmo.operations.secret import DEVELOPMENT_KEY
from guanmo.operations.serving import ServerPlan, gunicorn_argv, refusals


class Command(BaseCommand):
    help = "以生产方式运行（gunicorn）：先检查设置、收集静态文件，再启动工作进程"

    def add_arguments(self, parser):
        parser.add_argument(
            "--bind", default="127.0.0.1:8000", help="监听地址，默认 127.0.0.1:8000"
        )
        parser.add_argument(
            "--workers", type=int, help="工作进程数，默认按处理器核数（2×核数+1，至多8）"
        )
        parser.add_argument("--timeout", type=int, default=60, help="一个请求最长秒数，默认60")
        parser.add_argument(
            "--no-collectstatic", action="store_true", help="不收集静态文件（已由部署步骤完成时）"
        )

    def handle(self, *args, **options):
        problems = refusals(
            debug=settings.DEBUG,
            secret_key=settings.SECRET_KEY,
            development_key=DEVELOPMENT_KEY,
        )
        if problems:
            raise CommandError("拒绝启动：\n" + "\n".join(f"- {problem}" for problem in problems))
        # Django's deployment checks: an error stops the start; warnings are printed.
        call_command("check", deploy=True, fail_level="ERROR", tags=[Tags.security])
        if not options["no_collectstatic"]:
            call_command("collectstatic", interactive=False, verbosity=0)
            self.stdout.write(f"静态文件已收集到 {settings.STATIC_ROOT}")
        plan = ServerPlan(
            bind=options["bind"],
            workers=options["workers"] or ServerPlan.workers_for(os.cpu_count() or 1),
            timeout=options["timeout"],
        )
        argv = gunicorn_argv(sys.executable, plan)
        self.stdout.write(f"启动 gunicorn：{plan.workers}个工作进程，监听 {plan.bind}")
        self.stdout.flush()
        sys.stdout.flush()
        sys.stderr.flush()
        if shutil.which(argv[0]) is None and not os.path.exists(argv[0]):
            raise CommandError(f"找不到 Python：{argv[0]}")
        # exec: gunicorn takes this process over, so the supervisor's SIGTERM reaches it directly
        os.execv(argv[0], argv)
