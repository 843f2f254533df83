"""Where an indicator's value comes from when a scheme names a source in Guanmo's own domains
(issue 13 "its source"): the ledger, the observation tour, supervision, monthly reporting, the
indicators, the parks' own figures and land (issue 14). Plain functions over plain facts that
`source_selectors` fetches, each reusing the domain's own rule, so that a sourced value is the
figure the domain's bulletin prints:

- 台账:年度计划完成率 — the progress bulletin's 完成率 (`progress.report.figures_of`: 1—M月
  cumulative ÷ annual plan, %, one decimal half-up); 台账:新开工项目数 — the unit's 新开工 key
  projects that have started (investment reported in 1—M月); 台账:按期开工率 — of the projects
  due to start by the cycle's last day (开工 planned within the cycle, or earlier and not
  started), those not 逾期未开工 by the ledger's one rule (`ledger.milestones.not_started_by`,
  the missed-start warning's: planned, not reached, and no stage saying started); "on time"
  is "started by the end of the cycle".
- 观摩:县区得分 — the county's score in the cycle's tour (`observation.results.tour_results`), by
  the tour's own method or the one the source names (观摩:县区得分:中位数).
- 督办:按期办结数, 督办:按期办结率 — `supervision.figures` over the problems raised 1—M月 as they
  stood at the cycle's end (the bulletin's 按期解决率: on time ÷ (solved + overdue)).
- 月报:按时报送次数 — months whose report was first submitted by the period's deadline
  (`commissioners.timeliness.note_timeliness`); 月报:退回次数 — times the unit's reports were
  returned (退回) in the cycle.
- 指标:<指标>:增速 — `indicators.arithmetic.growth` of the 1—M月 reading; 指标:<指标>:目标完成率 —
  the standing's completion of the annual target (`indicators.targets.standing`).
- 园区:主营业务收入, 园区:主导产业占比, 园区:规上企业数, … — a park's own figures of 1—M月 as
  entered or imported (`attraction.parks.PARK_FIGURES`, the share by `attraction.parks
  .leading_share`); 园区:亩均税收, 园区:投资强度 — tax and investment per 亩 of the park's land
  supplied by the cycle's last day (`attraction.land.park_land`). A unit not a park has none.

The cycle runs from January to its last month (the cumulative figures every bulletin uses). A
value a domain does not have for a unit (no tour, no plan, no target) is None with the reason,
never 0: `merge_sourced` stops naming the unit and source, unless the scheme's 缺失数据 setting
says to leave the unit unrated (不参评) or to count it as 0 (计为0). A rate with nothing to count
(0 ÷ 0: no problem to solve, no project due to start) is such a None, unless the scheme's
无考核事项 setting says 按100%计 (nothing was left undone); either way the result's notes and
the value's origin say which rule decided it.
"""

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from guanmo.assessment.definition import (
    Definition,
    IndicatorRow,
    Inputs,
    Missing,
    NothingToCount,
)
from guanmo.assessment.firms import FIRM_UNITS
from guanmo.attraction.parks import PARK_FIGURES
from guanmo.figures.arithmetic import period_label, time_progress
from guanmo.figures.formatting import UNDEFINED
from guanmo.observation.results import METHOD_LABELS, Method
from guanmo.sheets import cells


class Domain(StrEnum):
    LEDGER = "台账"
    OBSERVATION = "观摩"
    SUPERVISION = "督办"
    REPORTING = "月报"
    INDICATORS = "指标"
    PARKS = "园区"


class Measure(StrEnum):
    """What a source gives, by the word a scheme writes (the first of its words below)."""

    COMPLETION_RATE = "年度计划完成率"
    NEW_STARTS = "新开工项目数"
    STARTED_ON_TIME = "按期开工率"
    TOUR_SCORE = "县区得分"
    SOLVED_ON_TIME = "按期办结数"
    ON_TIME_RATE = "按期办结率"
    REPORTS_ON_TIME = "按时报送次数"
    REPORTS_RETURNED = "退回次数"
    GROWTH = "增速"
    TARGET_COMPLETION = "目标完成率"
    PARK_REVENUE = "主营业务收入"
    LEADING_SHARE = "主导产业占比"
    ENTERPRISES_ABOVE_SIZE = "规上企业数"
    HIGH_TECH_ENTERPRISES = "高新技术企业数"
    SERVICE_PLATFORMS = "公共服务平台数"
    EMPLOYEES = "从业人员"
    TAX_PER_MU = "亩均税收"
    INVESTMENT_PER_MU = "投资强度"


