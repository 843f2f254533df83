"""Writing a commissioner's log: a visit with its photos, in one go."""

import hashlib
import uuid
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import PurePath

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from guanmo.accounts.models import User
from guanmo.commissioners import pictures
from guanmo.commissioners.exif import read_facts
from guanmo.commissioners.models import Photo, Visit
from guanmo.ledger.models import Project

_COORDINATE = Decimal("0.000001")


def record_visit(
    project: Project,
    *,
    commissioner: User,
    visited_on: date,
    seen: str,
    done: str,
    photos: Sequence[UploadedFile],
) -> Visit:
    """Store the visit and its photos (each original untouched, its EXIF read, shrunk copies
    made). All or nothing: on any failure no row is left and the files written are removed."""
    written: list[Photo] = []
    try:
        with transaction.atomic():
            visit = Visit.objects.create(
                project=project,
                commissioner=commissioner,
                visited_on=visited_on,
                seen=seen,
                done=done,
            )
            for upload in photos:
                written.append(Photo(visit=visit))
                _store_photo(written[-1], upload)
    except BaseException:
        for photo in written:
            _delete_files(photo)
        raise
    return visit


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


def _store_photo(photo: Photo, upload: UploadedFile) -> None:
    facts = read_facts(upload)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    stem = uuid.uuid4().hex
    extension = PurePath(upload.name or "").suffix.lower()[:8] or ".jpg"
    photo.original_name = PurePath(upload.name or "照片").name[:255]
    photo.sha256 = digest.hexdigest()
    photo.size = upload.size
    photo.has_exif = facts.has_exif
    if facts.taken_at is not None:
        taken_at = facts.taken_at
        photo.taken_at = taken_at if timezone.is_aware(taken_at) else timezone.make_aware(taken_at)
    if facts.position is not None:
        photo.latitude = Decimal(facts.position.latitude).quantize(_COORDINATE)
        photo.longitude = Decimal(facts.position.longitude).quantize(_COORDINATE)
    # Files first, then the row: a failed save leaves files the caller removes, never a row
    # pointing at nothing.
    photo.original.save(f"{stem}{extension}", upload, save=False)
    thumbnail = pictures.shrunk(upload, pictures.THUMBNAIL_BOX)
    photo.thumbnail.save(f"{stem}-thumbnail.jpg", ContentFile(thumbnail), save=False)
    picture = pictures.shrunk(upload, pictures.PICTURE_BOX)
    photo.picture.save(f"{stem}-picture.jpg", ContentFile(picture), save=False)
    photo.save()
