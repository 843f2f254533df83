"""pytest plug-in: with GUANMO_TEST_DATABASE=postgres the suite runs on a throwaway cluster.

Where PostgreSQL is not installed the PostgreSQL run is skipped with a visible notice, unless
GUANMO_REQUIRE_POSTGRES=1 (as in CI), which makes its absence an error.
"""

import os

import pytest

from guanmo.testing.postgres import PostgresUnavailable, ThrowawayCluster

_cluster: ThrowawayCluster | None = None
_skip_reason: str | None = None


def _wants_postgres() -> bool:
    return os.environ.get("GUANMO_TEST_DATABASE", "sqlite").lower() in {"postgres", "postgresql"}


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config, parser, args) -> None:
    # Runs before pytest-django loads the settings, which read GUANMO_DATABASE_URL once.
    global _cluster, _skip_reason
    os.environ.setdefault("GUANMO_HTTPS", "0")  # tests talk plain HTTP to a live server
    os.environ.setdefault("GUANMO_JOBS_SYNC", "1")  # background jobs run at once, in the test
    if not _wants_postgres():
        os.environ.pop("GUANMO_DATABASE_URL", None)
        return
    try:
        _cluster = ThrowawayCluster().start()
    except PostgresUnavailable as error:
        if os.environ.get("GUANMO_REQUIRE_POSTGRES") == "1":
            message = f"GUANMO_REQUIRE_POSTGRES=1，但无法启动 PostgreSQL：{error}"
            raise pytest.UsageError(message) from error
        _skip_reason = f"PostgreSQL 不可用，跳过 PostgreSQL 轮次：{error}"
        return
    os.environ["GUANMO_DATABASE_URL"] = _cluster.url


def pytest_report_header(config) -> str:
    if _cluster is not None:
        return f"数据库：PostgreSQL（临时集群 {_cluster.url}）"
    if _skip_reason:
        return f"注意：{_skip_reason}"
    return "数据库：SQLite"


def pytest_collection_modifyitems(config, items) -> None:
    if _skip_reason:
        for item in items:
            item.add_marker(pytest.mark.skip(reason=_skip_reason))


def pytest_terminal_summary(terminalreporter) -> None:
    if _skip_reason:
        terminalreporter.write_sep("!", _skip_reason, yellow=True)


def pytest_unconfigure(config) -> None:
    global _cluster
    if _cluster is not None:
        _cluster.stop()
        _cluster = None