MEASURE_WORDS: dict[Domain, dict[str, Measure]] = {
    Domain.LEDGER: {
        "年度计划完成率": Measure.COMPLETION_RATE,
        "完成率": Measure.COMPLETION_RATE,
        "投资完成率": Measure.COMPLETION_RATE,
        "新开工项目数": Measure.NEW_STARTS,
        "新开工": Measure.NEW_STARTS,
        "按期开工率": Measure.STARTED_ON_TIME,
    },
    Domain.OBSERVATION: {"县区得分": Measure.TOUR_SCORE, "得分": Measure.TOUR_SCORE},
    Domain.SUPERVISION: {
        "按期办结数": Measure.SOLVED_ON_TIME,
        "按期解决数": Measure.SOLVED_ON_TIME,
        "按期办结率": Measure.ON_TIME_RATE,
        "按期解决率": Measure.ON_TIME_RATE,
    },
    Domain.REPORTING: {
        "按时报送次数": Measure.REPORTS_ON_TIME,
        "按时报送": Measure.REPORTS_ON_TIME,
        "退回次数": Measure.REPORTS_RETURNED,
        "退回": Measure.REPORTS_RETURNED,
    },
    Domain.INDICATORS: {
        "增速": Measure.GROWTH,
        "增长": Measure.GROWTH,
        "目标完成率": Measure.TARGET_COMPLETION,
        "完成目标": Measure.TARGET_COMPLETION,
    },
    Domain.PARKS: {
        "主营业务收入": Measure.PARK_REVENUE,
        "营业收入": Measure.PARK_REVENUE,
        "主导产业占比": Measure.LEADING_SHARE,
        "主导产业收入占比": Measure.LEADING_SHARE,
        "规上企业数": Measure.ENTERPRISES_ABOVE_SIZE,
        "规上企业": Measure.ENTERPRISES_ABOVE_SIZE,
        "高新技术企业数": Measure.HIGH_TECH_ENTERPRISES,
        "高新技术企业": Measure.HIGH_TECH_ENTERPRISES,
        "公共服务平台数": Measure.SERVICE_PLATFORMS,
        "公共服务平台": Measure.SERVICE_PLATFORMS,
        "从业人员": Measure.EMPLOYEES,
        "从业人员数": Measure.EMPLOYEES,
        "亩均税收": Measure.TAX_PER_MU,
        "投资强度": Measure.INVESTMENT_PER_MU,
        "亩均投资": Measure.INVESTMENT_PER_MU,
    },
}
# The measures a park's own figures give, by their name in attraction.parks.PARK_FIGURES.
PARK_FIGURE_MEASURES = frozenset(
    {
        Measure.PARK_REVENUE,
        Measure.LEADING_SHARE,
        Measure.ENTERPRISES_ABOVE_SIZE,
        Measure.HIGH_TECH_ENTERPRISES,
        Measure.SERVICE_PLATFORMS,
        Measure.EMPLOYEES,
    }
)
# The unit each source's value is in, as its domain's bulletin prints it.
MEASURE_UNITS: dict[Measure, str] = {
    Measure.COMPLETION_RATE: "%",
    Measure.NEW_STARTS: "个",
    Measure.STARTED_ON_TIME: "%",
    Measure.TOUR_SCORE: "分",
    Measure.SOLVED_ON_TIME: "个",
    Measure.ON_TIME_RATE: "%",
    Measure.REPORTS_ON_TIME: "次",
    Measure.REPORTS_RETURNED: "次",
    Measure.GROWTH: "%",
    Measure.TARGET_COMPLETION: "%",
    **{measure: PARK_FIGURES[measure.value].unit for measure in PARK_FIGURE_MEASURES},
    Measure.TAX_PER_MU: "万元/亩",
    Measure.INVESTMENT_PER_MU: "万元/亩",
}
_STATED_UNIT = re.compile(r"[（(][^（）()]+[)）]$")
_PERCENT_ENDINGS = ("率", "占比", "比重", "比例", "增速", "增幅")
METHOD_WORDS = {
    **{label: method for method, label in METHOD_LABELS.items()},
    "去掉最高分和最低分": Method.TRIMMED,
    "去高去低": Method.TRIMMED,
    "平均分": Method.MEAN,
    "Z分数": Method.ZSCORE,
    "宽严校正": Method.SEVERITY,
}
_SEPARATOR = re.compile(r"[:：·]")


