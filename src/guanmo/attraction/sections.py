"""The attraction report's sections, built once for every face: the funnel page, the text the
command prints, the .xlsx (a sheet each) and the .docx (a table each). A section is a titled
table of raw figures (counts, 万元, percentages, 亩) with the kind of each column, and the lines
said under it; each face only formats the cells its way (`cell_text` for text, the page and the
.docx; number formats for the .xlsx), so no face leaves out a part another has (tryout 13).
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from itertools import pairwise

from guanmo.attraction.bulletin import LAND_UNITS, land_sentence
from guanmo.attraction.funnel import Funnel
from guanmo.attraction.land import LAND_HEADERS, ParkLand, per_mu_sentence
from guanmo.attraction.parks import LEADING_SHARE_TARGET
from guanmo.attraction.report import AttractionReport
from guanmo.attraction.sentences import funds_base_note
from guanmo.attraction.stages import STAGES
from guanmo.documents.official import chinese_date
from guanmo.figures.formatting import UNDEFINED, money_wan, number, points, rank_cell, rate


class Kind(Enum):
    TEXT = "text"
    COUNT = "count"  # 个, 家, 人: a whole number
    MONEY = "money"  # 万元
    RATE = "rate"  # a percentage (37.8 meaning 37.8%)
    POINTS = "points"  # a difference of percentages, 个百分点
    DECIMAL = "decimal"  # 亩, 万元/亩, 平方公里: two decimals
    DAYS = "days"  # an average of days, one decimal


@dataclass(frozen=True)
class SectionColumn:
    header: str
    kind: Kind = Kind.TEXT


@dataclass(frozen=True)
class Section:
    """One part of the report. `key` is the page's table id and the .xlsx sheet's name; `rows`
    hold raw figures (None: no figure, shown —); `notes` are the lines said under the table;
    `opening` the sentence the .docx says before it;
    `brief` the columns a portrait .docx page keeps (all when empty), or `parts` the tables it
    is split into; `empty` what is said when there are no rows."""

    key: str
    sheet: str
    title: str
    columns: tuple[SectionColumn, ...]
    rows: list[list] = field(default_factory=list)
    units: str = ""
    notes: list[str] = field(default_factory=list)
    brief: tuple[int, ...] = ()
    empty: str = "无"
    opening: str = ""
    # A table too wide for one portrait page, as several: (what the part holds, its columns).
    parts: tuple[tuple[str, tuple[int, ...]], ...] = ()

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]

    def text_rows(self) -> list[list[str]]:
        """Every row as text, each cell by its column's kind (`cell_text`)."""
        return [
            [cell_text(value, column.kind) for value, column in zip(row, self.columns, strict=True)]
            for row in self.rows
        ]

    def portrait_tables(self) -> list[tuple[str, list[str], list[list[str]]]]:
        """(title, headers, text rows) of each table a portrait page shows: one per part, its
        title saying what the part holds, else one of the columns `brief` keeps (all when
        empty) under the section's title."""
        rows = self.text_rows()
        parts = self.parts or (("", self.brief or tuple(range(len(self.columns)))),)
        return [
            (
                f"{self.title}（{holds}）" if holds else self.title,
                [self.headers[i] for i in keep],
                [[row[i] for i in keep] for row in rows],
            )
            for holds, keep in parts
        ]


def cell_text(value: object, kind: Kind) -> str:
    """A cell as text: counts plain, 万元 and areas with thousands separators and two decimals
    (6,011.00, as every table's figures: progress.sections.cell_text), percentages with one
    decimal and %, 个百分点 signed; — for no figure."""
    if value is None:
        return UNDEFINED
    if kind is Kind.MONEY:
        return money_wan(value)
    if kind is Kind.RATE:
        return rate(value)
    if kind is Kind.POINTS:
        return points(value)
    if kind is Kind.DECIMAL:
        return number(value, 2, grouped=True)
    if kind is Kind.DAYS:
        return number(value)
    return str(value)


