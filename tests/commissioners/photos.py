"""Real JPEG files made in the test, with the EXIF a phone writes: time, GPS, orientation."""

from fractions import Fraction
from io import BytesIO

from PIL import Image
from PIL.ExifTags import GPS, IFD, Base
from PIL.TiffImagePlugin import IFDRational

PROJECT = (35.05, 113.4)  # where tests.world puts every project
# One degree of latitude is 111.195 km on the mean-radius sphere the checks use.
NEAR = (35.06, 113.4)  # 1.1 km north
FAR = (35.0806, 113.4)  # 3.4 km north


def dms(degrees: float) -> tuple[IFDRational, IFDRational, IFDRational]:
    """Degrees as EXIF writes them: whole degrees, whole minutes, seconds to 1/10000."""
    degrees = abs(degrees)
    whole = int(degrees)
    minutes = int((degrees - whole) * 60)
    seconds = Fraction(round((degrees - whole - minutes / 60) * 3600 * 10000), 10000)
    return (
        IFDRational(whole, 1),
        IFDRational(minutes, 1),
        IFDRational(seconds.numerator, seconds.denominator),
    )


def jpeg(
    *,
    taken: str | None = None,
    written: str | None = None,
    at: tuple[float, float] | None = None,
    orientation: int | None = None,
    size: tuple[int, int] = (64, 48),
    noisy: bool = False,
) -> bytes:
    """A JPEG with DateTimeOriginal `taken`, DateTime `written` ("2025:04:10 09:30:00"), a GPS
    position `at` (signed degrees) and an orientation; with none of them, no EXIF at all.
    `noisy` pictures compress badly, as camera photos do."""
    image = Image.effect_noise(size, 80).convert("RGB") if noisy else Image.new("RGB", size, "teal")
    if size[0] > 8:
        image.paste((200, 30, 30), (0, 0, size[0] // 4, size[1]))  # a red band on the left
    exif = Image.Exif()
    if written:
        exif[Base.DateTime] = written
    if orientation:
        exif[Base.Orientation] = orientation
    if taken:
        exif.get_ifd(IFD.Exif)[Base.DateTimeOriginal] = taken
    if at:
        latitude, longitude = at
        gps = exif.get_ifd(IFD.GPSInfo)
        gps[GPS.GPSLatitudeRef] = "N" if latitude >= 0 else "S"
        gps[GPS.GPSLatitude] = dms(latitude)
        gps[GPS.GPSLongitudeRef] = "E" if longitude >= 0 else "W"
        gps[GPS.GPSLongitude] = dms(longitude)
    output = BytesIO()
    image.save(output, "JPEG", quality=95, exif=exif)
    return output.getvalue()
