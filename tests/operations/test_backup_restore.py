"""`guanmo backup` then `guanmo restore` into an empty installation gives the same figures and
the same photos, on SQLite and on PostgreSQL; a damaged archive or a full one is refused."""

import hashlib
import io
import os
import sqlite3
import subprocess
import sys
import tarfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from guanmo.operations.backups import Database, prune_backups, write_backup
from tests.ledger.sheets import ledger_xlsx

GUANMO = Path(sys.executable).with_name("guanmo")
KEY = "v7Jq-2mPz_9Lx4Rb8Tn1Wc6Yh3Ks0Fd5Ge7Ua2Mi9Oe4Qr1Sy6Zt3Xw8Vb5Nn0Lp"
PHOTO = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40  # any bytes: the archive keeps them exactly


def _env(database_url: str, media: Path, **more: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GUANMO_", "DJANGO_"))}
    env.update(
        GUANMO_DATABASE_URL=database_url,
        GUANMO_MEDIA_ROOT=str(media),
        GUANMO_SECRET_KEY=KEY,
        GUANMO_HTTPS="0",
        **more,
    )
    return env


def _guanmo(*argv: str, env: dict[str, str], cwd: Path, check: bool = True):
    return subprocess.run(
        [str(GUANMO), *argv], env=env, cwd=cwd, capture_output=True, text=True, check=check
    )


def _installation(tmp_path: Path, name: str, database_url: str) -> tuple[dict[str, str], Path]:
    root = tmp_path / name
    (root / "media").mkdir(parents=True)
    env = _env(database_url, root / "media")
    _guanmo("migrate", "-v0", env=env, cwd=root)
    return env, root


def _figures(env: dict[str, str], cwd: Path) -> str:
    """The ledger as `export-ledger` writes it, cell by cell: what a restore must give back."""
    out = cwd / "ledger.xlsx"
    _guanmo("export-ledger", "--year", "2025", "-o", str(out), env=env, cwd=cwd)
    sheet = load_workbook(out, read_only=True).active
    return repr([row for row in sheet.iter_rows(values_only=True)])


def _fill(env: dict[str, str], root: Path) -> None:
    _guanmo("init-city", "410800", env=env, cwd=root)
    sheet = root / "台账.xlsx"
    rows = [
        (1, "武陟县智能装备产业园", "", "武陟县", "某装备公司", "续建", "2024—2026", 120000, 40000),
        (2, "温县城乡供水一体化工程", "", "温县", "温县水利局", "新开工", "2025", 18500.5, 6000),
    ]
    sheet.write_bytes(ledger_xlsx(*rows).getvalue())
    _guanmo("import-ledger", str(sheet), "--year", "2025", env=env, cwd=root)
    photo = root / "media" / "visits" / "2025" / "11" / "现场.jpg"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(PHOTO)


def _round_trip(tmp_path: Path, source_url: str, target_url: str) -> None:
    env, root = _installation(tmp_path, "source", source_url)
    _fill(env, root)
    before = _figures(env, root)
    backups = tmp_path / "backups"
    made = _guanmo("backup", "-o", str(backups), env=env, cwd=root)
    archive = next(backups.glob("guanmo-backup-*.tar.gz"))
    assert "已备份" in made.stdout

    target_env, target = _installation(tmp_path, "target", target_url)
    restored = _guanmo("restore", str(archive), env=target_env, cwd=target)
    assert "1个附件" in restored.stdout

    assert _figures(target_env, target) == before
    copy = target / "media" / "visits" / "2025" / "11" / "现场.jpg"
    assert hashlib.sha256(copy.read_bytes()).digest() == hashlib.sha256(PHOTO).digest()


def test_sqlite_backup_restores_the_same_figures_and_photos(tmp_path):
    _round_trip(
        tmp_path, f"sqlite:///{tmp_path / 'a.sqlite3'}", f"sqlite:///{tmp_path / 'b.sqlite3'}"
    )


@pytest.mark.skipif(
    os.environ.get("GUANMO_TEST_DATABASE") != "postgres", reason="PostgreSQL 轮次中运行"
)
def test_postgres_backup_restores_the_same_figures_and_photos(tmp_path):
    cluster_url = os.environ["GUANMO_DATABASE_URL"]  # the test run's throwaway cluster
    suffix = tmp_path.name.replace("-", "_").lower()
    names = [f"backup_source_{suffix}", f"backup_target_{suffix}"]
    for name in names:
        subprocess.run(["psql", cluster_url, "-c", f"CREATE DATABASE {name}"], check=True)
    base = cluster_url.rsplit("/", 1)[0]
    _round_trip(tmp_path, f"{base}/{names[0]}", f"{base}/{names[1]}")


def test_a_restore_into_an_installation_with_data_is_refused(tmp_path):
    env, root = _installation(tmp_path, "source", f"sqlite:///{tmp_path / 'a.sqlite3'}")
    _fill(env, root)
    _guanmo("backup", "-o", str(tmp_path / "b"), env=env, cwd=root)
    archive = next((tmp_path / "b").glob("*.tar.gz"))
    refused = _guanmo("restore", str(archive), env=env, cwd=root, check=False)
    assert refused.returncode != 0
    assert "只能恢复到空的安装中" in refused.stderr


def test_a_damaged_archive_is_refused_and_changes_nothing(tmp_path):
    env, root = _installation(tmp_path, "source", f"sqlite:///{tmp_path / 'a.sqlite3'}")
    _fill(env, root)
    _guanmo("backup", "-o", str(tmp_path / "b"), env=env, cwd=root)
    archive = next((tmp_path / "b").glob("*.tar.gz"))
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read() if member.isfile() else None
            if member.name.startswith("media/"):
                data = data[:-1] + b"\x00"  # one byte changed in the photo
            if data is not None:
                member.size = len(data)
                target.addfile(member, io.BytesIO(data))
    target_env, target = _installation(tmp_path, "target", f"sqlite:///{tmp_path / 'c.sqlite3'}")
    refused = _guanmo("restore", str(damaged), env=target_env, cwd=target, check=False)
    assert refused.returncode != 0 and "校验不符" in refused.stderr
    with sqlite3.connect(tmp_path / "c.sqlite3") as connection:
        assert connection.execute("SELECT COUNT(*) FROM ledger_project").fetchone()[0] == 0
    assert not any((target / "media").rglob("*.jpg"))


def test_scheduled_backups_keep_the_set_number(tmp_path):
    db = tmp_path / "x.sqlite3"
    sqlite3.connect(db).close()
    for minute in range(4):
        write_backup(
            Database("sqlite", str(db)),
            tmp_path / "media",
            tmp_path / "b",
            now=datetime(2025, 12, 1, 2, minute),
        )
    deleted = prune_backups(tmp_path / "b", keep=2)
    assert [path.name for path in deleted] == [
        "guanmo-backup-20251201-020000.tar.gz",
        "guanmo-backup-20251201-020100.tar.gz",
    ]
    assert len(list((tmp_path / "b").glob("*.tar.gz"))) == 2
