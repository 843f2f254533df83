"""`guanmo serve` refuses unfit settings, and otherwise serves the log-in page under gunicorn and
stops cleanly on SIGTERM."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from guanmo.operations.serving import ServerPlan, gunicorn_argv

GUANMO = Path(sys.executable).with_name("guanmo")
STRONG_KEY = "v7Jq-2mPz_9Lx4Rb8Tn1Wc6Yh3Ks0Fd5Ge7Ua2Mi9Oe4Qr1Sy6Zt3Xw8Vb5Nn0Lp"


def _environment(tmp_path: Path, **overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GUANMO_", "DJANGO_"))}
    env.update(
        GUANMO_DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        GUANMO_SECRET_KEY=STRONG_KEY,
        GUANMO_HTTPS="0",
        GUANMO_ALLOWED_HOSTS="127.0.0.1",
    )
    env.update(overrides)
    return env


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_two_servers_on_one_machine_share_no_control_socket():
    argv = gunicorn_argv("python", ServerPlan(bind="127.0.0.1:8000", workers=5, timeout=60))
    assert "--no-control-socket" in argv


def test_workers_follow_the_cores_and_are_capped():
    assert [ServerPlan.workers_for(cores) for cores in (1, 2, 4, 16)] == [3, 5, 8, 8]


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"GUANMO_DEBUG": "1"}, "GUANMO_DEBUG 已打开"),
        ({"GUANMO_SECRET_KEY": "short-key"}, "GUANMO_SECRET_KEY 太弱"),
    ],
)
def test_unfit_settings_are_refused_before_anything_starts(tmp_path, overrides, reason):
    done = subprocess.run(
        [str(GUANMO), "serve", "--bind", f"127.0.0.1:{_free_port()}"],
        cwd=tmp_path,
        env=_environment(tmp_path, **overrides),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert "拒绝启动" in done.stderr and reason in done.stderr


def test_serve_answers_the_log_in_page_and_stops_cleanly(tmp_path):
    env = _environment(tmp_path)
    subprocess.run([str(GUANMO), "migrate", "-v0"], cwd=tmp_path, env=env, check=True)
    port = _free_port()
    server = subprocess.Popen(
        [str(GUANMO), "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        page = _get_when_up(f"http://127.0.0.1:{port}/accounts/login/", server)
        assert "登录" in page
        static = _get_when_up(f"http://127.0.0.1:{port}/static/guanmo/site.css", server)
        assert static  # collected and served by whitenoise
        health = _get_when_up(f"http://127.0.0.1:{port}/healthz", server)
        assert '"ok"' in health
    finally:
        server.send_signal(signal.SIGTERM)
        output, _ = server.communicate(timeout=60)
    assert server.returncode == 0, output
    assert "Shutting down" in output or "Handling signal: term" in output


def _get_when_up(url: str, server: subprocess.Popen, attempts: int = 300) -> str:
    """The page at `url` once the server answers (it may still be starting its workers)."""
    for _ in range(attempts):
        if server.poll() is not None:
            raise AssertionError(f"服务器已退出：{server.stdout.read()}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode()
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} 一直没有应答")


def test_runserver_without_debug_or_collected_files_says_how_to_get_styles(tmp_path):
    # tryout 21 (15): `guanmo runserver` without GUANMO_DEBUG served no CSS and said nothing.
    import subprocess
    import sys

    from guanmo.operations.serving import runserver_hint

    empty = tmp_path / "static"
    said = runserver_hint(debug=False, static_root=empty)
    assert "guanmo serve" in said and "collectstatic" in said and str(empty) in said
    assert runserver_hint(debug=True, static_root=empty) == ""
    empty.mkdir()
    (empty / "site.css").write_text("")
    assert runserver_hint(debug=False, static_root=empty) == ""
    # the command line says it before Django starts (a bad port stops it at once)
    run = subprocess.run(
        [sys.executable, "-m", "guanmo", "runserver", "not-a-port"],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "GUANMO_DEBUG": "0", "GUANMO_SECRET_KEY": "x" * 60},
        cwd=tmp_path,
        timeout=120,
    )
    assert "提示：未开启调试模式（GUANMO_DEBUG）" in run.stderr
