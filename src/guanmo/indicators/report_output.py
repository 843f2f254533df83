"""The indicator report as text, JSON, .xlsx and .docx: one `IndicatorReport`, four faces.

JSON keeps the issue's keys exactly (issue 12, "Outputs"), with a `unit` beside each target;
every figure is a decimal string with the decimals the page shows it with (values to the
indicator's decimals, never fewer digits than stored: 833 → "833.0", 0.0512 → "0.0512"; rates
and 个百分点 to one decimal as computed), null where undefined; ranks are integers.
Text, .xlsx and .docx show figures through the one number formatter
(`guanmo.figures.formatting`); the .xlsx is written by `documents.xlsx.write_table` (text
never a formula), the .docx by the GB/T 9704 builder.
"""

import io
import json
from decimal import Decimal

from openpyxl import Workbook

from guanmo.documents.formulas import put
from guanmo.documents.official import Letterhead, OfficialDocument, chinese_date
from guanmo.documents.xlsx import (
    INTEGER_FORMAT,
    POINTS_FORMAT,
    RATE_FORMAT,
    SIGNED_FORMAT,
    Column,
    Formatted,
    places_format,
    write_table,
)
from guanmo.figures.arithmetic import shown
from guanmo.figures.formatting import (
    Display,
    display_for,
    kept_figure,
    points,
    rank_header,
    rate,
)
from guanmo.indicators.arithmetic import MOVES_NOT_COMPARABLE, YEAR_MOVES_NOT_COMPARABLE
from guanmo.indicators.choices import Direction, Kind, RankBy
from guanmo.indicators.report import IndicatorReport, IndicatorTable, TargetLine, region_places
from guanmo.indicators.sentences import node_text, rank_basis_header, rank_disagreement
from guanmo.indicators.targets import Standing
from guanmo.regions.services import units_word

FORMATS = ("text", "json", "xlsx", "docx")


def _exact(value: Decimal | None) -> str | None:
    """A stored figure as a string without trailing zeros or exponent; None stays None."""
    return kept_figure(value, 0)


def _figure(value: Decimal | None, places: int) -> str | None:
    """A value as the page shows it, to `places` decimals ("833.0" for 833 of an indicator
    shown to one decimal), but never rounded: a stored figure with more decimals keeps them
    all (a JSON figure is exact); None stays None (`formatting.kept_figure`)."""
    return kept_figure(value, places)


def _rate(value: Decimal | None) -> str | None:
    """A rate or a difference in 个百分点: to one decimal as computed ("9.0"); a given rate
    with more places (a target of 8.25%) exactly."""
    if value is None:
        return None
    return f"{shown(value):f}" if shown(value) == value else _exact(value)


def as_dict(report: IndicatorReport) -> dict:
    """The report as `--format json` prints it."""
    return {
        "period": {"year": report.year, "month": report.month, "label": report.label},
        "time_progress": _rate(report.time_progress),
        "group": {
            "name": report.group.name,
            "short_name": report.group.short_name,
            "regions": report.regions,
        },
        "indicators": [
            {
                "name": table.indicator.name,
                "unit": table.indicator.unit,
                "kind": table.indicator.kind,
                "direction": table.indicator.direction,
                "rank_by": table.indicator.rank_by,
                "total": {
                    "value": _figure(table.total.value, table.indicator.places),
                    "growth": _rate(table.total.growth),
                },
                "regions": [
                    {
                        "region": line.region,
                        "value": _figure(line.value, table.indicator.places),
                        "last_year": _figure(line.last_year, table.indicator.places),
                        "growth": _rate(line.growth),
                        "rank": line.rank,
                        "rank_change": line.rank_change,
                        "rank_change_year": line.rank_change_year,
                        "vs_group": _rate(line.vs_group),
                        "reported_rank": line.reported_rank,
                    }
                    for line in table.lines
                ],
            }
            for table in report.indicators
        ],
        "targets": [
            {
                "region": target.region,
                "indicator": target.indicator.name,
                "unit": target.indicator.unit,
                "target": _figure(target.standing.target, target.indicator.places),
                "target_growth": _rate(target.standing.target_growth),
                "done": _figure(target.standing.done, target.indicator.places),
                "completion_rate": _rate(target.standing.completion_rate),
                "vs_time_progress": _rate(target.standing.vs_time_progress),
                "node_target": _figure(target.standing.node_target, target.indicator.places),
                "vs_node": _rate(target.standing.vs_node),
                "forecast_rate": _rate(target.standing.forecast_rate),
                "both_over_half": target.standing.both_over_half,
            }
            for target in report.targets
        ],
        "sentences": report.sentences,
    }


