"""Load on a real server, loopback only, bounded in time: `python bench/load.py`.

For each database (SQLite file, and PostgreSQL on a throwaway cluster) it builds the demo city,
starts `guanmo serve`, and runs each scenario with locust for `--seconds`:
  judges  200 judges scoring at once on their phones (10% of submissions sent twice);
  rush    the month-end rush: twelve counties saving and submitting while the city approves;
  browse  twenty people reading the dashboard, warnings, project list and map;
each alone and, with `--with-import`, while `guanmo import-ledger` loads a 100,000-row ledger.
Printed per run, as a Markdown table: requests, errors (must be 0), writes acknowledged but not
stored (lost) and stored twice (doubled), both counted in the database afterwards (must be 0),
and p50/p95/p99 in ms of the work requests (signing in, a deliberately slow hash, left out).
Exit status 1 when any run has an error, a lost or a doubled write.
"""

import argparse
import csv
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
SCENARIOS = {"judges": 200, "rush": 13, "browse": 20}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _environment(work: Path, database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GUANMO_", "DJANGO_"))}
    env.update(
        GUANMO_DATABASE_URL=database_url,
        GUANMO_SECRET_KEY=secrets.token_urlsafe(48),
        GUANMO_HTTPS="0",
        GUANMO_ALLOWED_HOSTS="127.0.0.1",
        GUANMO_TODAY="2025-12-15",
        GUANMO_CACHE_DIR=str(work / "cache"),
        GUANMO_MEDIA_ROOT=str(work / "media"),
        GUANMO_LOG_LEVEL="WARNING",
    )
    return env


def _guanmo(env: dict[str, str], cwd: Path, *argv: str) -> None:
    subprocess.run([str(BIN / "guanmo"), *argv], env=env, cwd=cwd, check=True)


def _wait_until_up(url: str, server: subprocess.Popen) -> None:
    for _ in range(600):
        if server.poll() is not None:
            raise SystemExit("服务器启动失败")
        try:
            urllib.request.urlopen(url, timeout=5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("服务器一直没有应答")


def run_database(name: str, database_url: str, work: Path, options) -> list[dict]:
    env = _environment(work, database_url)
    _guanmo(env, work, "migrate", "--noinput", "-v0")
    _guanmo(env, work, "demo")
    plan, acks = work / "plan.json", work / "acks.json"
    subprocess.run(
        [sys.executable, str(HERE / "load_world.py"), "prepare", str(plan), str(options.judges)],
        env=env, cwd=work, check=True,
    )  # fmt: skip
    port = _free_port()
    server = subprocess.Popen(
        [str(BIN / "guanmo"), "serve", "--bind", f"127.0.0.1:{port}"],
        env=env, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    results = []
    try:
        _wait_until_up(f"http://127.0.0.1:{port}/healthz", server)
        for scenario in options.scenarios:
            for with_import in [False, True] if options.with_import else [False]:
                results.append(
                    _run_scenario(name, scenario, with_import, port, env, work, plan, acks, options)
                )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    return results


def _run_scenario(name, scenario, with_import, port, env, work, plan, acks, options) -> dict:
    importer = None
    if with_import:
        sheet = HERE / "out" / f"ledger-{options.import_rows}.xlsx"
        if not sheet.exists():
            sheet.parent.mkdir(exist_ok=True)
            subprocess.run(
                [sys.executable, str(HERE / "load_world.py"), "ledger-sheet", str(sheet),
                 str(options.import_rows)],
                env=env, cwd=work, check=True,
            )  # fmt: skip
        importer = subprocess.Popen(
            [str(BIN / "guanmo"), "import-ledger", str(sheet), "--year", "2025", "--level", "县"],
            env=env, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
    users = options.judges if scenario == "judges" else SCENARIOS[scenario]
    prefix = work / f"{scenario}-{int(with_import)}"
    acks.unlink(missing_ok=True)
    subprocess.run(
        [str(BIN / "locust"), "-f", str(HERE / "locustfile.py"), "--headless",
         "--host", f"http://127.0.0.1:{port}", "-u", str(users), "-r", str(users),
         "-t", f"{options.seconds}s", "--csv", str(prefix), "--only-summary",
         "--stop-timeout", "10", "--loglevel", "ERROR"],
        env={**env, "LOAD_PLAN": str(plan), "LOAD_SCENARIO": scenario, "LOAD_ACKS": str(acks)},
        cwd=work, check=False, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    import_note = ""
    if importer is not None:
        try:
            _, stderr = importer.communicate(timeout=options.seconds * 10)
            import_note = "导入完成" if importer.returncode == 0 else f"导入失败：{stderr[-200:]}"
        except subprocess.TimeoutExpired:
            importer.kill()
            import_note = "导入超时"
    if importer is not None:
        subprocess.run(
            [sys.executable, str(HERE / "load_world.py"), "forget-import", str(plan)],
            env=env, cwd=work, check=True,
        )  # fmt: skip
    counted = subprocess.run(
        [sys.executable, str(HERE / "load_world.py"), "count", str(plan), str(acks)],
        env=env, cwd=work, check=True, capture_output=True, text=True,
    )  # fmt: skip
    counts = json.loads(counted.stdout.strip().splitlines()[-1])
    with open(f"{prefix}_stats.csv", encoding="utf-8") as file:
        total = next(row for row in csv.DictReader(file) if row["Name"] == "Aggregated")
    times = sorted(json.loads(acks.read_text(encoding="utf-8"))["times"]) if acks.exists() else []
    return {
        "database": name,
        "scenario": scenario + ("+导入" if with_import else ""),
        "requests": int(total["Request Count"]),
        "errors": int(total["Failure Count"]),
        "lost": counts["lost"],
        "doubled": counts["doubled"],
        "work": len(times),
        "p50": _percentile(times, 50),
        "p95": _percentile(times, 95),
        "p99": _percentile(times, 99),
        "note": import_note,
    }


def _percentile(sorted_times: list[float], percent: int) -> str:
    """Nearest-rank percentile of the work requests, whole milliseconds ("—" when none)."""
    if not sorted_times:
        return "—"
    rank = max(1, -(-percent * len(sorted_times) // 100))
    return f"{sorted_times[rank - 1]:.0f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--scenarios", default="judges,rush,browse")
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--judges", type=int, default=200)
    parser.add_argument("--with-import", action="store_true")
    parser.add_argument("--import-rows", type=int, default=100_000)
    options = parser.parse_args()
    options.scenarios = options.scenarios.split(",")
    results = []
    for name in options.databases.split(","):
        work = Path(tempfile.mkdtemp(prefix=f"guanmo-load-{name}-"))
        cluster = None
        try:
            if name == "sqlite":
                url = f"sqlite:///{work / 'guanmo.sqlite3'}"
            else:
                from guanmo.testing.postgres import ThrowawayCluster

                cluster = ThrowawayCluster().start()
                url = cluster.url
            results += run_database(name, url, work, options)
        finally:
            if cluster is not None:
                cluster.stop()
            shutil.rmtree(work, ignore_errors=True)
    columns = ["数据库", "场景", "请求", "错误", "丢失", "重复", "计时请求", "p50 ms", "p95 ms"]
    keys = ["database", "scenario", "requests", "errors", "lost", "doubled", "work", "p50", "p95"]
    print("| " + " | ".join([*columns, "p99 ms", "备注"]) + " |")
    print("|" + "---|" * (len(columns) + 2))
    for r in results:
        print("| " + " | ".join(str(r[key]) for key in [*keys, "p99", "note"]) + " |")
    bad = any(r["errors"] or r["lost"] or r["doubled"] for r in results)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
