"""Reading time and position from real JPEG files made here, and checking them."""

from datetime import datetime, timedelta, timezone
from io import BytesIO

import pytest
from PIL import Image
from PIL.ExifTags import GPS, IFD, Base
from PIL.TiffImagePlugin import IFDRational

from guanmo.commissioners.checks import Position, photo_flags
from guanmo.commissioners.exif import read_facts
from tests.commissioners.photos import FAR, NEAR, PROJECT, jpeg


def facts_of(content: bytes):
    return read_facts(BytesIO(content))


def test_the_time_is_when_the_shutter_closed_not_when_the_file_was_written():
    facts = facts_of(jpeg(taken="2025:04:09 08:15:00", written="2025:05:02 19:00:00"))
    assert facts.has_exif
    assert facts.taken_at == datetime(2025, 4, 9, 8, 15)


def test_without_the_original_time_the_file_time_is_used():
    assert facts_of(jpeg(written="2025:04:10 09:30:00")).taken_at == datetime(2025, 4, 10, 9, 30)


def test_a_time_with_its_offset_is_aware():
    content = jpeg(taken="2025:04:09 08:15:00")
    image = Image.open(BytesIO(content))
    exif = image.getexif()
    exif.get_ifd(IFD.Exif)[Base.OffsetTimeOriginal] = "+08:00"
    output = BytesIO()
    image.save(output, "JPEG", exif=exif)
    taken_at = facts_of(output.getvalue()).taken_at
    assert taken_at == datetime(2025, 4, 9, 8, 15, tzinfo=timezone(timedelta(hours=8)))


def test_a_blank_time_is_no_time():
    facts = facts_of(jpeg(written="    :  :     :  :  ", at=NEAR))
    assert facts.has_exif and facts.taken_at is None


def test_the_position_is_read_from_degrees_minutes_seconds():
    position = facts_of(jpeg(taken="2025:04:09 08:15:00", at=(35.0806, 113.4))).position
    assert position.latitude == pytest.approx(35.0806, abs=1e-7)
    assert position.longitude == pytest.approx(113.4, abs=1e-7)


def test_south_and_west_are_negative():
    position = facts_of(jpeg(at=(-33.8568, -70.6483))).position
    assert position.latitude == pytest.approx(-33.8568, abs=1e-7)
    assert position.longitude == pytest.approx(-70.6483, abs=1e-7)


def test_a_photo_with_exif_but_no_gps_has_no_position():
    facts = facts_of(jpeg(taken="2025:04:09 08:15:00"))
    assert facts.has_exif and facts.position is None


def test_a_photo_without_exif_has_none_of_it():
    facts = facts_of(jpeg())
    assert not facts.has_exif and facts.taken_at is None and facts.position is None


def _with_gps(**tags) -> bytes:
    image = Image.open(BytesIO(jpeg(taken="2025:04:09 08:15:00", at=NEAR)))
    exif = image.getexif()
    gps = exif.get_ifd(IFD.GPSInfo)
    for name, value in tags.items():
        if value is None:
            del gps[GPS[name]]
        else:
            gps[GPS[name]] = value
    output = BytesIO()
    image.save(output, "JPEG", exif=exif)
    return output.getvalue()


def test_malformed_gps_counts_as_no_position():
    assert facts_of(_with_gps(GPSLatitudeRef=None)).position is None
    broken = (IFDRational(35, 0), IFDRational(0, 1), IFDRational(0, 1))
    assert facts_of(_with_gps(GPSLatitude=broken)).position is None
    zero = (IFDRational(0, 1), IFDRational(0, 1), IFDRational(0, 1))
    assert facts_of(_with_gps(GPSLatitude=zero, GPSLongitude=zero)).position is None


def test_reading_leaves_the_file_at_its_start():
    source = BytesIO(jpeg(taken="2025:04:09 08:15:00"))
    read_facts(source)
    assert source.tell() == 0


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (jpeg(taken="2025:04:09 08:15:00", at=NEAR), []),
        (jpeg(taken="2025:03:31 18:00:00", at=NEAR), ["拍摄时间不在本月"]),
        (jpeg(taken="2025:04:09 08:15:00", at=FAR), ["距项目超过2公里（3.4公里）"]),
        (
            jpeg(taken="2025:05:01 07:00:00", at=FAR),
            ["拍摄时间不在本月", "距项目超过2公里（3.4公里）"],
        ),
        (jpeg(taken="2025:04:09 08:15:00"), ["无位置信息"]),
        (jpeg(), ["无拍摄信息"]),
    ],
    ids=["in-bounds", "last-month", "far", "late-and-far", "no-gps", "no-exif"],
)
def test_real_photos_of_an_april_visit_are_flagged(content, expected):
    flags = photo_flags(facts_of(content), year=2025, month=4, project=Position(*PROJECT))
    assert [flag.label for flag in flags] == expected
