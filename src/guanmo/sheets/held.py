"""An uploaded sheet kept on the server between its preview and the user's confirmation.

Never in the session cookie: each user has a folder under MEDIA_ROOT/held/<user id>/ holding
at most HELD_PER_USER files, each kept at most HELD_FOR; holding a new one clears the oldest
and the stale. A held file is named by a random token, so one user cannot reach another's.
"""

import re
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from guanmo.sheets.header import Catalogue, parse_mapping

HELD_PER_USER = 3
HELD_FOR = 24 * 60 * 60  # seconds
_TOKEN = re.compile(r"[0-9a-f]{32}")
_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,5}")


def _folder(user_id: int) -> Path:
    return Path(settings.MEDIA_ROOT) / "held" / str(int(user_id))


def hold(user_id: int, upload: UploadedFile) -> str:
    """Keep the upload for its user; the token names it in later requests."""
    folder = _folder(user_id)
    folder.mkdir(parents=True, exist_ok=True)
    _clear(folder)
    token = secrets.token_hex(16)
    suffix = Path(upload.name or "").suffix.lower()
    suffix = suffix if _SUFFIX.fullmatch(suffix) else ""
    with (folder / f"{token}{suffix}").open("wb") as kept:
        for chunk in upload.chunks():
            kept.write(chunk)
    return token


def held(user_id: int, token: str) -> Path | None:
    """The user's held file for a token, or None (gone, stale, or not his)."""
    if not _TOKEN.fullmatch(token):
        return None
    folder = _folder(user_id)
    found = next(iter(sorted(folder.glob(f"{token}*"))), None) if folder.is_dir() else None
    if found is None or time.time() - found.stat().st_mtime > HELD_FOR:
        return None
    return found


def release(user_id: int, token: str) -> None:
    """Forget a held file (after it is loaded, or abandoned)."""
    path = held(user_id, token)
    if path is not None:
        path.unlink(missing_ok=True)


def _clear(folder: Path) -> None:
    """Drop stale files and the oldest, leaving room for one more."""
    files = sorted(folder.iterdir(), key=lambda path: path.stat().st_mtime)
    now = time.time()
    for index, path in enumerate(files):
        if now - path.stat().st_mtime > HELD_FOR or index < len(files) - (HELD_PER_USER - 1):
            path.unlink(missing_ok=True)


def held_upload(
    request: HttpRequest, token: str, form_class: type[forms.Form], refused: str
) -> tuple[Path, forms.Form] | None:
    """The user's held sheet for `token` and its upload form bound to what the preview page
    sends back (the year, month…; the file is not asked again); None when the sheet is gone or
    stale or the fields are wrong, the reason said as a message (`refused` for the fields)."""
    path = held(request.user.pk, token)
    if path is None:
        messages.error(request, "上传的表格已过期或不存在，请重新上传")
        return None
    form = form_class(request.POST if request.method == "POST" else request.GET, {"sheet": None})
    form.fields["sheet"].required = False
    if not form.is_valid():
        messages.error(request, refused)
        return None
    return path, form


def loaded(request: HttpRequest, token: str, outcome) -> HttpResponse:
    """After a confirmed sheet is loaded: its held file released, its summary said, and the
    import's kept report (`import_record`) shown."""
    release(request.user.pk, token)
    messages.success(request, outcome.summary)
    return redirect("import_record", outcome.record_id)


def mapping_from_form(catalogue: Catalogue, post: Mapping[str, str]) -> dict[str, StrEnum | None]:
    """The columns a user named on a preview page: `col:<header key>` → a field's label or
    忽略 ("" leaves the column as Guanmo read it). ValueError names a bad choice."""
    return parse_mapping(
        catalogue,
        [
            f"{name[4:]}={value}"
            for name, value in post.items()
            if name.startswith("col:") and value
        ],
    )


@dataclass(frozen=True)
class PreviewStep:
    """What a preview page's request asks: the file's name as uploaded, the columns named,
    whether the user confirmed, and how many rows the preview read (0 when not said)."""

    file_name: str
    mapping: dict[str, StrEnum | None]
    confirmed: bool
    rows: int = 0

    @property
    def in_background(self) -> bool:
        """A confirmed sheet of more rows than GUANMO_IMPORT_SYNC_MAX_ROWS is loaded by the
        worker (a background job on a progress bar), not inside the request. The count is the
        one the preview page sends back: it only decides where the loading runs, never what is
        loaded (all or nothing either way)."""
        return self.confirmed and self.rows > settings.GUANMO_IMPORT_SYNC_MAX_ROWS


def preview_step(request: HttpRequest, path: Path, catalogue: Catalogue) -> PreviewStep:
    """Read a preview page's request, whose columns name `catalogue`'s fields; a bad column
    choice is said as a message and dropped."""
    given = request.POST if request.method == "POST" else request.GET
    try:
        mapping = mapping_from_form(catalogue, request.POST)
    except ValueError as error:
        messages.error(request, str(error))
        mapping = {}
    rows = given.get("rows", "")
    return PreviewStep(
        file_name=given.get("name", "")[:255] or path.name,
        mapping=mapping,
        confirmed=request.method == "POST" and request.POST.get("action") == "confirm",
        rows=int(rows) if rows.isdigit() and len(rows) < 10 else 0,
    )
