"""Reading the ledger's own words in a cell: key-project stages, 建设性质, key-list levels.

Same contract as guanmo.sheets.cells: every parser takes the raw cell value and returns the
parsed value or raises CellError with the Chinese message a fault will carry. They live here,
not in guanmo.sheets, because the words are the ledger's (ground-floor rule, issue 9).
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date

from guanmo.documents.official import chinese_date
from guanmo.ledger.models import ConstructionNature, Level, Stage
from guanmo.regions.names import clean_text
from guanmo.sheets.cells import BLANK_MARKS, MONTH_ONLY, CellError, parse_date, parse_line

_STAGE_WORDS = {
    Stage.NEW_START: ("新开工", "新开", "拟开工", "计划新开工", "新开工建设"),
    Stage.CONTINUING: ("续建", "在建", "续建项目", "在建项目"),
    Stage.COMPLETED: ("竣工", "竣工投产", "建成", "建成投产", "已竣工", "投产", "完工"),
    Stage.PREPARATORY: ("前期", "前期工作", "预备", "储备", "谋划", "前期推进"),
}
_STAGES = {word: stage for stage, words in _STAGE_WORDS.items() for word in words}


def parse_stage(value: object) -> str:
    """建设阶段 → one of 新开工/续建/竣工/前期 ("" when blank); 在建 → 续建, 竣工投产 → 竣工."""
    text = clean_text(value)
    if text in BLANK_MARKS:
        return ""
    stage = _STAGES.get(text) or _STAGES.get(text.removesuffix("项目"))
    if stage is None:
        raise CellError(f"无法识别「{parse_line(value)}」，应为新开工、续建、竣工或前期")
    return stage.value


def stage_named(text: str) -> str:
    """The one stage a sheet name or title names ("续建项目", "2025年市重点新开工项目表" →
    续建, 新开工); "" when it names none or several (tryout 4 L06)."""
    text = clean_text(text)
    found = {stage for word, stage in _STAGES.items() if len(word) > 1 and word in text}
    return found.pop().value if len(found) == 1 else ""


# 建设性质 as statistics has it (国家统计局《固定资产投资统计报表制度》): how the project builds.
_NATURE_WORDS = {
    ConstructionNature.NEW: ("新建",),
    ConstructionNature.EXTENSION: ("扩建",),
    ConstructionNature.RECONSTRUCTION: ("改建", "改建和技术改造", "技术改造", "技改"),
    ConstructionNature.RELOCATION: ("迁建",),
    ConstructionNature.RESTORATION: ("恢复", "恢复建设"),
}
_NATURES = {word: nature for nature, words in _NATURE_WORDS.items() for word in words}


def parse_nature(value: object) -> str:
    """统计建设性质 → one of 新建/扩建/改建/迁建/恢复 ("" when blank)."""
    text = clean_text(value).removesuffix("项目")
    if text in BLANK_MARKS:
        return ""
    if text not in _NATURES:
        raise CellError(f"无法识别「{parse_line(value)}」，应为新建、扩建、改建、迁建或恢复")
    return _NATURES[text].value


@dataclass(frozen=True)
class StageOrNature:
    """What a 建设性质 cell said: the key-project stage, or the statistical 建设性质."""

    stage: str = ""  # 新开工/续建/竣工/前期
    nature: str = ""  # 新建/扩建/改建/迁建/恢复

    def __str__(self) -> str:
        """What the cell said, as the column map shows it: "续建", "扩建"."""
        return self.stage or self.nature


def parse_stage_or_nature(value: object) -> StageOrNature:
    """A 建设性质 cell as offices fill it: key lists write the stage (续建), statistics the
    nature (扩建); either is read into its own field, and anything else is refused."""
    text = clean_text(value).removesuffix("项目")
    if text in BLANK_MARKS:
        return StageOrNature()
    if text in _NATURES:
        return StageOrNature(nature=_NATURES[text].value)
    if text in _STAGES:
        return StageOrNature(stage=_STAGES[text].value)
    raise CellError(
        f"无法识别「{parse_line(value)}」，应为新开工、续建、竣工、前期（项目阶段）"
        "或新建、扩建、改建、迁建、恢复（统计建设性质）"
    )


_LEVEL_NOISE = re.compile(r"县\(市[、,]区\)|重点项目|重点|项目|级|[、,;/和及\s]")
_LEVEL_ORDER = [Level.PROVINCE.value, Level.CITY.value, Level.COUNTY.value]


def parse_levels(value: object) -> frozenset[str]:
    """重点级别 → the key lists named: "省、市", "省重点", "市级" ... (empty when blank)."""
    text = clean_text(value)
    if not text:
        return frozenset()
    named = _LEVEL_NOISE.sub(lambda match: "县" if match.group().startswith("县(") else "", text)
    if not named or set(named) - set(_LEVEL_ORDER):
        raise CellError(f"无法识别「{parse_line(value)}」，应为省、市、县（可写多个，如“省、市”）")
    return frozenset(named)


def heading_levels(text: str) -> frozenset[str]:
    """The key lists a heading row names ("省重点项目", "市级重点项目" → {"省"}, {"市"}); empty
    when the heading names none (a county, an industry). Only a heading saying 重点 names a list:
    "一、沁阳市" names a place."""
    if "重点" not in text:
        return frozenset()
    try:
        return parse_levels(text)
    except CellError:
        return frozenset()


def format_levels(levels: set[str] | frozenset[str]) -> str:
    """Levels as Guanmo writes them: "省、市"."""
    return "、".join(level for level in _LEVEL_ORDER if level in levels)


class MonthEnd(date):
    """A planned date written as a year and month, read as that month's last day
    (`parse_planned_date`): a date like any other, marked so an import can say how it read
    the cell (`month_end_note`)."""


def month_end_note(place: str, day: date | None) -> str | None:
    """What an import says of a planned date it read from a month (`MonthEnd`), at `place`
    (a row's cell as notes name it); None for a day written in full."""
    if not isinstance(day, MonthEnd):
        return None
    return f"{place}「{day.year}年{day.month}月」只写了年月，按该月最后一天{chinese_date(day)}计"


def parse_planned_date(value: object) -> date | None:
    """A planned milestone date (计划开工时间): a day as `sheets.cells.parse_date` reads it, or a
    year and month ("2025年3月", "2025-03", "2025.3" typed as text) read as that month's last
    day (a `MonthEnd`), since "计划3月开工" means by the end of March. None for a blank."""
    try:
        return parse_date(value)
    except CellError:
        match = MONTH_ONLY.fullmatch(clean_text(value)) if isinstance(value, str) else None
        if match is None:
            raise
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        raise CellError(f"日期不存在：{parse_line(value)}")
    return MonthEnd(year, month, calendar.monthrange(year, month)[1])
