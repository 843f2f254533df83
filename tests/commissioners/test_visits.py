"""A commissioner logs a visit from his phone: photos kept untouched, read, shrunk, flagged."""

import hashlib
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from guanmo.commissioners.models import Photo, Visit
from tests.commissioners.logs import log_visit
from tests.commissioners.photos import FAR, NEAR, jpeg


@pytest.fixture
def commissioner(client, world):
    client.force_login(world.users["commissioner"])
    return client


def post_visit(client, project, *photos: tuple[str, bytes], visited_on="2025-04-09"):
    uploads = [SimpleUploadedFile(name, content, "image/jpeg") for name, content in photos]
    return client.post(
        reverse("visit_new", args=[project.pk]),
        {
            "visited_on": visited_on,
            "seen": "主体结构施工至三层，现场工人约60人",
            "done": "督促施工单位加快钢筋进场",
            "photos": uploads,
        },
    )


def test_the_new_visit_page_offers_the_phone_camera(commissioner, project):
    page = commissioner.get(reverse("visit_new", args=[project.pk])).content.decode()
    assert 'type="file"' in page
    assert 'accept="image/*"' in page and 'capture="environment"' in page and "multiple" in page
    assert 'enctype="multipart/form-data"' in page


def test_a_visit_keeps_each_original_byte_for_byte(commissioner, world, project):
    camera = jpeg(taken="2025:04:09 08:15:00", at=NEAR, size=(2400, 1800), noisy=True)
    response = post_visit(commissioner, project, ("IMG_0001.JPG", camera))
    visit = Visit.objects.get()
    assert response.status_code == 302 and response.url == reverse("visit_detail", args=[visit.pk])
    photo = visit.photos.get()
    with photo.original.open("rb") as stored:
        assert hashlib.sha256(stored.read()).hexdigest() == hashlib.sha256(camera).hexdigest()
    assert photo.sha256 == hashlib.sha256(camera).hexdigest()
    assert photo.size == len(camera) and photo.original_name == "IMG_0001.JPG"
    download = commissioner.get(reverse("photo_original", args=[photo.pk]))
    assert b"".join(download.streaming_content) == camera
    assert 'filename="IMG_0001.JPG"' in download["Content-Disposition"]
    assert visit.commissioner == world.users["commissioner"]


def test_shrunk_pictures_are_made_once_and_are_smaller(commissioner, project):
    camera = jpeg(taken="2025:04:09 08:15:00", at=NEAR, size=(2400, 1800), noisy=True)
    post_visit(commissioner, project, ("IMG_0001.JPG", camera))
    photo = Photo.objects.get()
    for name, stored, longest in (
        ("photo_thumbnail", photo.thumbnail, 480),
        ("photo_picture", photo.picture, 1600),
    ):
        assert 0 < stored.size < len(camera)
        served = b"".join(commissioner.get(reverse(name, args=[photo.pk])).streaming_content)
        with stored.open("rb") as kept:
            assert served == kept.read()
        assert max(Image.open(BytesIO(served)).size) == longest


def test_what_each_photo_says_is_stored_and_its_flags_shown(commissioner, project):
    post_visit(
        commissioner,
        project,
        ("good.jpg", jpeg(taken="2025:04:09 08:15:00", at=NEAR)),
        ("march.jpg", jpeg(taken="2025:03:28 16:00:00", at=NEAR)),
        ("far.jpg", jpeg(taken="2025:04:09 09:00:00", at=FAR)),
        ("nogps.jpg", jpeg(taken="2025:04:09 09:05:00")),
        ("screenshot.jpg", jpeg()),
    )
    photos = {
        photo.original_name: photo for photo in Photo.objects.select_related("visit__project")
    }
    assert {name: [f.label for f in photo.flags] for name, photo in photos.items()} == {
        "good.jpg": [],
        "march.jpg": ["拍摄时间不在本月"],
        "far.jpg": ["距项目超过2公里（3.4公里）"],
        "nogps.jpg": ["无位置信息"],
        "screenshot.jpg": ["无拍摄信息"],
    }
    assert str(photos["far.jpg"].latitude) == "35.080600"
    visit = Visit.objects.get()
    response = commissioner.get(reverse("visit_detail", args=[visit.pk]), follow=True)
    page = response.content.decode()
    for label in ("拍摄时间不在本月", "距项目超过2公里（3.4公里）", "无位置信息", "无拍摄信息"):
        assert label in page
    assert "其中4张照片的拍摄信息需核实" in page  # the message after saving


def test_a_file_that_is_no_image_is_named_and_nothing_is_kept(commissioner, project, settings):
    response = post_visit(
        commissioner,
        project,
        ("good.jpg", jpeg(taken="2025:04:09 08:15:00", at=NEAR)),
        ("报告.pdf", b"%PDF-1.4 not a photo"),
    )
    assert response.status_code == 200
    assert "「报告.pdf」不是可识别的图片" in response.content.decode()
    assert not Visit.objects.exists() and not Photo.objects.exists()
    media = settings.MEDIA_ROOT
    assert not media.exists() or not any(path.is_file() for path in media.rglob("*"))


def test_a_visit_needs_a_photo_and_a_date_that_has_come(commissioner, project):
    response = post_visit(commissioner, project)
    assert "请上传至少一张现场照片" in response.content.decode()
    response = post_visit(commissioner, project, ("a.jpg", jpeg()), visited_on="2999-01-01")
    assert "走访日期不能晚于今天" in response.content.decode()
    assert not Visit.objects.exists()


def test_the_project_log_shows_visits_newest_first(commissioner, project):
    post_visit(commissioner, project, ("a.jpg", jpeg()), visited_on="2025-03-10")
    post_visit(commissioner, project, ("b.jpg", jpeg()), visited_on="2025-04-09")
    page = commissioner.get(reverse("project_log", args=[project.pk])).content.decode()
    assert page.index("2025年4月9日") < page.index("2025年3月10日")
    assert reverse("visit_new", args=[project.pk]) in page


def test_deleting_a_visit_in_the_admin_removes_its_files(client, world, project, settings):
    visit = log_visit(project, date(2025, 4, 9), jpeg(at=NEAR))
    photo = visit.photos.get()
    files = [Path(settings.MEDIA_ROOT) / f.name for f in (photo.original, photo.thumbnail)]
    assert all(path.exists() for path in files)
    client.force_login(world.users["admin"])
    response = client.post(
        reverse("admin:commissioners_visit_delete", args=[visit.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Visit.objects.exists() and not Photo.objects.exists()
    assert not any(path.exists() for path in files)


def test_a_visit_dated_before_the_window_is_refused_naming_the_field(commissioner, project):
    response = post_visit(commissioner, project, ("IMG_0001.JPG", jpeg()), visited_on="2020-04-09")
    assert (
        "「走访日期」不能早于2024年4月29日（2025年4月30日前366天以内）" in response.content.decode()
    )
    assert not Visit.objects.exists()


def test_a_photos_time_is_said_as_every_page_says_a_moment(commissioner, project):
    """The photo table and its caption say 2025年4月9日 08:15 (|chinese_time), not
    2025-04-09 08:15:00 nor 4月9日 08:15; the visit's own date says 2025年4月9日."""
    post_visit(commissioner, project, ("good.jpg", jpeg(taken="2025:04:09 08:15:00", at=NEAR)))

    page = commissioner.get(reverse("visit_detail", args=[Visit.objects.get().pk]))
    text = page.content.decode()

    assert "<td>2025年4月9日 08:15</td>" in text and "拍摄于2025年4月9日 08:15" in text
    assert "2025-04-09" not in text
