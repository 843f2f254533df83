"""The shrunk copies pages show: upright, inside their box, smaller, without EXIF."""

from io import BytesIO

from PIL import Image

from guanmo.commissioners.pictures import PICTURE_BOX, THUMBNAIL_BOX, shrunk
from tests.commissioners.photos import NEAR, jpeg


def test_a_camera_photo_is_shrunk_into_its_box_and_is_smaller():
    original = jpeg(taken="2025:04:09 08:15:00", at=NEAR, size=(2400, 1800), noisy=True)
    for box in (THUMBNAIL_BOX, PICTURE_BOX):
        copy = shrunk(BytesIO(original), box)
        image = Image.open(BytesIO(copy))
        assert image.format == "JPEG"
        assert image.size == (box[0], box[0] * 3 // 4)
        assert len(copy) < len(original)


def test_the_orientation_is_applied_so_the_copy_stands_upright():
    # Stored 64×48 landscape with the red band on the left; orientation 6 means the camera
    # was turned: shown rotated 90° clockwise, portrait, with the band on top.
    copy = Image.open(BytesIO(shrunk(BytesIO(jpeg(orientation=6)), THUMBNAIL_BOX)))
    assert copy.size == (48, 64)
    red, green, _ = copy.getpixel((24, 4))
    assert red > 150 and green < 80


def test_the_copy_carries_no_exif_so_no_page_shows_the_position():
    copy = shrunk(BytesIO(jpeg(taken="2025:04:09 08:15:00", at=NEAR)), THUMBNAIL_BOX)
    assert not Image.open(BytesIO(copy)).getexif()


def test_a_small_photo_is_not_enlarged():
    copy = Image.open(BytesIO(shrunk(BytesIO(jpeg(size=(300, 200))), PICTURE_BOX)))
    assert copy.size == (300, 200)
