"""Sections that higher apps add to the monthly bulletin (问题督办情况 from supervision).

`progress` sits below the apps that follow projects in other ways: supervision imports
progress's arithmetic, never the other way round. So the bulletin does not ask supervision for
its figures. Instead an app registers, when Django starts (its `AppConfig.ready`), a function
that makes its section for a city's month as plain values; the bulletin page and its .docx and
.xlsx show whatever sections are registered, after the progress figures, in registration order.
"""

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from guanmo.figures.formatting import UNDEFINED, digits, number, points
from guanmo.regions.models import Region


@dataclass(frozen=True)
class SectionTable:
    """A section's table as plain values: text, counts (int) and Decimals, None for a figure
    that is undefined. Columns in `rate_columns` hold percentages (60.0 for 60.0%), those in
    `points_columns` differences of two percentages in 个百分点 (−3.2)."""

    caption: str
    headers: Sequence[str]
    rows: Sequence[Sequence[object]]
    rate_columns: Collection[int] = field(default_factory=frozenset)
    points_columns: Collection[int] = field(default_factory=frozenset)

    def text_rows(self) -> list[list[str]]:
        """The rows as the page and the .docx show them: rates to one decimal, points signed
        (+4.5), — for none."""
        return [[self._text(value, index) for index, value in enumerate(row)] for row in self.rows]

    def _text(self, value: object, index: int) -> str:
        if value is None:
            return UNDEFINED
        if isinstance(value, Decimal):
            if index in self.points_columns:
                return points(value)
            return number(value) if index in self.rate_columns else digits(value)
        return str(value)


@dataclass(frozen=True)
class BulletinSection:
    heading: str  # without its number: 问题督办情况
    sentences: Sequence[str]
    table: SectionTable | None = None


SectionMaker = Callable[[Region, int, int], BulletinSection | None]

_makers: list[SectionMaker] = []


def register(maker: SectionMaker) -> SectionMaker:
    """Add a section to every bulletin: `maker(city, year, month)` returns it, or None to leave
    it out. Registering the same function twice adds it once."""
    if maker not in _makers:
        _makers.append(maker)
    return maker


def bulletin_sections(city: Region, year: int, month: int) -> list[BulletinSection]:
    """The registered sections for the city's bulletin of the month."""
    return [section for maker in _makers if (section := maker(city, year, month)) is not None]
