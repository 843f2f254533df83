"""Photos and the write transaction: decoded before it begins, written to disk only after the
rows are committed, all removed when a file cannot be written; a small file declaring a huge
picture refused from its header, never decoded."""

import uuid
from datetime import date
from io import BytesIO

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse
from PIL import Image, ImageFile

from guanmo.commissioners import services
from guanmo.commissioners.models import Photo, Visit
from tests.commissioners.logs import log_visit
from tests.commissioners.photos import NEAR, jpeg
from tests.commissioners.test_visits import post_visit
from tests.concurrency import all_at_once


def files_under(root) -> list:
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_photos_are_decoded_before_the_write_transaction(transactional_db, project, monkeypatch):
    inside: list[bool] = []
    shrink, read = services.pictures.shrunk, services.read_facts

    def shrunk(*args):
        inside.append(connection.in_atomic_block)
        return shrink(*args)

    def read_facts(*args):
        inside.append(connection.in_atomic_block)
        return read(*args)

    monkeypatch.setattr(services.pictures, "shrunk", shrunk)
    monkeypatch.setattr(services, "read_facts", read_facts)
    log_visit(project, date(2025, 4, 9), jpeg(taken="2025:04:09 08:15:00", at=NEAR))
    assert inside and not any(inside)


def test_photo_files_are_written_only_after_their_rows_are_committed(
    transactional_db, project, monkeypatch
):
    committed: list[bool] = []
    save = FileSystemStorage.save

    def watched(storage, name, content, *args, **kwargs):
        committed.append(not connection.in_atomic_block and Photo.objects.exists())
        return save(storage, name, content, *args, **kwargs)

    monkeypatch.setattr(FileSystemStorage, "save", watched)
    visit = log_visit(project, date(2025, 4, 9), jpeg(), jpeg())
    assert committed == [True] * 6  # an original and two shrunk copies per photo
    for photo in visit.photos.all():
        for stored in (photo.original, photo.thumbnail, photo.picture):
            assert stored.storage.exists(stored.name)


def test_a_file_that_cannot_be_written_leaves_no_row_and_no_file(project, settings, monkeypatch):
    save, calls = FileSystemStorage.save, []

    def failing(storage, name, content, *args, **kwargs):
        calls.append(name)
        if len(calls) == 4:
            raise OSError("磁盘已满")
        return save(storage, name, content, *args, **kwargs)

    monkeypatch.setattr(FileSystemStorage, "save", failing)
    with pytest.raises(OSError, match="磁盘已满"):
        log_visit(project, date(2025, 4, 9), jpeg(), jpeg())
    assert not Visit.objects.exists() and not Photo.objects.exists()
    assert files_under(settings.MEDIA_ROOT) == []


def huge_png() -> bytes:
    """A 13000 × 13000 picture (169 megapixels) in about 20 KB: one colour compresses well."""
    output = BytesIO()
    Image.new("1", (13000, 13000)).save(output, "PNG")
    return output.getvalue()


def test_a_small_png_of_169_megapixels_is_refused_before_decoding(
    client, world, project, settings, monkeypatch
):
    decoded = []
    load = ImageFile.ImageFile.load
    monkeypatch.setattr(
        ImageFile.ImageFile, "load", lambda image: decoded.append(image.size) or load(image)
    )
    bomb = huge_png()
    assert len(bomb) < 64 * 1024
    client.force_login(world.users["commissioner"])
    response = post_visit(client, project, ("IMG_0001.PNG", bomb))
    page = response.content.decode()
    assert response.status_code == 200
    assert "「IMG_0001.PNG」像素过多（13000×13000，约16900万像素）" in page
    assert "单张照片不能超过6000万像素" in page
    assert decoded == [] and not Visit.objects.exists()
    assert files_under(settings.MEDIA_ROOT) == []


def test_a_photo_within_the_pixel_limit_is_taken(client, world, project, settings):
    settings.GUANMO_IMAGE_MAX_PIXELS = 2400 * 1800
    client.force_login(world.users["commissioner"])
    camera = jpeg(size=(2400, 1800))
    assert post_visit(client, project, ("IMG_0001.JPG", camera)).status_code == 302
    settings.GUANMO_IMAGE_MAX_PIXELS = 2400 * 1800 - 1
    response = post_visit(client, project, ("IMG_0002.JPG", camera))
    assert "像素过多" in response.content.decode() and Visit.objects.count() == 1


def test_overlong_visit_text_is_refused_with_its_length(client, world, project, settings):
    client.force_login(world.users["commissioner"])
    response = client.post(
        reverse("visit_new", args=[project.pk]),
        {
            "visited_on": "2025-04-09",
            "seen": "施" * (settings.GUANMO_TEXT_MAX_CHARS + 1),
            "photos": [SimpleUploadedFile("a.jpg", jpeg(), "image/jpeg")],
        },
    )
    assert "「现场情况」不能超过2000字，现为2001字" in response.content.decode()
    assert not Visit.objects.exists()


def test_a_photo_over_its_size_limit_is_refused_by_name(client, world, project, settings):
    settings.GUANMO_PHOTO_MAX_MB = 1
    client.force_login(world.users["commissioner"])
    heavy = jpeg() + b"\0" * (1100 * 1024)  # a JPEG with 1.1 MB of trailing bytes
    light = jpeg() + b"\0" * (600 * 1024)
    response = post_visit(client, project, ("IMG_0001.JPG", light), ("IMG_0002.JPG", heavy))
    assert "「IMG_0002.JPG」超过1MB，请压缩后再上传" in response.content.decode()
    assert not Visit.objects.exists()
    assert (
        post_visit(client, project, ("IMG_0001.JPG", light), ("IMG_0003.JPG", light)).status_code
        == 302
    )


def visit_form(submission: str) -> dict:
    return {
        "visited_on": "2025-04-09",
        "seen": "主体结构施工至三层",
        "submission": submission,
        "photos": [SimpleUploadedFile("IMG_0001.JPG", jpeg(), "image/jpeg")],
    }


def test_the_new_visit_page_carries_its_submission_id(client, world, project):
    client.force_login(world.users["commissioner"])
    page = client.get(reverse("visit_new", args=[project.pk])).content.decode()
    assert 'type="hidden" name="submission"' in page and "提交编号" not in page


def test_a_visit_sent_twice_at_once_is_stored_once(transactional_db, world, project, settings):
    phone = Client()
    phone.force_login(world.users["commissioner"])
    url, submission = reverse("visit_new", args=[project.pk]), str(uuid.uuid4())
    answers = all_at_once([lambda: phone.post(url, visit_form(submission)) for _ in range(2)])
    visit = Visit.objects.get()
    assert [getattr(answer, "status_code", answer) for answer in answers] == [302, 302]
    assert {answer.url for answer in answers} == {reverse("visit_detail", args=[visit.pk])}
    assert visit.photos.count() == 1 and len(files_under(settings.MEDIA_ROOT)) == 3


def test_a_visit_resent_after_it_was_stored_is_not_stored_again(client, world, project):
    client.force_login(world.users["commissioner"])
    url, submission = reverse("visit_new", args=[project.pk]), str(uuid.uuid4())
    first = client.post(url, visit_form(submission))
    second = client.post(url, visit_form(submission))
    assert first.url == second.url and Visit.objects.count() == 1
