"""Reading a photo's EXIF: when it was taken and where, as `PhotoFacts`.

The time is DateTimeOriginal (when the shutter closed), else DateTime (when the file was last
written), as the camera's local wall time; with an OffsetTime* tag it is made aware. The
position is the GPS IFD's degrees/minutes/seconds with their N/S/E/W references; anything
malformed there counts as no position rather than a wrong one.
"""

import math
import re
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from typing import IO, Any

from PIL import Image
from PIL.ExifTags import GPS, IFD, Base

from guanmo.commissioners.checks import PhotoFacts, Position

_OFFSET = re.compile(r"([+-])(\d{2}):(\d{2})")


def read_facts(source: IO[bytes]) -> PhotoFacts:
    """The facts of an image file (left positioned at its start)."""
    source.seek(0)
    with Image.open(source) as image:
        exif = image.getexif()
        exif.get_ifd(IFD.Exif)  # read the sub-IFDs while the file is open
        exif.get_ifd(IFD.GPSInfo)
    source.seek(0)
    return facts_from_exif(exif)


def facts_from_exif(exif: Image.Exif) -> PhotoFacts:
    if not len(exif):
        return PhotoFacts(has_exif=False)
    details = exif.get_ifd(IFD.Exif)
    taken_at = _when(details.get(Base.DateTimeOriginal), details.get(Base.OffsetTimeOriginal))
    if taken_at is None:
        taken_at = _when(exif.get(Base.DateTime), details.get(Base.OffsetTime))
    return PhotoFacts(
        has_exif=True, taken_at=taken_at, position=_position(exif.get_ifd(IFD.GPSInfo))
    )


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        value = value.decode("ascii", "ignore")
    return value.strip("\x00 ") if isinstance(value, str) else ""


def _when(value: Any, offset: Any) -> datetime | None:
    """ "2025:04:09 08:30:00" (some cameras write dashes in the date), or None for blanks
    such as "    :  :     :  :  "."""
    text = _text(value)[:19].replace("-", ":", 2)
    try:
        taken_at = datetime.strptime(text, "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    match = _OFFSET.fullmatch(_text(offset))
    if match:
        sign = -1 if match[1] == "-" else 1
        shift = timedelta(hours=int(match[2]), minutes=int(match[3]))
        taken_at = taken_at.replace(tzinfo=timezone(sign * shift))
    return taken_at


def _position(gps: Mapping[int, Any]) -> Position | None:
    latitude = _degrees(gps.get(GPS.GPSLatitude), gps.get(GPS.GPSLatitudeRef), "N", "S")
    longitude = _degrees(gps.get(GPS.GPSLongitude), gps.get(GPS.GPSLongitudeRef), "E", "W")
    if latitude is None or longitude is None:
        return None
    if abs(latitude) > 90 or abs(longitude) > 180:
        return None
    if latitude == longitude == 0:  # what some cameras write before they have a fix
        return None
    return Position(latitude, longitude)


def _degrees(value: Any, reference: Any, positive: str, negative: str) -> float | None:
    """Degrees from (degrees, minutes, seconds) rationals (or fewer parts) and a reference."""
    reference = _text(reference).upper()
    if reference not in (positive, negative):
        return None
    parts = value if isinstance(value, tuple | list) else (value,)
    try:
        numbers = [float(part) for part in parts]
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if not 1 <= len(numbers) <= 3 or not all(math.isfinite(n) and n >= 0 for n in numbers):
        return None
    degrees = sum(number / 60**place for place, number in enumerate(numbers))
    return -degrees if reference == negative else degrees
