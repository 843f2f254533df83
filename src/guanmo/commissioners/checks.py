"""Is a site commissioner's photo what it claims to be? Plain functions over what the photo's
EXIF says and where the project is: no database, no files.

A photo of a visit should have been taken in the visit's month, within 2 km of the project, and
say where it was taken. Each way it falls short is a flag with the label the office reads.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from guanmo.figures.arithmetic import shown
from guanmo.figures.formatting import digits
from guanmo.observation.travel import Place, great_circle_km

MAX_DISTANCE_KM = Decimal(2)


@dataclass(frozen=True)
class Position:
    latitude: float  # WGS 84 degrees, north positive
    longitude: float  # east positive


@dataclass(frozen=True)
class PhotoFacts:
    """What a photo's EXIF says; `has_exif` is False for a photo that carries none at all."""

    has_exif: bool
    taken_at: datetime | None = None  # local wall time
    position: Position | None = None


@dataclass(frozen=True)
class Flag:
    code: str
    label: str

    def __str__(self) -> str:
        return self.label


NO_EXIF = Flag("no_exif", "无拍摄信息")
NO_TIME = Flag("no_time", "无拍摄时间")
OUTSIDE_MONTH = Flag("outside_month", "拍摄时间不在本月")
NO_POSITION = Flag("no_position", "无位置信息")
PROJECT_UNLOCATED = Flag("project_unlocated", "项目无坐标，未核对距离")


def photo_flags(
    facts: PhotoFacts, *, year: int, month: int, project: Position | None
) -> list[Flag]:
    """What is wrong with a photo offered as evidence of a visit in `year`-`month` to a project
    at `project` (None where the ledger has no coordinates); empty when nothing is."""
    if not facts.has_exif:
        return [NO_EXIF]
    flags = []
    if facts.taken_at is None:
        flags.append(NO_TIME)
    elif (facts.taken_at.year, facts.taken_at.month) != (year, month):
        flags.append(OUTSIDE_MONTH)
    if facts.position is None:
        flags.append(NO_POSITION)
    elif project is None:
        flags.append(PROJECT_UNLOCATED)
    else:
        km = distance_km(facts.position, project)
        if km > MAX_DISTANCE_KM:
            flags.append(Flag("far", f"距项目超过2公里（{digits(km)}公里）"))
    return flags


def distance_km(a: Position, b: Position) -> Decimal:
    """Great-circle kilometres between two positions, shown to one decimal (half up); the
    2 km rule is applied to the shown figure, so that label and rule agree."""
    km = great_circle_km(_place(a), _place(b))
    return shown(Decimal(km))


def _place(position: Position) -> Place:
    return Place(key="", name="", latitude=position.latitude, longitude=position.longitude)
