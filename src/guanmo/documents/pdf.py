"""A .docx as PDF, by LibreOffice headless (Debian's libreoffice-writer-nogui).

Each conversion runs in its own temporary directory with its own LibreOffice profile
(-env:UserInstallation), so conversions at the same time do not share a lock, and under a
time limit. It takes seconds: never call it inside a database transaction, where it would
hold the transaction's locks that long.
"""

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from django.db import connection

FONTS_CONF = Path(__file__).with_name("fonts.conf")
TIMEOUT_SECONDS = 120


class ConversionError(Exception):
    """LibreOffice is missing, failed or took too long; the message says which, in Chinese."""


def _soffice() -> str:
    for name in ("soffice", "libreoffice"):
        if found := shutil.which(name):
            return found
    raise ConversionError("未安装 LibreOffice（libreoffice-writer-nogui），无法生成 PDF")


def _inside_transaction() -> bool:
    # A test's own wrapping transaction (Django's TestCase, pytest-django's `db`) is not ours.
    return any(not getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def docx_to_pdf(content: bytes, *, timeout: int = TIMEOUT_SECONDS) -> bytes:
    """The PDF of a .docx given as bytes. Raises ConversionError, or RuntimeError when called
    inside a database transaction."""
    if _inside_transaction():
        raise RuntimeError("PDF 转换不得在数据库事务中进行")
    soffice = _soffice()
    with tempfile.TemporaryDirectory(prefix="guanmo-pdf-") as work:
        folder = Path(work)
        source = folder / "document.docx"
        source.write_bytes(content)
        environment = os.environ | {
            "HOME": work,
            "FONTCONFIG_FILE": str(FONTS_CONF),
            "SAL_USE_VCLPLUGIN": "svp",
        }
        command = [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(folder),
            str(source),
        ]
        # Its own process group, so that a conversion over time is ended with every process
        # LibreOffice started (soffice starts soffice.bin).
        process = subprocess.Popen(
            command,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise ConversionError(f"LibreOffice 转换超过{timeout}秒未完成") from None
        result = folder / "document.pdf"
        if not result.exists():
            raise ConversionError("LibreOffice 未能将文档转换为 PDF")
        return result.read_bytes()