def as_json(report: IndicatorReport) -> str:
    return json.dumps(as_dict(report), ensure_ascii=False, indent=2)


def _growth_header(table: IndicatorTable) -> str:
    return "增减（个百分点）" if table.indicator.kind == Kind.RATIO else "增速（%）"


def table_rank_header(table: IndicatorTable) -> str:
    """The table's 位次 header: what it is ranked on and among how many (位次（按数值，越少越好；
    共12个）, tryout 17: a bare 位次 beside the growth read as a rank on the growth); plain 位次
    when no region is ranked."""
    indicator = table.indicator
    basis = rank_basis_header(
        RankBy(indicator.rank_by), Kind(indicator.kind), indicator.direction == Direction.LOWER
    )
    return rank_header(table.ranked, basis if table.ranked else "")


def headers(report: IndicatorReport, table: IndicatorTable) -> list[str]:
    """The indicator table's headers; the rank's says among how many regions it is taken
    (位次（共12个）): those with a figure, so that a region alone with a figure is not read as
    first of the whole group."""
    unit = table.shown.unit
    short = report.group.short_name
    return [
        "地区",
        f"本期（{unit}）",
        f"上年同期（{unit}）",
        _growth_header(table),
        table_rank_header(table),
        "较上期位次变化",
        "较上年同期位次变化",
        f"与{short}比较（个百分点）",
        "报送位次",
    ]


def _signed(change: int | None) -> str:
    if change is None:
        return "—"
    return f"+{change}" if change > 0 else str(change)


def text_rows(table: IndicatorTable) -> list[list[str]]:
    shown = table.shown
    growth = points if table.indicator.kind == Kind.RATIO else rate
    return [
        [
            line.region,
            shown.text(line.value),
            shown.text(line.last_year),
            growth(line.growth),
            "—" if line.rank is None else f"{line.rank}{'（并列）' if line.tied else ''}",
            _signed(line.rank_change),
            _signed(line.rank_change_year),
            points(line.vs_group),
            "—" if line.reported_rank is None else str(line.reported_rank),
        ]
        for line in table.lines
    ]


TARGET_HEADERS = [
    "地区",
    "指标",
    "年度目标",
    "目标增速（%）",
    "完成",
    "完成率",
    "较时间进度（个百分点）",
    "序时目标",
    "较序时进度（个百分点）",
    "预计全年完成",
    "双过半",
    "实际增速（%）",
    "较目标增速（个百分点）",
]


def target_rows(targets: list[TargetLine]) -> list[list[str]]:
    """The targets table's rows under TARGET_HEADERS, each amount with its unit (a table holds
    万人 beside 亿元 and 亩), as sentences say it (`amount_text`: a town's 0.12万人 is 1200人)."""
    rows = []
    displays = target_displays(targets)
    for target in targets:
        figures, places, unit = target.standing, target.indicator.places, target.indicator.unit
        shown = displays[target.indicator.pk]
        half = {True: "是", False: "否", None: "—"}[figures.both_over_half]
        rows.append(
            [
                target.region,
                target.indicator.name,
                shown.with_unit(figures.target),
                rate(figures.target_growth),
                shown.with_unit(figures.done),
                rate(figures.completion_rate),
                points(figures.vs_time_progress),
                node_text(figures.node_target, figures.node_exact, unit, places, shown),
                points(figures.vs_node),
                forecast_text(figures),
                half,
                # A growth target is judged on the growth made, which the amount done hides.
                rate(figures.growth) if figures.target_growth is not None else "—",
                points(figures.vs_target_growth),
            ]
        )
    return rows


def target_displays(targets: list[TargetLine]) -> dict[int, Display]:
    """Each indicator's one display down the targets table's amount columns (年度目标, 完成,
    序时目标), by the tables' rule over all its figures there (`formatting.display_for`): a
    town's 0.98亿元 beside 1.10亿元, never 9800万元 (tryout 29 item 10); every figure under 1
    of the unit (towns' 0.12万人) in the smaller one."""
    figures: dict[int, list] = {}
    for target in targets:
        seen = target.standing
        figures.setdefault(target.indicator.pk, []).extend(
            [seen.target, seen.done, seen.node_target]
        )
    return {
        target.indicator.pk: display_for(
            target.indicator.unit, target.indicator.places, figures[target.indicator.pk]
        )
        for target in targets
    }


