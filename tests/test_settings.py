"""The database settings: SQLite is set up the same way whether a `sqlite://` URL names it or
the default file is used, and judges scoring at once on either all get their answer."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from guanmo.settings import _database_from_url

REPOSITORY = Path(__file__).resolve().parents[1]
JUDGES = 40
on_postgres_run = pytest.mark.skipif(
    os.environ.get("GUANMO_TEST_DATABASE", "sqlite").lower() in {"postgres", "postgresql"},
    reason="SQLite's own set-up, run once in the SQLite round",
)


@pytest.mark.parametrize("url", ["sqlite:////srv/guanmo/guanmo.sqlite3", "sqlite:///guanmo.db"])
def test_a_sqlite_url_gets_wal_immediate_transactions_and_a_busy_timeout(url, settings):
    options = _database_from_url(url)["OPTIONS"]
    assert "PRAGMA journal_mode=WAL" in options["init_command"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] == settings.GUANMO_SQLITE_BUSY_SECONDS > 5  # sqlite3's default


def test_the_default_file_and_a_sqlite_url_are_set_up_alike(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    by_default = _database_from_url(None)
    by_url = _database_from_url(f"sqlite:///{tmp_path / 'var' / 'guanmo.sqlite3'}")
    assert by_default["OPTIONS"] == by_url["OPTIONS"]
    assert str(by_default["NAME"]) == str(by_url["NAME"])


@pytest.mark.parametrize("url", [None, "sqlite:///guanmo.db", "postgres://u@127.0.0.1/g"])
def test_every_database_keeps_its_connections_between_requests(url, tmp_path, monkeypatch):
    """A new connection per request costs a PostgreSQL server process, or SQLite's pragmas and
    schema read, on every request; a kept one is checked before it is used again."""
    monkeypatch.chdir(tmp_path)
    database = _database_from_url(url)
    assert database["CONN_MAX_AGE"] >= 600
    assert database["CONN_HEALTH_CHECKS"] is True


def test_a_postgres_url_gets_no_sqlite_options():
    assert "transaction_mode" not in _database_from_url("postgres://u@127.0.0.1/g").get(
        "OPTIONS", {}
    )


@on_postgres_run
@pytest.mark.parametrize("named_by", ["sqlite:// URL", "default file"])
def test_forty_judges_scoring_at_once_on_sqlite_all_get_their_answer(tmp_path, named_by):
    """In a process of its own, as a server runs: 40 threads send their scores together."""
    environment = {**os.environ, "PYTHONPATH": str(REPOSITORY), "GUANMO_HTTPS": "0"}
    environment.pop("GUANMO_DATABASE_URL", None)
    if named_by == "sqlite:// URL":
        environment["GUANMO_DATABASE_URL"] = f"sqlite:///{tmp_path / 'burst.sqlite3'}"
    burst = subprocess.run(
        [sys.executable, "-m", "tests.scoring_burst", str(JUDGES)],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert burst.returncode == 0, burst.stderr[-3000:]
    outcome = json.loads(burst.stdout.splitlines()[-1])
    assert outcome == {"answers": [200] * JUDGES, "forms": JUDGES, "scores": JUDGES * 4}
