"""An objection's attachment (异议附件): which files are taken, told by their content.

A unit supports its objection with an official letter, a scan or a sheet: PDF, JPG, PNG, DOCX
or XLSX, at most `ATTACHMENT_MAX_MB`. The kind is read from the file's first bytes (PDF, JPEG
and PNG signatures) or, for the Office formats, from the parts of its zip archive
(word/document.xml, xl/workbook.xml); the name's extension must say the same kind, so that a
text file renamed .pdf, or a sheet renamed .docx, is refused (tryout 13: a plain text file was
kept as the attachment).
"""

import zipfile
from pathlib import PurePath
from typing import IO

ATTACHMENT_MAX_MB = 10

# extension → the kind it names, as the message says it
KINDS = {"pdf": "PDF", "jpg": "JPG", "jpeg": "JPG", "png": "PNG", "docx": "DOCX", "xlsx": "XLSX"}
_SIGNATURES = {"PDF": b"%PDF-", "JPG": b"\xff\xd8\xff", "PNG": b"\x89PNG\r\n\x1a\n"}
_PARTS = {"DOCX": "word/document.xml", "XLSX": "xl/workbook.xml"}


def content_kind(file: IO[bytes]) -> str | None:
    """The kind ("PDF", "JPG", "PNG", "DOCX", "XLSX") the file's content is, or None for any
    other; the file is read from its start and left at its start."""
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    for kind, signature in _SIGNATURES.items():
        if head.startswith(signature):
            return kind
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, EOFError):
        return None
    finally:
        file.seek(0)
    return next((kind for kind, part in _PARTS.items() if part in names), None)


# An objection is made "with a reason and attachment" (issue 13): none is taken without one.
MISSING = (
    f"请上传异议的证明材料（附件）：PDF、JPG、PNG、DOCX或XLSX文件，不超过{ATTACHMENT_MAX_MB}MB"
)


def attachment_fault(upload) -> str | None:
    """Why `upload` (an UploadedFile: .name, .size, readable; None for no file) is not taken
    as an objection's attachment, in Chinese naming the file (`MISSING` for none); None when
    it is taken."""
    if upload is None:
        return MISSING
    name = PurePath(upload.name).name
    if upload.size > ATTACHMENT_MAX_MB * 1024 * 1024:
        return f"附件「{name}」超过{ATTACHMENT_MAX_MB}MB"
    named = KINDS.get(PurePath(name).suffix.lower().lstrip("."))
    if named is None:
        return f"附件「{name}」：只能上传PDF、JPG、PNG、DOCX或XLSX文件"
    if content_kind(upload) != named:
        return f"附件「{name}」的内容不是{named}文件，请上传原件"
    return None
