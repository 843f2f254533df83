"""How `guanmo serve` sizes and starts the production server (plain functions, no Django)."""

from dataclasses import dataclass
from pathlib import Path

MAX_WORKERS = 8
_WEAK_KEY_LENGTH = 50  # Django's own check (security.W009) asks for 50 characters, 5 distinct


@dataclass(frozen=True)
class ServerPlan:
    bind: str
    workers: int
    timeout: int  # seconds a request may take before its worker is restarted

    @staticmethod
    def workers_for(cores: int) -> int:
        """gunicorn's advice, 2 × cores + 1, capped: 5 on a 2-core machine."""
        return max(1, min(2 * cores + 1, MAX_WORKERS))


def refusals(*, debug: bool, secret_key: str, development_key: str) -> list[str]:
    """Why the server must not start, in Chinese; empty when it may."""
    problems = []
    if debug:
        problems.append("GUANMO_DEBUG 已打开：调试模式会向用户显示程序内部信息，生产环境必须关闭")
    if secret_key == development_key:
        problems.append("GUANMO_SECRET_KEY 是公开的开发密钥，请设置随机密钥")
    elif len(secret_key) < _WEAK_KEY_LENGTH or len(set(secret_key)) < 5:
        problems.append(f"GUANMO_SECRET_KEY 太弱：至少{_WEAK_KEY_LENGTH}个字符且不能大量重复")
    return problems


def gunicorn_argv(python: str, plan: ServerPlan) -> list[str]:
    """The command line that runs Guanmo's WSGI application under gunicorn."""
    return [
        python,
        "-m",
        "gunicorn",
        "guanmo.wsgi:application",
        "--bind",
        plan.bind,
        "--workers",
        str(plan.workers),
        "--timeout",
        str(plan.timeout),
        "--graceful-timeout",
        "30",
        # Requests are read whole by the proxy first; these bound what reaches a worker anyway.
        "--limit-request-line",
        "8190",
        "--limit-request-fields",
        "100",
        "--access-logfile",
        "-",
        "--error-logfile",
        "-",
        # gunicorn's control socket (scale workers, reload) lies at one path per user account,
        # ~/.gunicorn/gunicorn.ctl: a second server started by the same account takes it over,
        # and either one stopping removes the other's. Guanmo does not use it.
        "--no-control-socket",
    ]


def runserver_hint(*, debug: bool, static_root: Path) -> str:
    """What `guanmo runserver` says at start when its pages would have no style (tryout 21: 390
    static 404s, no word): without debug mode only the files `collectstatic` put in
    `static_root` are served, and there are none; "" when there is nothing to say."""
    if debug or (static_root.is_dir() and any(static_root.iterdir())):
        return ""
    return (
        "提示：未开启调试模式（GUANMO_DEBUG），runserver 只提供 collectstatic 收集到"
        f" {static_root} 的静态文件，该目录为空，页面将没有样式和脚本。"
        "请用 `guanmo serve`（先收集静态文件再启动），或先运行 `guanmo collectstatic`；"
        "仅在本机开发时可设 GUANMO_DEBUG=1。"
    )