def forecast_text(figures: Standing) -> str:
    """The forecast as the targets table shows it, saying when a count's forecast is held at
    its whole (贫困村退出: no more villages than there are): 100.0%（以全年目标数为限）
    (tryout 17: capped without saying so); "—" when undefined."""
    shown = rate(figures.forecast_rate)
    return f"{shown}（以全年目标数为限）" if figures.forecast_capped else shown


def table_title(report: IndicatorReport, table: IndicatorTable) -> str:
    """固定资产投资（全市：1166.0亿元，增速6.0%）; a figure the group has not is left out
    (规模以上工业增加值（全市：增速7.1%）), never shown as "—亿元"; a total a member's missing
    figure keeps from being computed is said so (固定资产投资（同类县合计：缺修武县数据，不计算）,
    or 增速：缺修武县上年同期数据，不计算) — unless the total's growth was reported (a 全市 row),
    then shown as such: 规模以上工业增加值（全市：增速7.1%（报送））(tryout 17)."""
    indicator, total = table.indicator, table.total
    short = report.group.short_name
    if total.lacking and total.growth is None:
        return f"{indicator.name}（{short}合计：缺{'、'.join(total.lacking)}数据，不计算）"
    reported = "（报送）" if total.growth_reported else ""
    figures = []
    if total.value is not None:
        figures.append(f"{table.shown.text(total.value)}{table.shown.unit}")
    if total.growth is not None and indicator.kind == Kind.RATIO:
        figures.append(f"增减{points(total.growth)}个百分点{reported}")
    elif total.growth is not None:
        figures.append(f"增速{rate(total.growth)}{reported}")
    elif total.lacking_last_year:
        figures.append(f"增速：缺{'、'.join(total.lacking_last_year)}上年同期数据，不计算")
    if not figures:
        return indicator.name
    return f"{indicator.name}（{short}：{'，'.join(figures)}）"


def growth_note(report: IndicatorReport, table: IndicatorTable) -> str:
    """The note under a table whose growths (a ratio's 增减) are taken as reported rather than
    computed from the amounts it shows (issue 12: a reported rate always wins; GDP's is at
    comparable prices): 注：全市及各地区增速为报送数（可比价），不由表中本期与上年同期数值计算。,
    （可比价） only for an indicator whose growth is (`Indicator.comparable_prices`; tryout 21:
    said of 一般公共预算收入, at current prices),
    naming the regions when only some are, the others said computed; "" when none is
    (tryout 17: reported growths differing from the amounts shown were not explained)."""
    word = "增减" if table.indicator.kind == Kind.RATIO else "增速"
    given = [line for line in table.lines if line.growth is not None]
    reported = [line.region for line in given if line.growth_reported]
    if not reported and not table.total.growth_reported:
        return ""
    every = len(reported) == len(given)
    names = ["各地区"] if every and reported else reported
    if table.total.growth_reported:
        names = [report.group.short_name, *names]
    subject = (
        f"{names[0]}及{'、'.join(names[1:])}" if every and len(names) > 1 else "、".join(names)
    )
    rest = "" if every else f"；其余{word}按本期与上年同期数值计算"
    prices = "（可比价）" if table.indicator.comparable_prices else ""
    return f"注：{subject}{word}为报送数{prices}，不由表中本期与上年同期数值计算{rest}。"


def sum_note(report: IndicatorReport, table: IndicatorTable) -> str:
    """The note under a table whose whole's stored value is not its members' sum (a 全省
    sheet's 焦作市 row over the counties' 月报): 注：全市一般公共预算收入134.60亿元为全市报送数，
    与各地区之和108.39亿元不一致；全市数值及增速均按报送数。; "" when they agree or either is
    unknown (tryout 21: the two were said in one sentence, the value from one and the growth
    from the other)."""
    total = table.total
    if total.summed is None or total.value is None:
        return ""
    short, shown = report.group.short_name, table.shown
    return (
        f"注：{short}{table.indicator.name}{shown.text(total.value)}{shown.unit}为{short}报送数，"
        f"与各地区之和{shown.text(total.summed)}{shown.unit}不一致；{short}数值及增速均按报送数。"
    )


def moves_note(table: IndicatorTable) -> str:
    """The note under a table whose rank moves are not stated because the regions ranked
    differ between the periods (`arithmetic.moves_comparable`): 注：上期参与排名的单位不同，
    位次变化不可比。; "" otherwise (tryout 26 item 2)."""
    general = (MOVES_NOT_COMPARABLE, YEAR_MOVES_NOT_COMPARABLE)  # not a line's 上月无数据
    said = dict.fromkeys(
        note
        for line in table.lines
        for note in (line.move_note, line.move_note_year)
        if note in general
    )
    return f"注：{'；'.join(said)}。" if said else ""