FUNNEL_COLUMNS = (
    SectionColumn("洽谈项目（个）", Kind.COUNT),
    SectionColumn("新签项目（个）", Kind.COUNT),
    SectionColumn("落地（个）", Kind.COUNT),
    SectionColumn("开工（个）", Kind.COUNT),
    SectionColumn("投产（个）", Kind.COUNT),
    SectionColumn("达产（个）", Kind.COUNT),
    SectionColumn("合同投资（万元）", Kind.MONEY),
    SectionColumn("到位资金（万元）", Kind.MONEY),
    SectionColumn("签约率", Kind.RATE),
    SectionColumn("履约率", Kind.RATE),
    SectionColumn("开工率", Kind.RATE),
    SectionColumn("投产率", Kind.RATE),
    SectionColumn("达产率", Kind.RATE),
    SectionColumn("资金到位率", Kind.RATE),
)
FUNNEL_COUNTS = ("leads", "signed", "landed", "started", "producing", "at_capacity")
FUNNEL_RATES = (
    "signing_rate",
    "fulfilment_rate",
    "start_rate",
    "production_rate",
    "capacity_rate",
    "funds_rate",
)
# A funnel table on portrait pages: two tables, each led by the row's name: the stages' counts
# with 合同投资, then 到位资金 with every rate (no column left out, tryout 16).
FUNNEL_PARTS = (
    ("项目数和合同投资", (0, 1, 2, 3, 4, 5, 6, 7)),
    ("到位资金和比率", (0, 8, 9, 10, 11, 12, 13, 14)),
)


def funnel_row(name: str, figures: Funnel) -> list:
    return [
        name,
        *(getattr(figures, key) for key in FUNNEL_COUNTS),
        figures.contract_investment,
        figures.funds_in_place,
        *(getattr(figures, key) for key in FUNNEL_RATES),
    ]


def _funnel_section(key, sheet, title, first, rows, month: int) -> Section:
    """A funnel table of `rows` (name, Funnel) for a period ending in `month`, with a line
    under it for each row whose 资金到位率 leaves some projects out (`funds_base_note`)."""
    return Section(
        key=key,
        sheet=sheet,
        title=title,
        columns=(SectionColumn(first), *FUNNEL_COLUMNS),
        rows=[funnel_row(name, figures) for name, figures in rows],
        units="金额单位：万元",
        parts=FUNNEL_PARTS,
        notes=[
            note
            for name, figures in rows
            if (note := funds_base_note(name, figures, month)) is not None
        ],
    )


PARK_COLUMNS = (
    SectionColumn("园区"),
    SectionColumn("主营业务收入（万元）", Kind.MONEY),
    SectionColumn("位次"),
    SectionColumn("主导产业"),
    SectionColumn("主导产业占比", Kind.RATE),
    SectionColumn("目标", Kind.RATE),
    SectionColumn("与目标比（个百分点）", Kind.POINTS),
    SectionColumn("占比位次"),
    SectionColumn("规上企业（家）", Kind.COUNT),
    SectionColumn("高新技术企业（家）", Kind.COUNT),
    SectionColumn("公共服务平台（个）", Kind.COUNT),
    SectionColumn("从业人员（人）", Kind.COUNT),
    SectionColumn("规划面积（平方公里）", Kind.DECIMAL),
    SectionColumn("建成面积（平方公里）", Kind.DECIMAL),
    SectionColumn("建成率", Kind.RATE),
)
# The parks on a portrait page (seven columns at most): 园区, 主营业务收入, 位次, 主导产业占比,
# 与目标比, 占比位次, 建成率. Ranks as every table says them (figures.formatting.rank_cell).
PARK_BRIEF = (0, 1, 2, 4, 6, 7, 14)


