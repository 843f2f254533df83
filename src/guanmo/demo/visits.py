"""The demo city's site commissioners' logs, so that the 专员日志 pages have something to show:
four commissioners' visits to their projects in November and December, each with a photo or two
"from the phone": small generated JPEGs with the EXIF time and GPS position a phone writes,
stored through the commissioners' own service (originals kept, shrunk copies made).

Most photos are sound; one of each kind the office must check is not: taken before the visit's
month, taken far from the project, without a position, and without any EXIF (a forwarded
picture). Everything comes from one seeded random generator.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from fractions import Fraction
from functools import cache
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image, ImageDraw, ImageFont
from PIL.ExifTags import GPS, IFD, Base
from PIL.TiffImagePlugin import IFDRational

from guanmo.accounts.models import User
from guanmo.commissioners.models import Photo, Visit
from guanmo.commissioners.services import delete_visits, record_visit
from guanmo.demo.city import TODAY, YEAR
from guanmo.ledger.models import MonthlyProgress, Project
from guanmo.regions.models import Region

COMMISSIONERS = ("zy01", "zy05", "zy07", "zy11")
# Two visits in November, one in December up to today: each to another of his projects.
VISIT_WINDOWS = (
    (date(YEAR, 11, 3), date(YEAR, 11, 14)),
    (date(YEAR, 11, 17), date(YEAR, 11, 28)),
    (date(YEAR, 12, 1), TODAY - timedelta(days=1)),
)
MOST_PHOTOS = 18  # one or two a visit
FAULTS = ("outside month", "far", "no position", "no exif")  # one photo each
NEARBY_DEGREES = 0.008  # at most about 0.9 km north-south and 0.7 km east-west of the site
FAR_DEGREES = 0.05  # about 5.6 km north

DONE = (
    "督促施工单位增加作业面，倒排工期",
    "核实本月完成投资和形象进度",
    "协调供电公司现场踏勘外线接入",
    "检查扬尘治理和安全文明施工",
    "了解项目要素保障需求，已报县区项目办",
)
PHOTO_SIZE = (640, 480)
# Pillow looks these up among the system's fonts; without any, photos go without a caption.
CJK_FONTS = ("NotoSansCJK-Regular.ttc", "wqy-microhei.ttc", "NotoSerifCJK-Regular.ttc")


@dataclass(frozen=True)
class Shot:
    """A photo as the phone took it: when and where (None where the phone wrote nothing)."""

    taken_at: datetime | None
    position: tuple[float, float] | None
    exif: bool = True


@dataclass(frozen=True)
class DemoVisits:
    visits: int
    photos: int
    flagged: int  # photos whose time or place the office must check


@transaction.atomic
def create_demo_visits(city: Region, seed: int) -> DemoVisits:
    """(Re)create the commissioners' visits with their photos."""
    delete_visits(Visit.objects.filter(project__city=city))
    rng = random.Random(seed)
    planned: list[tuple[Project, User, date]] = []
    for commissioner in User.objects.filter(username__in=COMMISSIONERS).order_by("username"):
        stationed = Project.objects.filter(city=city, commissioner=commissioner).order_by("pk")
        for project, (first, last) in zip(
            rng.sample(list(stationed), len(VISIT_WINDOWS)), VISIT_WINDOWS, strict=True
        ):
            planned.append((project, commissioner, _day(rng, first, last)))
    with_two = set(rng.sample(range(len(planned)), MOST_PHOTOS - len(planned)))
    shots = [
        [_genuine(rng, project, day) for _ in range(2 if number in with_two else 1)]
        for number, (project, _, day) in enumerate(planned)
    ]
    _spoil(rng, shots, [project for project, _, _ in planned])
    for (project, commissioner, day), visit_shots in zip(planned, shots, strict=True):
        record_visit(
            project,
            commissioner=commissioner,
            visited_on=day,
            seen=_seen(rng, project, day),
            done=rng.choice(DONE),
            photos=[_upload(rng, shot, project, n) for n, shot in enumerate(visit_shots, 1)],
        )
    photos = list(Photo.objects.filter(visit__project__city=city).select_related("visit__project"))
    return DemoVisits(
        visits=len(planned), photos=len(photos), flagged=sum(bool(p.flags) for p in photos)
    )


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def _genuine(rng: random.Random, project: Project, day: date) -> Shot:
    """Taken during the working day of the visit, within a kilometre or so of the site."""
    taken_at = datetime.combine(day, time(8, 30)) + timedelta(minutes=rng.randint(0, 8 * 60))
    latitude = float(project.latitude) + rng.uniform(-NEARBY_DEGREES, NEARBY_DEGREES)
    longitude = float(project.longitude) + rng.uniform(-NEARBY_DEGREES, NEARBY_DEGREES)
    return Shot(taken_at, (latitude, longitude))