def table_note(report: IndicatorReport, table: IndicatorTable) -> str:
    """Every note under an indicator's table (`growth_note`, `sum_note`, `moves_note`), in one
    line: the page, the text, the .xlsx and the .docx say the same."""
    notes = (growth_note(report, table), sum_note(report, table), moves_note(table))
    return "".join(note for note in notes if note)


def unbroken_notes(targets: list[TargetLine]) -> list[str]:
    """A note per target whose profile could not be followed, saying why its node and forecast
    are "—" (`Standing.unbroken`; tryout 21 (4))."""
    return [
        f"注：{target.region}{target.indicator.name}{target.standing.unbroken}。"
        for target in targets
        if target.standing.unbroken
    ]


def as_text(report: IndicatorReport) -> str:
    """The report as the terminal prints it: each table tab-separated, then the sentences."""
    lines = [
        f"{report.label}{report.group.name}主要指标",
        f"时间进度：{rate(report.time_progress)}",
    ]
    for table in report.indicators:
        lines += ["", table_title(report, table)]
        lines.append("\t".join(headers(report, table)))
        lines += ["\t".join(row) for row in text_rows(table)]
        if note := table_note(report, table):
            lines.append(note)
    if report.targets:
        lines += ["", "目标完成情况", "\t".join(TARGET_HEADERS)]
        lines += ["\t".join(row) for row in target_rows(report.targets)]
        lines += unbroken_notes(report.targets)
    if report.sentences:
        lines += ["", *report.sentences]
    return "\n".join(lines)


