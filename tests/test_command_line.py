"""`guanmo` and `python -m guanmo` run Guanmo's commands with settings from the environment."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

GUANMO = Path(sys.executable).with_name("guanmo")


def _environment(**overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GUANMO_", "DJANGO_"))}
    env.update(overrides)
    return env


def test_default_database_is_a_wal_sqlite_file_under_the_working_directory(tmp_path):
    subprocess.run([str(GUANMO), "migrate", "-v0"], cwd=tmp_path, env=_environment(), check=True)

    database = tmp_path / "var" / "guanmo.sqlite3"
    assert database.exists()
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_console_script_and_python_dash_m_are_the_same_program(tmp_path):
    url = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    env = _environment(GUANMO_DATABASE_URL=url)
    subprocess.run([str(GUANMO), "migrate", "-v0"], cwd=tmp_path, env=env, check=True)

    by_script = subprocess.run(
        [str(GUANMO), "init-city", "410800", "--zone", "城乡一体化示范区"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    by_module = subprocess.run(
        [sys.executable, "-m", "guanmo", "init-city", "410800"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )

    assert "焦作市（410800）：11 个县区、园区" in by_script.stdout
    assert by_module.stdout == by_script.stdout  # the second run finds the city already made
    # GUANMO_DATABASE_URL was honoured: no default database (only the installation key in var/)
    assert not (tmp_path / "var" / "guanmo.sqlite3").exists()


def test_settings_speak_chinese_in_shanghai_time():
    from django.conf import settings

    assert settings.LANGUAGE_CODE == "zh-hans"
    assert settings.TIME_ZONE == "Asia/Shanghai"
    assert settings.USE_TZ