def _spoil(rng: random.Random, shots: list[list[Shot]], projects: list[Project]) -> None:
    """Give one photo each fault the office is to see."""
    places = [(v, n) for v, visit_shots in enumerate(shots) for n in range(len(visit_shots))]
    for fault, (v, n) in zip(FAULTS, rng.sample(places, len(FAULTS)), strict=True):
        shot, project = shots[v][n], projects[v]
        if fault == "outside month":  # last month's picture, offered again
            shots[v][n] = Shot(shot.taken_at - timedelta(days=35), shot.position)
        elif fault == "far":
            position = (float(project.latitude) + FAR_DEGREES, float(project.longitude))
            shots[v][n] = Shot(shot.taken_at, position)
        elif fault == "no position":  # the phone's location was off
            shots[v][n] = Shot(shot.taken_at, None)
        else:  # forwarded through a chat app, which strips EXIF
            shots[v][n] = Shot(None, None, exif=False)


def _seen(rng: random.Random, project: Project, day: date) -> str:
    progress = (
        MonthlyProgress.objects.filter(project=project, year=YEAR, month__lte=day.month)
        .exclude(visible_progress="")
        .order_by("-month")
        .first()
    )
    works = progress.visible_progress if progress else "施工准备"
    return f"现场{works}，作业人员约{rng.randint(3, 12) * 10}人，机械{rng.randint(2, 9)}台"


def _upload(rng: random.Random, shot: Shot, project: Project, number: int) -> SimpleUploadedFile:
    if shot.taken_at is None:
        name = f"mmexport{rng.randint(10**12, 10**13 - 1)}.jpg"
    else:
        name = f"IMG_{shot.taken_at:%Y%m%d_%H%M%S}_{number}.jpg"
    return SimpleUploadedFile(name, _jpeg(rng, shot, project.name), "image/jpeg")


def _jpeg(rng: random.Random, shot: Shot, caption: str) -> bytes:
    """A construction site as a child would draw it, with the camera's time stamp and, where
    a Chinese font is installed, the project's name."""
    width, height = PHOTO_SIZE
    image = Image.new("RGB", PHOTO_SIZE, (135, 180, 220))
    draw = ImageDraw.Draw(image)
    horizon = rng.randint(300, 340)
    draw.rectangle((0, horizon, width, height), fill=(150, 120, 90))
    left, top = rng.randint(60, 300), rng.randint(120, 220)  # the building going up
    draw.rectangle((left, top, left + 220, horizon), fill=(170, 170, 165))
    for floor in range(top + 20, horizon - 20, 36):
        for window in range(left + 20, left + 200, 44):
            draw.rectangle((window, floor, window + 22, floor + 18), fill=(90, 100, 110))
    mast = left + 260  # a tower crane beside it
    draw.rectangle((mast, 60, mast + 10, horizon), fill=(230, 180, 30))
    draw.rectangle((mast - 160, 60, mast + 90, 68), fill=(230, 180, 30))
    if shot.taken_at is not None:
        stamp = f"{shot.taken_at:%Y-%m-%d %H:%M}"
        draw.text((16, height - 36), stamp, fill="white", font=ImageFont.load_default(20))
    font = _caption_font()
    if font is not None:
        draw.text((16, 16), caption, fill="white", font=font)
    output = BytesIO()
    if shot.exif:
        image.save(output, "JPEG", quality=85, exif=_exif(shot))
    else:
        image.save(output, "JPEG", quality=85)
    return output.getvalue()


@cache
def _caption_font() -> ImageFont.FreeTypeFont | None:
    for name in CJK_FONTS:
        try:
            return ImageFont.truetype(name, 24)
        except OSError:
            continue
    return None


def _exif(shot: Shot) -> Image.Exif:
    """What a phone writes: its make, the time (local) and the GPS position."""
    exif = Image.Exif()
    exif[Base.Make], exif[Base.Model] = "HUAWEI", "ALN-AL00"
    if shot.taken_at is not None:
        stamp = f"{shot.taken_at:%Y:%m:%d %H:%M:%S}"
        exif[Base.DateTime] = stamp
        exif.get_ifd(IFD.Exif)[Base.DateTimeOriginal] = stamp
    if shot.position is not None:
        latitude, longitude = shot.position
        gps = exif.get_ifd(IFD.GPSInfo)
        gps[GPS.GPSLatitudeRef], gps[GPS.GPSLatitude] = "N", _dms(latitude)
        gps[GPS.GPSLongitudeRef], gps[GPS.GPSLongitude] = "E", _dms(longitude)
    return exif


def _dms(degrees: float) -> tuple[IFDRational, IFDRational, IFDRational]:
    """Degrees (north or east) as EXIF writes them: degrees, minutes, seconds to 1/1000."""
    whole = int(degrees)
    minutes = int((degrees - whole) * 60)
    seconds = Fraction(round((degrees - whole - minutes / 60) * 3_600_000), 1000)
    return (
        IFDRational(whole, 1),
        IFDRational(minutes, 1),
        IFDRational(seconds.numerator, seconds.denominator),
    )
