"""The demo city's commissioners' logs: a few commissioners' visits in November and December,
with photos stored as in real use, most sound and one of each kind the office must check."""

import hashlib
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from guanmo.commissioners.models import Photo, Visit
from guanmo.demo.city import TODAY, YEAR, build_demo_city
from guanmo.demo.people import create_demo_people
from guanmo.demo.visits import COMMISSIONERS, DemoVisits, create_demo_visits

pytestmark = pytest.mark.django_db


def build() -> DemoVisits:
    summary = build_demo_city()
    create_demo_people(summary.city)
    return create_demo_visits(summary.city, seed=2025)


@pytest.fixture
def demo() -> DemoVisits:
    return build()


def stored_files(settings) -> list[Path]:
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


def test_a_few_commissioners_visit_their_own_projects_in_november_and_december(demo):
    visits = Visit.objects.select_related("project", "commissioner")

    assert {visit.commissioner.username for visit in visits} == set(COMMISSIONERS)
    for visit in visits:
        assert visit.project.commissioner == visit.commissioner
        assert date(YEAR, 11, 1) <= visit.visited_on < TODAY
        assert 1 <= visit.photos.count() <= 2
    assert demo.visits == len(visits)
    assert demo.photos == Photo.objects.count() <= 20


def test_most_photos_are_sound_and_one_of_each_fault_is_flagged(demo):
    photos = Photo.objects.select_related("visit__project")

    flagged = sorted(flag.code for photo in photos for flag in photo.flags)

    assert flagged == ["far", "no_exif", "no_position", "outside_month"]
    assert demo.flagged == 4 < demo.photos - demo.flagged


def test_photos_are_stored_under_media_root_as_in_real_use(demo, settings, tmp_path):
    assert Path(settings.MEDIA_ROOT).is_relative_to(tmp_path)
    for photo in Photo.objects.all():
        with photo.original.open("rb") as original:
            assert hashlib.sha256(original.read()).hexdigest() == photo.sha256
        with photo.thumbnail.open("rb") as thumbnail, Image.open(thumbnail) as shrunk:
            assert not shrunk.getexif()
    assert len(stored_files(settings)) == 3 * demo.photos


def test_rebuilding_leaves_only_the_new_photos_files(demo, settings):
    again = build()

    assert (again.visits, again.photos, again.flagged) == (demo.visits, demo.photos, demo.flagged)
    assert len(stored_files(settings)) == 3 * again.photos