@dataclass(frozen=True)
class SourceSpec:
    """A source as a scheme names it: the domain, the measure, the indicator (指标 only) and the
    tour's scoring method (观摩 only, None for the tour's own)."""

    domain: Domain
    measure: Measure
    indicator: str = ""
    method: Method | None = None

    @property
    def text(self) -> str:
        """The source as written back: 台账:年度计划完成率, 指标:固定资产投资:增速."""
        parts = [self.domain.value, self.indicator, self.measure.value]
        if self.method is not None:
            parts.append(METHOD_LABELS[self.method])
        return ":".join(part for part in parts if part)


def parse_source(text: str) -> SourceSpec:
    """The source a 来源 cell names ("台账:年度计划完成率", "指标：固定资产投资：增速", full-width
    colons allowed). Raises ValueError (in Chinese) naming the forms it knows."""
    parts = [part.strip() for part in _SEPARATOR.split(cells.normalise(text))]
    domains = "、".join(domain.value for domain in Domain)
    try:
        domain = Domain(parts[0])
    except ValueError:
        raise ValueError(f"「{text}」不是可用的来源；来源应以{domains}之一开头") from None
    words = MEASURE_WORDS[domain]
    known = "、".join(dict.fromkeys(f"{domain}:{measure}" for measure in words.values()))
    if domain is Domain.INDICATORS:
        if len(parts) != 3 or not parts[1] or parts[2] not in words:
            raise ValueError(f"「{text}」应写成“指标:指标名称:增速”或“指标:指标名称:目标完成率”")
        return SourceSpec(domain, words[parts[2]], indicator=parts[1])
    if len(parts) < 2 or parts[1] not in words:
        raise ValueError(f"「{text}」不是可用的来源；{domain}可用：{known}")
    method = None
    if domain is Domain.OBSERVATION and len(parts) == 3:
        method = METHOD_WORDS.get(parts[2])
        if method is None:
            methods = "、".join(METHOD_LABELS.values())
            raise ValueError(f"「{text}」中的评分方法“{parts[2]}”无法识别；可用：{methods}")
    elif len(parts) > 2:
        raise ValueError(f"「{text}」不是可用的来源；{domain}可用：{known}")
    return SourceSpec(domain, words[parts[1]], method=method)


@dataclass(frozen=True)
class SourceCycle:
    """The cycle sources are read for: a year, January to its last `month`."""

    year: int
    month: int

    def __post_init__(self) -> None:
        time_progress(self.month)  # a month out of 1–12 is refused, in Chinese

    @property
    def label(self) -> str:
        """2025年1—9月."""
        return f"{self.year}年{period_label(self.month)}"

    @property
    def first_day(self) -> date:
        return date(self.year, 1, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])


@dataclass(frozen=True)
class Sourced:
    """One unit's value from a source (None when the source has none) and where it came from,
    or why there is none, in Chinese."""

    value: Decimal | None
    origin: str
    nothing_to_count: bool = False  # a rate over nothing (0 ÷ 0), its value None


FULL_RATE = Decimal(100)  # 无考核事项 按100%计: a rate of nothing left undone, in %

Values = dict[str, Sourced]  # {unit: value}


def sources_of(definition: Definition) -> dict[str, SourceSpec]:
    """{indicator: its source} for the scheme's sourced indicators, in the scheme's order."""
    return {row.name: parse_source(row.source) for row in definition.indicators if row.source}


class SourceError(ValueError):
    """Sourced values missing for rated units, and the scheme says nothing of missing values;
    the message names each unit, indicator and source, in Chinese."""


@dataclass(frozen=True)
class Filled:
    """The cycle's inputs with sourced values filled in, and what was said about them."""

    inputs: Inputs
    notes: list[str]


