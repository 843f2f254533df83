"""Production settings pass Django's deployment checks; debug settings do not."""

import os
import subprocess
import sys


def deploy_check(**environment) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "GUANMO_SECRET_KEY": "k" * 20 + "x9!Q#z7@L2%m&V4^p6*R8(t0)w_3-Y5=b" * 2,
        "GUANMO_ALLOWED_HOSTS": "guanmo.example.gov.cn",
        "GUANMO_DEBUG": "0",
        **environment,
    }
    env.pop("GUANMO_HTTPS", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests, never in production
    env.update({key: value for key, value in environment.items() if key == "GUANMO_HTTPS"})
    return subprocess.run(
        [sys.executable, "-m", "guanmo", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checks():
    result = deploy_check()
    assert result.returncode == 0, result.stdout + result.stderr


def test_debug_settings_fail_them():
    result = deploy_check(GUANMO_DEBUG="1")
    assert result.returncode != 0
    assert "DEBUG" in result.stdout + result.stderr
