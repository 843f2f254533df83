"""Shrunk copies of a photo for pages: upright (EXIF orientation applied), no larger than a
bounding box, JPEG without EXIF (so a page never carries the position; the original keeps it).
"""

from io import BytesIO
from typing import IO

from PIL import Image, ImageOps

THUMBNAIL_BOX = (480, 480)  # lists and the monthly view
PICTURE_BOX = (1600, 1600)  # one photo on a screen
_QUALITY = 82


def shrunk(source: IO[bytes], box: tuple[int, int]) -> bytes:
    """The image as JPEG bytes fitting inside `box` (file left positioned at its start)."""
    source.seek(0)
    with Image.open(source) as image:
        upright = ImageOps.exif_transpose(image)
    source.seek(0)
    if upright.mode != "RGB":
        upright = upright.convert("RGB")
    upright.thumbnail(box)
    output = BytesIO()
    upright.save(output, "JPEG", quality=_QUALITY, optimize=True)
    return output.getvalue()
