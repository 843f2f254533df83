"""Load on a real server, loopback only, bounded in time: `python bench/load.py`.

For each database (SQLite file, and PostgreSQL on a throwaway cluster) it builds the demo city,
starts `guanmo serve`, and runs each scenario with locust for `--seconds`:
  judges  200 judges scoring at once on their phones (10% of submissions sent twice);
  rush    the month-end rush: twelve counties saving and submitting while the city approves;
  browse  twenty people reading the dashboard, warnings, project list and map;
each alone and, with `--with-import`, while `guanmo import-ledger` loads a 100,000-row ledger.
The users start `--spawn-rate` a second (200 judges in 20 s at the default 10), then work for
`--seconds` more. Printed per run, as a Markdown table: requests, errors (must be 0), writes
acknowledged but not stored (lost) and stored twice (doubled), both counted in the database
afterwards (must be 0); signing in (a password's deliberately slow hash, or a judge's link) by
itself: how many and p50/p95/p99 in ms; the work requests sent once every user has signed in:
how many and p50/p95/p99 in ms; and the CPU the server used (gunicorn's processes and PostgreSQL's;
with the import also the importer's database work) per request, in ms: on 2 cores a server
answering N requests a second at C ms each is saturated when N × C nears 2000.
Exit status 1 when any run has an error, a lost or a doubled write.
"""

import argparse
import csv
import json
import math
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


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and its living descendants, from /proc."""
    seconds, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            seconds += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile
    return seconds


def run_database(name: str, database_url: str, work: Path, options, database_pid=None) -> list:
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
                server_pids = [server.pid] + ([database_pid] if database_pid else [])
                results.append(
                    _run_scenario(
                        name, scenario, with_import, port, env, work, plan, acks, options,
                        server_pids,
                    )
                )  # fmt: skip
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    return results


def _run_scenario(
    name, scenario, with_import, port, env, work, plan, acks, options, server_pids
) -> dict:
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
    starting = math.ceil(users / options.spawn_rate)
    cpu_before = sum(_cpu_seconds(pid) for pid in server_pids)
    subprocess.run(
        [str(BIN / "locust"), "-f", str(HERE / "locustfile.py"), "--headless",
         "--host", f"http://127.0.0.1:{port}", "-u", str(users), "-r", str(options.spawn_rate),
         "-t", f"{starting + options.seconds}s", "--csv", str(prefix), "--only-summary",
         "--stop-timeout", "10", "--loglevel", "ERROR"],
        env={**env, "LOAD_PLAN": str(plan), "LOAD_SCENARIO": scenario, "LOAD_ACKS": str(acks)},
        cwd=work, check=False, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    cpu_used = sum(_cpu_seconds(pid) for pid in server_pids) - cpu_before
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
    kept = json.loads(acks.read_text(encoding="utf-8")) if acks.exists() else {}
    times, signing_in = sorted(kept.get("times", [])), sorted(kept.get("sign_in_times", []))
    requests = int(total["Request Count"])
    return {
        "database": name,
        "scenario": scenario + ("+导入" if with_import else ""),
        "requests": requests,
        "errors": int(total["Failure Count"]),
        "lost": counts["lost"],
        "doubled": counts["doubled"],
        "work": len(times),
        "p50": _percentile(times, 50),
        "p95": _percentile(times, 95),
        "p99": _percentile(times, 99),
        "sign_in": len(signing_in),
        "sign_in_times": "/".join(_percentile(signing_in, p) for p in (50, 95, 99)),
        "cpu": f"{cpu_used * 1000 / requests:.1f}" if requests else "—",
        "note": import_note,
    }


def _percentile(sorted_times: list[float], percent: int) -> str:
    """Nearest-rank percentile of the work requests, whole milliseconds ("—" when none)."""
    if not sorted_times:
        return "—"
    rank = max(1, -(-percent * len(sorted_times) // 100))
    return f"{sorted_times[rank - 1]:.0f}"


def _postmaster(cluster) -> int | None:
    """The throwaway cluster's server process (its backends are its children); None for
    SQLite, which runs inside the server's own processes."""
    pid_file = cluster.data / "postmaster.pid" if cluster else None
    return int(pid_file.read_text().split()[0]) if pid_file and pid_file.exists() else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--scenarios", default="judges,rush,browse")
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--judges", type=int, default=200)
    parser.add_argument(
        "--spawn-rate", type=float, default=10, help="users started a second (default 10)"
    )
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
            results += run_database(name, url, work, options, _postmaster(cluster))
        finally:
            if cluster is not None:
                cluster.stop()
            shutil.rmtree(work, ignore_errors=True)
    columns = {
        "database": "数据库", "scenario": "场景", "requests": "请求", "errors": "错误",
        "lost": "丢失", "doubled": "重复", "sign_in": "登录", "sign_in_times": "登录 p50/95/99 ms",
        "work": "计时请求", "p50": "p50 ms", "p95": "p95 ms", "p99": "p99 ms",
        "cpu": "服务器CPU ms/请求", "note": "备注",
    }  # fmt: skip
    print("| " + " | ".join(columns.values()) + " |")
    print("|" + "---|" * len(columns))
    for r in results:
        print("| " + " | ".join(str(r[key]) for key in columns) + " |")
    bad = any(r["errors"] or r["lost"] or r["doubled"] for r in results)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
