"""The secret key of an installation that was given none: made once, kept, never public."""

import os
import secrets
from pathlib import Path

# Only ever used with GUANMO_DEBUG on; `guanmo serve` refuses to run with it.
DEVELOPMENT_KEY = "guanmo-development-key-not-for-production"
_KEY_BYTES = 48  # 64 URL-safe characters, above Django's 50-character check


def installation_key(path: Path) -> str:
    """The key kept in `path`, made there (readable by its owner only) on first use.

    Several server processes may start at once: the file is created exclusively, and a process
    that loses the race reads the winner's key.
    """
    try:
        return _read(path)
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(_KEY_BYTES)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read(path)
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(key)
    return key


def _read(path: Path) -> str:
    key = path.read_text(encoding="ascii").strip()
    if not key:
        raise RuntimeError(f"密钥文件 {path} 为空：请删除它后重新启动（会生成新的密钥）")
    return key