def as_xlsx(report: IndicatorReport, head: Letterhead | None = None) -> bytes:
    """One sheet per indicator (and one of targets), each a titled table that reads back; as
    issued (`head` with its number and date), the first sheet's title lines say its 发文字号
    and 成文日期 (tryout 29 item 9: the issued workbook could not be told from the draft)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    issued = ""
    if head is not None and head.number and head.dated:
        issued = f"{head.number}　成文日期：{chinese_date(head.dated)}；"
    for at, table in enumerate(report.indicators):
        sheet = workbook.create_sheet(table.indicator.name[:31])
        shown = table.shown
        value_format = places_format(shown.places)
        growth_format = POINTS_FORMAT if table.indicator.kind == Kind.RATIO else RATE_FORMAT
        titles = headers(report, table)
        columns = [
            Column(titles[0], 16),
            Column(titles[1], 14, value_format),
            Column(titles[2], 14, value_format),
            Column(titles[3], 12, growth_format),
            Column(titles[4], 8, INTEGER_FORMAT),
            Column(titles[5], 12, SIGNED_FORMAT),
            Column(titles[6], 12, SIGNED_FORMAT),
            Column(titles[7], 14, POINTS_FORMAT),
            Column(titles[8], 10, INTEGER_FORMAT),
            Column("备注", 30),
        ]
        # The group's own line first, as the page's and the text's heading give it (tryout 26
        # item 12), then the regions with the 位次不符 remark the page shows.
        total = table.total
        rows = [
            [
                report.group.short_name,
                shown.figure(total.value),
                shown.figure(total.last_year),
                total.growth,
                *[None] * 5,
                "增速为报送数" if total.growth_reported else "",
            ],
            *(
                [
                    line.region,
                    shown.figure(line.value),
                    shown.figure(line.last_year),
                    line.growth,
                    line.rank,
                    line.rank_change,
                    line.rank_change_year,
                    line.vs_group,
                    line.reported_rank,
                    rank_disagreement(line.reported_rank, line.rank),
                ]
                for line in table.lines
            ),
        ]
        write_table(
            sheet,
            title=f"{report.label}{report.group.name}{table.indicator.name}",
            units=f"{issued if at == 0 else ''}单位：{shown.unit}；位次变化“+”为前移、“-”为后移",
            columns=columns,
            rows=rows,
            freeze_columns=1,
        )
        if note := table_note(report, table):
            put(sheet.cell(sheet.max_row + 1, 1), note)
    if report.targets or not report.indicators:
        _targets_sheet(
            workbook.create_sheet("目标完成情况"), report, issued if not report.indicators else ""
        )
    file = io.BytesIO()
    workbook.save(file)
    return file.getvalue()


# The .xlsx targets sheet: TARGET_HEADERS with the unit in a column of its own (a sheet holds
# 万人 beside 亿元), each figure a number under its format ("—" a blank cell).
_XLSX_TARGET_COLUMNS = (
    Column("地区", 16),
    Column("指标", 18),
    Column("单位", 8),
    Column("年度目标", 12),
    Column("目标增速（%）", 10, RATE_FORMAT),
    Column("完成", 12),
    Column("完成率", 10, RATE_FORMAT),
    Column("较时间进度（个百分点）", 12, POINTS_FORMAT),
    Column("序时目标", 12),
    Column("较序时进度（个百分点）", 12, POINTS_FORMAT),
    Column("预计全年完成", 10, RATE_FORMAT),
    Column("双过半", 8),
    Column("实际增速（%）", 10, RATE_FORMAT),
    Column("较目标增速（个百分点）", 12, POINTS_FORMAT),
)


def _targets_sheet(sheet, report: IndicatorReport, issued: str = "") -> None:
    """The targets as numbers (tryout 17: "86.8%", "9.92亿元" were text), the figures of
    `target_rows`: amounts in the indicator's unit to its decimals, rates as Excel percents,
    differences in 个百分点."""
    rows = []
    for target in report.targets:
        figures = target.standing
        # 年度目标, 完成, 序时目标: each in its row's unit, to its indicator's decimals
        amount = places_format(target.indicator.places)
        rows.append(
            [
                target.region,
                target.indicator.name,
                target.indicator.unit,
                Formatted(figures.target, amount),
                figures.target_growth,
                Formatted(figures.done, amount),
                figures.completion_rate,
                figures.vs_time_progress,
                Formatted(figures.node_target, amount),
                figures.vs_node,
                figures.forecast_rate,
                {True: "是", False: "否", None: None}[figures.both_over_half],
                figures.growth if figures.target_growth is not None else None,
                figures.vs_target_growth,
            ]
        )
    write_table(
        sheet,
        title=f"{report.label}目标完成情况",
        units=issued.rstrip("；") or None,
        columns=_XLSX_TARGET_COLUMNS,
        rows=rows,
    )


def docx_title(report: IndicatorReport) -> str:
    """2025年1—6月焦作市各县（市、区）主要指标调度情况: the month and the group, so that the
    reports of two groups of one month are told apart."""
    return f"{report.label}{report.group.name}主要指标调度情况"


def as_docx(report: IndicatorReport, head: Letterhead) -> bytes:
    """The report as an official document under `head` (numbered and dated when issued, see
    `indicators.issuing`): the group's sentences, each region's place and move in one sentence,
    then each indicator's table."""
    document = OfficialDocument(head, docx_title(report))
    for sentence in report.sentences:
        document.body(sentence)
    places = region_places(report) if report.region is None else []
    if places:
        among = units_word(report.whole) if report.whole else report.group.name
        document.heading(f"{among}位次情况")
        for sentence in places:
            document.body(sentence)
    short = report.group.short_name
    for order, table in enumerate(report.indicators, start=1):
        ratio = table.indicator.kind == Kind.RATIO
        # A ratio's change and every distance from the group are in 个百分点: said once on
        # the units line when the table's growth is, else in the column's own header.
        against = f"比{short}" if ratio else f"比{short}（个百分点）"
        growth = "增减" if ratio else "增速"
        document.table(
            ["地区", "本期", growth, table_rank_header(table), "较上期", against],
            [[row[i] for i in _DOCX_COLUMNS] for row in text_rows(table)],
            caption=f"表{order}　{table.indicator.name}",
            units=_units(table.shown.unit, "个百分点" if ratio else "%"),
        )
        if note := table_note(report, table):
            document.body(note)
    if report.targets:
        document.table(
            ["地区", "指标", "目标", "完成", "完成率", "较序时", "双过半"],
            [
                [
                    row[0],
                    row[1],
                    row[2] if row[3] == "—" else f"增长{row[3]}",
                    *row[4:6],
                    row[8],
                    row[10],
                ]
                for row in target_rows(report.targets)
            ],
            caption=f"表{len(report.indicators) + 1}　目标完成情况",
            # amounts carry their own unit (万人 beside 亿元); 较序时 is in 个百分点
            units="单位：%、个百分点",
        )
    return document.finish()


def _units(*units: str) -> str:
    """The units line of an official table: 单位：亿元、% (each unit once)."""
    return f"单位：{'、'.join(dict.fromkeys(units))}"


# The .docx tables keep what fits a portrait page: region, value, growth, rank, its change
# and the distance from the group.
_DOCX_COLUMNS = (0, 1, 3, 4, 5, 7)
