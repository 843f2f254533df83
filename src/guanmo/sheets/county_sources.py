"""One rule for a row's county: every place a sheet writes it must name the same county.

A sheet writes where a project lies in up to six places: the row's county cell (所在县区, 县区,
区域…), its 建设地点 when that cell is blank, the region part of its project code (GB/T 40058:
2024-410823-… is 武陟县), the county heading it stands under (一、温县), its sheet's name
(工作表「温县」) and its sheet's title (温县2025年重点项目台账). The row's county comes from the
first of them that names one, in that order; every other that names one must name a county
among those (a project of several counties, 武陟县、温县, lies in each), or the row is refused
naming each place and the county it names, and nothing is written: a figure put on the wrong one
of two same-named projects is the silent wrong figure issue 9 forbids (tryout 7). A place naming
no county (a title or sheet of the whole city, 全市, 焦作市, 汇总) is no source: callers leave it
out, as they leave out a code coded by the city or the province.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Generic, TypeVar

from guanmo.regions.names import Named


class SourceKind(IntEnum):
    """Where a sheet writes a row's county; the values order a message, from the title inwards."""

    TITLE = 1
    SHEET = 2
    HEADING = 3
    COLUMN = 4
    LOCATION = 5
    CODE = 6


P = TypeVar("P", bound=Named)


@dataclass(frozen=True)
class CountySource(Generic[P]):
    """One place a sheet writes a row's county, and the units it names there.

    `where` is how a message names the place ("工作表名", "标题", "所在标题行", "「所在县区」列",
    "「项目代码」"); `text` what is written there ("温县", "温县2025年重点项目台账",
    "2024-410823-34-03-000009"); `places` the units it names, the one counting the project first.
    """

    kind: SourceKind
    where: str
    text: str
    places: tuple[P, ...]

    @property
    def stated(self) -> str:
        """The place and what it names: "工作表名为温县", "标题「温县2025年…」写明温县",
        "「县区」列为武陟（武陟县）", "「项目代码」为2024-410823-…（武陟县）"."""
        names = "、".join(place.name for place in self.places)
        if self.text in ("", names):
            return f"{self.where}为{names}"
        if self.kind in (SourceKind.TITLE, SourceKind.SHEET):
            return f"{self.where}「{self.text}」写明{names}"
        return f"{self.where}为{self.text}（{names}）"


def stated(sources: Sequence[CountySource]) -> str:
    """Every source as a message names it, from the title inwards, joined with "，"."""
    return "，".join(source.stated for source in sorted(sources, key=lambda s: s.kind))


class CountyConflict(ValueError):
    """Sources of one row naming different counties; the message names every one of them:
    "工作表名为温县，「所在县区」列为武陟县，不一致，未写入任何数据"."""

    def __init__(self, sources: Sequence[CountySource]) -> None:
        self.sources = tuple(sources)
        super().__init__(f"{stated(self.sources)}，不一致，未写入任何数据")


def agreed_county(sources: Sequence[CountySource[P]]) -> CountySource[P] | None:
    """The source a row's county is taken from: the first of `sources`, which the caller gives
    in the order of the module's doc (county cell, 建设地点, heading, sheet name, title, code),
    each naming at least one unit. None when there is none.

    Raises CountyConflict when another source names no unit among the first's.
    """
    if not sources:
        return None
    first = sources[0]
    for other in sources[1:]:
        if not any(place in first.places for place in other.places):
            raise CountyConflict(sources)
    return first