def merge_sourced(
    inputs: Inputs,
    definition: Definition,
    sourced: Mapping[str, Values],
    *,
    given_by: str = "数值表",
) -> Filled:
    """`inputs` (as the values file gave them: None where it has no value) with each sourced
    indicator's value filled in from `sourced` ({indicator: {unit: Sourced}}) where the file
    gives none; a value the file gives overrides the source. Every value's origin is kept in
    `Inputs.origins`. A rate with nothing to count (0 ÷ 0) is 100% when the scheme's 无考核事项
    says 按100%计, said in the notes and its origin. A rated unit left without a value is
    handled by the scheme's 缺失数据: stop (SourceError naming every unit, indicator and
    source), leave the unit unrated, or count it as 0, each said in the notes."""
    specs = sources_of(definition)
    values = {unit: dict(own) for unit, own in inputs.values.items()}
    origins: dict[str, dict[str, str]] = {unit: {} for unit in inputs.values}
    missing: dict[str, list[str]] = {}
    notes: list[str] = []
    empty_rates = False  # a rate over nothing left without a value: the stop says what to set
    for indicator, spec in specs.items():
        for unit, own in values.items():
            if own.get(indicator) is not None:
                origins[unit][indicator] = f"{given_by}（覆盖{spec.text}）"
                continue
            found = sourced[indicator].get(unit, Sourced(None, "来源中没有本单位"))
            if found.nothing_to_count and definition.nothing_to_count is NothingToCount.FULL:
                found = Sourced(FULL_RATE, f"{found.origin}；按考核办法无考核事项按100%计")
                if unit not in inputs.exempt:
                    notes.append(f"{unit}“{indicator}”（{spec.text}）{found.origin}")
            own[indicator] = found.value
            origins[unit][indicator] = f"{spec.text}（{found.origin}）"
            if found.value is None and unit not in inputs.exempt:
                missing.setdefault(unit, []).append(
                    f"{unit}“{indicator}”（{spec.text}）无数值：{found.origin}"
                )
                empty_rates = empty_rates or found.nothing_to_count
    exempt = set(inputs.exempt)
    if missing and definition.missing is Missing.STOP:
        lines = [line for unit_lines in missing.values() for line in unit_lines]
        how = "。可在数值表中填写，或在考核办法中设置“缺失数据”（不参评或计为0）"
        if empty_rates:
            how += "；没有考核事项的比率（0÷0）也可设置“无考核事项”为按100%计"
        raise SourceError("；".join(lines) + how)
    for unit, lines in missing.items():
        if definition.missing is Missing.EXEMPT:
            exempt.add(unit)
            notes.append(f"{'；'.join(lines)}；按考核办法，{unit}不参评")
        else:
            for indicator in specs:
                if values[unit].get(indicator) is None:
                    values[unit][indicator] = Decimal(0)
                    origins[unit][indicator] += "；按考核办法计为0"
            notes.append(f"{'；'.join(lines)}；按考核办法计为0")
    origins = {unit: own for unit, own in origins.items() if own}
    filled = replace(inputs, values=values, exempt=frozenset(exempt), origins=origins)
    return Filled(filled, notes)


EXEMPT = "不参评"


def raw_header(row: IndicatorRow) -> str:
    """An indicator's name with the unit its raw values are in, as the results page and the
    .xlsx's 原始数值 head them: the name as written when it states its unit (亩均税收（万元/亩）),
    else with its source's unit (县区得分（分）, 新开工项目数（个）), a firm indicator's
    (亩均税收（万元/亩）, `firms.FIRM_UNITS`) or, for a rate, share or growth (…率, …占比,
    …增速), （%）; the bare name when no unit is known."""
    if _STATED_UNIT.search(row.name):
        return row.name
    unit = value_unit(row)
    return f"{row.name}（{unit}）" if unit else row.name


def value_unit(row: IndicatorRow) -> str:
    """The unit an indicator's raw values are in, as `raw_header` heads them: the unit its
    name states (投资完成率（%） → %), else its source's, a firm indicator's or a rate's %;
    "" when none is known."""
    if stated := _STATED_UNIT.search(row.name):
        return stated.group()[1:-1]
    unit = ""
    if row.source:
        try:
            unit = MEASURE_UNITS[parse_source(row.source).measure]
        except ValueError:  # a source the scheme reading refused never reaches a result
            unit = ""
    unit = unit or FIRM_UNITS.get(row.name, "")
    if not unit and row.name.endswith(_PERCENT_ENDINGS):
        unit = "%"
    return unit


def origin_rows(inputs: Inputs) -> list[tuple[str, str, str]]:
    """Where each sourced (or overriding) value of a rated unit came from, as (unit, indicator,
    origin) in the inputs' order; a unit exempt (不参评), whose values count for nothing, once
    as (unit, "—", "不参评"). What the command, the preview and the .xlsx list."""
    rows: list[tuple[str, str, str]] = []
    for unit, own in inputs.origins.items():
        if unit in inputs.exempt:
            rows.append((unit, UNDEFINED, EXEMPT))
        else:
            rows += [(unit, indicator, origin) for indicator, origin in own.items()]
    return rows


def origin_lines(inputs: Inputs) -> list[str]:
    """`origin_rows` as lines: 温县“投资完成率”：台账:年度计划完成率（…）, 修武县：不参评."""
    return [
        f"{unit}：{origin}" if indicator == UNDEFINED else f"{unit}“{indicator}”：{origin}"
        for unit, indicator, origin in origin_rows(inputs)
    ]
