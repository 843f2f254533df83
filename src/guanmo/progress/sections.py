"""Sections and ranking columns that higher apps add to the monthly bulletin (问题督办情况 from
supervision; 序时进度 by the projects' curves from the ledger).

`progress` sits below the apps that follow projects in other ways: supervision imports
progress's arithmetic, never the other way round. So the bulletin does not ask supervision for
its figures. Instead an app registers, when Django starts (its `AppConfig.ready`), a function
that makes its section for a city's month as plain values; the bulletin page and its .docx and
.xlsx show whatever sections are registered, after the progress figures, in registration order.
Columns registered the same way (`register_columns`) join the main ranking table, after
较时间进度, on the page and in the .docx (.pdf), .xlsx and text outputs alike.
"""

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from guanmo.figures.formatting import UNDEFINED, digits, number, points, rate
from guanmo.regions.models import Region

if TYPE_CHECKING:
    from guanmo.progress.report import ProgressReport


def cell_text(value: object, *, is_rate: bool = False, is_points: bool = False) -> str:
    """A table cell as documents print it: rates to one decimal, points signed (+4.5), other
    Decimals as they are with thousands separators (35,000.00, as every table's money), — for
    none."""
    if value is None:
        return UNDEFINED
    if isinstance(value, Decimal):
        if is_points:
            return points(value)
        return number(value) if is_rate else digits(value, grouped=True)
    return str(value)


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
        return cell_text(
            value, is_rate=index in self.rate_columns, is_points=index in self.points_columns
        )


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


@dataclass(frozen=True)
class RankingColumns:
    """Columns another app adds to the main ranking table: `by_region` gives each row's values
    by the row's unit as the report names it (report.regions' `region`, and 合计 for the total),
    in the order of `headers`; a row not given shows —. Rates as in SectionTable (60.0 for
    60.0%), differences of two rates in 个百分点. `sentences` go after the report's headline.
    `keys` name the columns in the JSON output, one per header (as the app's pages name them)."""

    headers: Sequence[str]
    by_region: Mapping[str, Sequence[Decimal | None]]
    rate_columns: Collection[int] = field(default_factory=frozenset)
    points_columns: Collection[int] = field(default_factory=frozenset)
    sentences: Sequence[str] = ()
    keys: Sequence[str] = ()

    def keyed(self, region: str) -> dict[str, Decimal | None]:
        """The row's values by their JSON keys (none without keys)."""
        return dict(zip(self.keys, self.values(region), strict=False))

    def values(self, region: str) -> list[Decimal | None]:
        return list(self.by_region.get(region) or [None] * len(self.headers))

    def text(self, region: str) -> list[str]:
        """The row's cells as documents print them (25.0, +11.7, —)."""
        return [
            cell_text(value, is_rate=i in self.rate_columns, is_points=i in self.points_columns)
            for i, value in enumerate(self.values(region))
        ]

    def page_text(self, region: str) -> list[str]:
        """The row's cells as the page prints its own columns: rates with % (25.0%)."""
        return [
            rate(value) if i in self.rate_columns else text
            for i, (value, text) in enumerate(
                zip(self.values(region), self.text(region), strict=True)
            )
        ]


ColumnsMaker = Callable[[Region, "ProgressReport"], RankingColumns | None]

_column_makers: list[ColumnsMaker] = []


def register_columns(maker: ColumnsMaker) -> ColumnsMaker:
    """Add columns to every bulletin's ranking table: `maker(city, report)` returns them from
    the report's own figures (so a rate is never said twice differently), or None to add none.
    Registering the same function twice adds it once."""
    if maker not in _column_makers:
        _column_makers.append(maker)
    return maker


def ranking_columns(city: Region, report: "ProgressReport") -> list[RankingColumns]:
    """The registered columns for the city's report."""
    return [columns for maker in _column_makers if (columns := maker(city, report)) is not None]
