"""Writing a commissioner's log: a visit with its photos, in one go.

The slow part (reading each photo's EXIF, making the shrunk copies) is done before the write
transaction begins, so the database's write lock is never held while pictures are decoded.
The rows are then committed, and only then are the files written: a failure before the commit
leaves no file; a failure while writing the files removes the files and the rows."""

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import PurePath

from django.core.files.base import ContentFile, File
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from guanmo.accounts.models import User
from guanmo.commissioners import pictures
from guanmo.commissioners.exif import read_facts
from guanmo.commissioners.models import Photo, Visit, evidence_path
from guanmo.ledger.models import Project

_COORDINATE = Decimal("0.000001")


@dataclass
class _Prepared:
    """A photo read and shrunk, ready to store: its row (not saved) and its three files."""

    photo: Photo
    files: list[tuple[str, File]]  # (field name, content)


def record_visit(
    project: Project,
    *,
    commissioner: User,
    visited_on: date,
    seen: str,
    done: str,
    photos: Sequence[UploadedFile],
    submission: uuid.UUID | None = None,
) -> Visit:
    """Store the visit and its photos (each original untouched, its EXIF read, shrunk copies
    made). All or nothing: on any failure no row and no file is left. A visit sent again with
    the same `submission` (a double click, a resend) is the one already stored, returned."""
    stored_already = Visit.objects.filter(submission=submission) if submission else None
    if stored_already is not None and stored_already.exists():
        return stored_already.get()
    prepared = [_prepare(upload) for upload in photos]
    visit = Visit(
        project=project,
        commissioner=commissioner,
        visited_on=visited_on,
        seen=seen,
        done=done,
        submission=submission,
    )
    try:
        _insert(visit, prepared)
    except IntegrityError:
        if stored_already is None or not stored_already.exists():
            raise
        return stored_already.get()  # the same form, committed a moment before this one
    _write_files(visit, prepared)
    return visit


@transaction.atomic
def _insert(visit: Visit, prepared: list[_Prepared]) -> None:
    """The visit's and its photos' rows, with the files' names (the files are not written)."""
    visit.save()
    for each in prepared:
        each.photo.visit = visit
        for name, _ in each.files:
            stored = getattr(each.photo, name)
            stored.name = evidence_path(each.photo, stored.name)
    Photo.objects.bulk_create([each.photo for each in prepared])


def _write_files(visit: Visit, prepared: list[_Prepared]) -> None:
    """Write the photos' files after their rows are committed; if one cannot be written,
    remove those written and the visit's rows."""
    written: list[tuple[Photo, str]] = []
    try:
        for each in prepared:
            for name, content in each.files:
                stored = getattr(each.photo, name)
                saved = stored.storage.save(stored.name, content)
                written.append((each.photo, name))
                if saved != stored.name:  # the storage chose another name: the row is wrong
                    stored.name = saved
                    raise OSError(f"照片文件名冲突：{saved}")
    except BaseException:
        for photo, name in written:
            getattr(photo, name).delete(save=False)
        Visit.objects.filter(pk=visit.pk).delete()
        raise


def delete_visits(visits: QuerySet[Visit]) -> None:
    """Delete the visits with their photos, the photos' files included (rows alone would leave
    the files behind)."""
    for photo in Photo.objects.filter(visit__in=visits):
        _delete_files(photo)
    visits.delete()


def _delete_files(photo: Photo) -> None:
    for stored in (photo.original, photo.thumbnail, photo.picture):
        if stored:
            stored.delete(save=False)


def _prepare(upload: UploadedFile) -> _Prepared:
    """Read the photo and make its shrunk copies; nothing is written anywhere."""
    facts = read_facts(upload)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    stem = uuid.uuid4().hex
    extension = PurePath(upload.name or "").suffix.lower()[:8] or ".jpg"
    photo = Photo(
        original_name=PurePath(upload.name or "照片").name[:255],
        sha256=digest.hexdigest(),
        size=upload.size,
        has_exif=facts.has_exif,
    )
    if facts.taken_at is not None:
        taken_at = facts.taken_at
        photo.taken_at = taken_at if timezone.is_aware(taken_at) else timezone.make_aware(taken_at)
    if facts.position is not None:
        photo.latitude = Decimal(facts.position.latitude).quantize(_COORDINATE)
        photo.longitude = Decimal(facts.position.longitude).quantize(_COORDINATE)
    photo.original.name = f"{stem}{extension}"
    photo.thumbnail.name = f"{stem}-thumbnail.jpg"
    photo.picture.name = f"{stem}-picture.jpg"
    thumbnail = ContentFile(pictures.shrunk(upload, pictures.THUMBNAIL_BOX))
    picture = ContentFile(pictures.shrunk(upload, pictures.PICTURE_BOX))
    files = [("original", upload), ("thumbnail", thumbnail), ("picture", picture)]
    return _Prepared(photo, files)