def report_sections(report: AttractionReport) -> list[Section]:
    """Every section of the report in the order each face shows them: the units' funnel, the
    conversion between consecutive stages by unit (落地→开工: started ÷ landed), by source
    group, by source, by industry, the days between stages, the warnings, the land (with the
    idle parcels and those below their park's standard) and the parks' own figures."""
    day = chinese_date(report.as_of)  # the day warnings and land are judged on
    month = report.period.month
    sections = [
        _funnel_section(
            "by-unit",
            "县区园区",
            "各县（市、区）、园区招商项目推进情况",
            "地区",
            report.funnel,
            month,
        ),
        Section(
            key="conversions",
            sheet="阶段转化率",
            title="相邻阶段转化率",
            columns=(
                SectionColumn("地区"),
                *(SectionColumn(f"{b.value}→{a.value}", Kind.RATE) for b, a in pairwise(STAGES)),
            ),
            rows=[
                [name, *(share for _, _, share in figures.conversions())]
                for name, figures in report.funnel
            ],
            notes=["转化率为到达后一阶段的项目数占到达前一阶段项目数的比例。"],
        ),
        _funnel_section(
            "by-group", "重点区域", "按重点区域", "区域", report.by_source_group, month
        ),
        _funnel_section("by-source", "来源地", "按投资方来源地", "来源地", report.by_source, month),
        _funnel_section(
            "by-industry",
            "行业",
            "按行业（GB/T 4754—2017门类）",
            "行业",
            report.by_industry,
            month,
        ),
        Section(
            key="days",
            sheet="转化用时",
            title="阶段转化平均用时",
            columns=(
                SectionColumn("阶段"),
                SectionColumn("平均用时（天）", Kind.DAYS),
                SectionColumn("项目（个）", Kind.COUNT),
            ),
            rows=[
                [f"{before.value}→{after.value}", mean, count]
                for before, after, mean, count in report.conversion_days
            ],
        ),
        Section(
            key="warnings",
            sheet="预警",
            title=f"预警（截至{day}）",
            columns=(SectionColumn("项目名称"), SectionColumn("预警"), SectionColumn("情况")),
            rows=[[w.lead, w.kind, w.text] for w in report.warnings],
        ),
    ]
    if report.land:
        sections.append(
            land_section(
                report.land,
                report.as_of,
                [idle.text for idle in report.idle_land]
                + [gap.text for gap in report.first_phase_only]
                + [_below_text(*each) for each in report.below_standard],
                opening=land_sentence(report.land[0][1], day, report.city),
            )
        )
    if report.parks:
        sections.append(
            Section(
                key="parks",
                sheet="园区",
                title="园区主要指标",
                columns=PARK_COLUMNS,
                rows=[_park_row(park, standing) for park, standing in report.parks],
                units="金额单位：万元",
                brief=PARK_BRIEF,
            )
        )
    return sections


def land_section(
    lands: Sequence[tuple[str, ParkLand]],
    day: date,
    notes: list[str],
    base: str = "",
    opening: str = "",
) -> Section:
    """The land table (亩; 万元/亩) of units or parks on `day`, with the lines said under it:
    first what the totals cover (`base`) when given, then what the 亩均 figures are over where
    some supplied parcels carry none (注：…, land.per_mu_sentence), then `notes`; `opening` is
    the sentence the .docx says before the table."""
    per_mu = per_mu_sentence(lands)
    said = ([base] if base else []) + ([f"注：{per_mu}"] if per_mu else [])
    return Section(
        key="land",
        sheet="用地",
        title=f"用地情况（截至{chinese_date(day)}）",
        columns=(
            SectionColumn(LAND_HEADERS[0]),
            *(SectionColumn(header, Kind.DECIMAL) for header in LAND_HEADERS[1:]),
        ),
        rows=[[name, *land.areas, *land.per_mu] for name, land in lands],
        units=LAND_UNITS.strip("（）"),
        notes=[*said, *notes],
        opening=opening,
    )


def _park_row(park, standing) -> list:
    return [
        park.name,
        park.revenue,
        rank_cell(standing.revenue_rank, tied=standing.revenue_tied),
        park.leading_industries or None,
        standing.leading_share,
        park.target if park.target is not None else LEADING_SHARE_TARGET,
        standing.vs_target,
        rank_cell(standing.share_rank, tied=standing.share_tied),
        park.enterprises_above_size,
        park.high_tech_enterprises,
        park.service_platforms,
        park.employees,
        park.planned_area,
        park.built_area,
        standing.built_share,
    ]


def _below_text(parcel, check, standard) -> str:
    """A parcel short of its park's standard, as a line under the land table."""
    parts = []
    if check.intensity_met is False:
        parts.append(
            f"投资强度{number(check.intensity, 2)}万元/亩，"
            f"低于标准{number(standard.investment_intensity, 2)}万元/亩"
        )
    if check.plot_ratio_met is False:
        parts.append(
            f"容积率{number(parcel.plot_ratio, 2)}，低于下限{number(standard.min_plot_ratio, 2)}"
        )
    holder = f"（{parcel.holder}）" if parcel.holder else ""
    return f"{parcel.name}{holder}{'，'.join(parts)}"
