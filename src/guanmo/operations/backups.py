"""One archive holds an installation: its database, consistent while users work, and its media
files with their SHA-256; restoring it into an empty installation gives the same figures and
photos back.

The database is copied by its own tools: SQLite's online backup API (a consistent snapshot even
while others write), PostgreSQL's pg_dump (one transaction, custom format) and pg_restore.
Archive layout (tar.gz): manifest.json, database.sqlite3 or database.pgdump, media/<path>.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

ARCHIVE_FORMAT = 1
ARCHIVE_PREFIX = "guanmo-backup-"
_CHUNK = 1 << 20


class BackupError(RuntimeError):
    """A backup or restore that cannot go on; the message says why, in Chinese."""


@dataclass(frozen=True)
class Database:
    """What backing up needs of Django's database settings."""

    engine: str  # "sqlite" or "postgresql"
    name: str  # the SQLite file, or the PostgreSQL database name
    host: str = ""
    port: str = ""
    user: str = ""
    password: str = ""

    @classmethod
    def from_settings(cls, settings_dict: dict[str, Any]) -> "Database":
        engine = settings_dict["ENGINE"]
        if engine.endswith("sqlite3"):
            return cls("sqlite", str(settings_dict["NAME"]))
        if "postgresql" in engine:
            return cls(
                "postgresql",
                settings_dict["NAME"],
                str(settings_dict.get("HOST") or ""),
                str(settings_dict.get("PORT") or ""),
                settings_dict.get("USER") or "",
                settings_dict.get("PASSWORD") or "",
            )
        raise BackupError(f"不支持备份这种数据库：{engine}")

    @property
    def member(self) -> str:
        return "database.sqlite3" if self.engine == "sqlite" else "database.pgdump"

    def pg_environment(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update({"PGHOST": self.host, "PGPORT": self.port, "PGUSER": self.user})
        if self.password:
            env["PGPASSWORD"] = self.password
        return {key: value for key, value in env.items() if value != ""}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def write_backup(database: Database, media_root: Path, directory: Path, *, now: datetime) -> Path:
    """Write one archive into `directory` and return its path."""
    directory.mkdir(parents=True, exist_ok=True)
    archive = directory / f"{ARCHIVE_PREFIX}{now:%Y%m%d-%H%M%S}.tar.gz"
    with tempfile.TemporaryDirectory(prefix="guanmo-backup-") as work:
        dump = Path(work) / database.member
        _dump_database(database, dump)
        media = _media_files(media_root)
        manifest = {
            "format": ARCHIVE_FORMAT,
            "created": now.isoformat(),
            "engine": database.engine,
            "database": {"file": database.member, "sha256": sha256_of(dump)},
            "media": [
                {"path": relative, "sha256": sha256_of(path), "size": path.stat().st_size}
                for relative, path in media
            ],
        }
        partial = archive.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            _add_bytes(tar, "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
            tar.add(dump, arcname=database.member)
            for relative, path in media:
                tar.add(path, arcname=f"media/{relative}")
        partial.replace(archive)  # a crash mid-write leaves no archive that looks complete
    return archive


def prune_backups(directory: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` archives in `directory`; return the deleted ones."""
    archives = sorted(directory.glob(f"{ARCHIVE_PREFIX}*.tar.gz"))
    doomed = archives[:-keep] if keep > 0 else archives
    for path in doomed:
        path.unlink()
    return doomed


def restore_backup(archive: Path, database: Database, media_root: Path) -> dict[str, Any]:
    """Bring an archive back into an empty installation; every file's SHA-256 is checked first.

    Raises BackupError when the archive is damaged, was made from another kind of database, or
    the installation already holds media files."""
    if any(media_root.rglob("*")) if media_root.exists() else False:
        raise BackupError(f"附件目录 {media_root} 不是空的：只能恢复到空的安装中")
    with tempfile.TemporaryDirectory(prefix="guanmo-restore-") as work:
        root = Path(work)
        try:
            with tarfile.open(archive, "r:gz") as tar:
                tar.extractall(root, filter="data")
            manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, tarfile.TarError, json.JSONDecodeError, KeyError) as error:
            raise BackupError(f"备份文件无法读取：{archive.name}（{error}）") from error
        if manifest.get("format") != ARCHIVE_FORMAT:
            raise BackupError(f"备份文件格式{manifest.get('format')}不受支持")
        if manifest["engine"] != database.engine:
            raise BackupError(
                f"备份来自 {manifest['engine']} 数据库，"
                f"当前安装使用 {database.engine}，不能直接恢复"
            )
        dump = root / manifest["database"]["file"]
        _check(dump, manifest["database"]["sha256"])
        for entry in manifest["media"]:
            _check(root / "media" / entry["path"], entry["sha256"])
        _load_database(database, dump)
        for entry in manifest["media"]:
            target = media_root / entry["path"]
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(root / "media" / entry["path"], target)
    return manifest


def _check(path: Path, expected: str) -> None:
    if not path.is_file():
        raise BackupError(f"备份文件缺少 {path.name}")
    if sha256_of(path) != expected:
        raise BackupError(f"备份中的 {path.name} 校验不符（SHA-256），文件已损坏")


def _media_files(media_root: Path) -> list[tuple[str, Path]]:
    if not media_root.exists():
        return []
    return sorted(
        (path.relative_to(media_root).as_posix(), path)
        for path in media_root.rglob("*")
        if path.is_file()
    )


def _add_bytes(tar: tarfile.TarFile, name: str, text: str) -> None:
    data = text.encode("utf-8")
    info = tarfile.TarInfo(name)
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))


def _dump_database(database: Database, target: Path) -> None:
    if database.engine == "sqlite":
        source = sqlite3.connect(f"file:{database.name}?mode=ro", uri=True)
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)  # SQLite's online backup: a consistent snapshot
        finally:
            destination.close()
            source.close()
        return
    _run(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--file={target}",
            database.name,
        ],
        database,
        "pg_dump",
    )


def _load_database(database: Database, dump: Path) -> None:
    if database.engine == "sqlite":
        target = Path(database.name)
        target.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        source = sqlite3.connect(dump)
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
            source.close()
        return
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            f"--dbname={database.name}",
            str(dump),
        ],
        database,
        "pg_restore",
    )


def _run(argv: list[str], database: Database, tool: str) -> None:
    if shutil.which(argv[0]) is None:
        raise BackupError(f"找不到 {tool}：请安装 PostgreSQL 客户端程序（postgresql-client）")
    done = subprocess.run(
        argv, env=database.pg_environment(), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise BackupError(f"{tool} 失败：{done.stderr.strip()}")
