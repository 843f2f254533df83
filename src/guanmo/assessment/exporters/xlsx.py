"""An assessment's result as .xlsx with every intermediate, one sheet each: the result, raw
values, normalised scores (0–100), weighted points, the breakdown as shown (得分构成, parts
adding up to the shown score, 并列 and 一票否决 said), points lost to the first, 加分/扣分,
一票否决 and exemptions, weights and method, where sourced values came from (when any was),
and the sensitivity of the choices.
Every cell goes through the project's one safe writer (`guanmo.documents.xlsx.write_table`: text
never a formula). The one workbook of a result: `guanmo assess --format xlsx` and the results
page's download both write it."""

from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook

from guanmo.assessment.definition import veto_items
from guanmo.assessment.exporters.text import (
    BREAKDOWN_NOTE,
    BREAKDOWN_TAIL,
    LOST_NOTE,
    SOBOL_OUTPUT,
    breakdown_rows,
    choice_name,
    indices_of,
    points_lost_to_first,
    raw_headers,
    raw_values,
    robustness_sentence,
    sampling_note,
    vetoed_cell,
)
from guanmo.assessment.outcome import Outcome
from guanmo.assessment.scheme_description import (
    INDICATOR_HEADERS,
    describe,
    robustness_notes,
)
from guanmo.assessment.sources import origin_rows
from guanmo.documents.formulas import put
from guanmo.documents.xlsx import INTEGER_FORMAT, RATE_FORMAT, Column, write_table
from guanmo.figures.formatting import UNDEFINED

POINTS_FORMAT = "0.00"
EXACT_FORMAT = "0.0000"
# 与第一名差距: a negative gap (the unit above the first on the indicator) is said so
LOST_FORMAT = '0.00;"高于第一名"0.00;0.00'
# write_table's percent columns take percentages (37.8) and store the fraction Excel shows as
# 37.8%; a probability (a fraction, 1 = certain) is therefore passed as a percentage.
PROBABILITY_FORMAT = RATE_FORMAT


def _as_percentage(probability: Decimal | None) -> Decimal | None:
    """A probability (fraction 0–1) as the percentage a RATE_FORMAT column takes (1 → 100)."""
    return None if probability is None else probability * 100


def _yes(flag: bool) -> str:
    return "是" if flag else ""


def _unit_column() -> Column:
    return Column("单位", 18)


def _indicator_columns(outcome: Outcome, number_format: str) -> list[Column]:
    return [Column(name, 14, number_format) for name in outcome.definition.names]


def _result_sheet(workbook: Workbook, outcome: Outcome) -> None:
    sheet = workbook.active
    sheet.title = "考核结果"
    columns = [
        Column("位次", 8, INTEGER_FORMAT),
        _unit_column(),
        Column("综合得分", 12, POINTS_FORMAT),
        Column("等次", 8),
        Column("指标得分", 12, EXACT_FORMAT),
        Column("加减分", 10, EXACT_FORMAT),
        Column("一票否决", 20),
        Column("上期位次", 10, INTEGER_FORMAT),
        Column("位次变化（+进位）", 12, INTEGER_FORMAT),
        Column("中位位次", 10, "0.0"),
        Column("位次区间下限", 12, INTEGER_FORMAT),
        Column("位次区间上限", 12, INTEGER_FORMAT),
        Column("居首概率", 10, PROBABILITY_FORMAT),
        Column("末位概率", 10, PROBABILITY_FORMAT),
    ]
    composite = outcome.assessment.composite
    rows = []
    for line in outcome.lines:
        spread = line.spread
        rows.append(
            [
                line.rank,
                line.unit,
                line.score,
                line.grade,
                composite.get(line.unit),
                line.adjustments.total if line.adjustments else None,
                vetoed_cell(line.vetoed_by) if line.vetoed else "",
                line.previous_rank,
                line.rank_change,
                spread and spread.median_rank,
                spread and spread.rank_interval[0],
                spread and spread.rank_interval[1],
                _as_percentage(spread and spread.p_first),
                _as_percentage(spread and spread.p_last),
            ]
        )
    write_table(sheet, title="综合考核结果", units="单位：分", columns=columns, rows=rows)
    if outcome.robustness is not None:
        below = sheet.max_row + 2
        notes = robustness_notes(outcome.definition, outcome.inputs.vetoed)
        for offset, said in enumerate([robustness_sentence(outcome), *notes]):
            put(sheet.cell(below + offset, 1), said)


def _table(workbook: Workbook, title: str, columns: list[Column], rows: list[list]) -> None:
    sheet = workbook.create_sheet(title)
    write_table(sheet, title=title, units=None, columns=columns, rows=rows, freeze_columns=1)


def _points_lost(workbook: Workbook, outcome: Outcome) -> None:
    """与第一名差距: the points the first unit scored more on each indicator ("大分小分都是
    分"); only for an additive composite (weighted arithmetic)."""
    lost = points_lost_to_first(outcome)
    if not lost:
        return
    names = outcome.definition.names
    _table(
        workbook,
        "与第一名差距",
        [_unit_column(), *_indicator_columns(outcome, LOST_FORMAT)],
        [[unit, *(own[n] for n in names)] for unit, own in lost.items()],
    )
    sheet = workbook["与第一名差距"]
    put(sheet.cell(sheet.max_row + 2, 1), LOST_NOTE)


def _shown_breakdown(workbook: Workbook, outcome: Outcome) -> None:
    """得分构成: each unit's place as a number, as 考核结果 holds it (tryout 27: '并列4' as text
    sorted as text; units 并列 share the number), name (一票否决 said), points by indicator,
    加分, 扣分 and score as the results page shows them (`breakdown_rows`: the parts add up to
    the shown score)."""
    _table(
        workbook,
        "得分构成",
        [
            Column("位次", 8, INTEGER_FORMAT),
            _unit_column(),
            *_indicator_columns(outcome, POINTS_FORMAT),
            *(Column(name, 10, POINTS_FORMAT) for name in BREAKDOWN_TAIL),
        ],
        [
            [line.rank, row[0], *(None if c == UNDEFINED else Decimal(c) for c in row[1:])]
            for line, row in zip(outcome.lines, breakdown_rows(outcome), strict=True)
        ],
    )
    sheet = workbook["得分构成"]
    put(sheet.cell(sheet.max_row + 2, 1), BREAKDOWN_NOTE)


def _method_sheet(workbook: Workbook, outcome: Outcome) -> None:
    """权重与方法: the scheme frozen with the result as `scheme_description.describe` says it,
    its indicators as a table and under them its other rules (项目, 内容)."""
    described = describe(outcome.definition, outcome.weights)
    widths = (12, 8, 18, 8, 10, 6, 10, 24, 40, 20)
    _table(
        workbook,
        "权重与方法",
        [Column(header, width) for header, width in zip(INDICATOR_HEADERS, widths, strict=True)],
        [list(line) for line in described.indicators],
    )
    sheet = workbook["权重与方法"]
    start = sheet.max_row + 2
    for offset, (item, said) in enumerate([("项目", "内容"), *described.rules]):
        put(sheet.cell(start + offset, 1), item)
        put(sheet.cell(start + offset, 2), said)


def write_xlsx(outcome: Outcome, output: str | Path | BinaryIO) -> None:
    workbook = Workbook()
    _result_sheet(workbook, outcome)
    names = outcome.definition.names
    units = list(outcome.inputs.values)
    assessment = outcome.assessment
    _table(
        workbook,
        "原始数值",
        [_unit_column(), *(Column(h, 14, "General") for h in raw_headers(outcome.definition))],
        raw_values(outcome.definition, outcome.inputs),
    )
    _table(
        workbook,
        "标准化得分",
        [_unit_column(), *_indicator_columns(outcome, EXACT_FORMAT)],
        [[u, *(assessment.scores[u].get(n) for n in names)] for u in units],
    )
    _table(
        workbook,
        "加权得分",
        [
            _unit_column(),
            *_indicator_columns(outcome, EXACT_FORMAT),
            Column("合计", 12, EXACT_FORMAT),
        ],
        [
            [u, *(assessment.contributions[u].get(n) for n in names), assessment.composite[u]]
            for u in units
        ],
    )
    _shown_breakdown(workbook, outcome)
    _points_lost(workbook, outcome)
    items = [rule.item for rule in outcome.definition.adjustment_rules]
    _table(
        workbook,
        "加减分",
        [
            _unit_column(),
            *(Column(f"{item}（次）", 12, "General") for item in items),
            *(Column(f"{item}（分）", 12, EXACT_FORMAT) for item in items),
            Column("加分", 10, EXACT_FORMAT),
            Column("扣分", 10, EXACT_FORMAT),
        ],
        [
            [
                u,
                *(outcome.inputs.counts.get(u, {}).get(item) for item in items),
                *(a.applied.get(item) for item in items),
                a.bonus,
                a.deduction,
            ]
            for u, a in assessment.adjustments.items()
        ],
    )
    _table(
        workbook,
        "一票否决",
        [_unit_column(), Column("一票否决", 20), Column("不参评", 10), Column("不参评原因", 30)],
        [
            [
                u,
                vetoed_cell(veto_items(outcome.inputs, u)) if u in outcome.inputs.vetoed else "",
                _yes(u in outcome.inputs.exempt),
                outcome.inputs.exempt_reasons.get(u, ""),
            ]
            for u in units
        ],
    )
    _method_sheet(workbook, outcome)
    if outcome.inputs.origins:
        _table(
            workbook,
            "数据来源",
            [_unit_column(), Column("指标", 18), Column("来源", 80)],
            [list(row) for row in origin_rows(outcome.inputs)],
        )
    if outcome.robustness is not None:
        _table(
            workbook,
            "敏感性",
            [
                Column("选择", 18),
                Column("一阶指数", 12, EXACT_FORMAT),
                Column("总效应指数", 12, EXACT_FORMAT),
            ],
            [
                [choice_name(choice), index.first_order, index.total_order]
                for choice, index in outcome.robustness.sensitivity.items()
            ],
        )
        sheet = workbook["敏感性"]
        below = sheet.max_row + 2
        notes = [f"{SOBOL_OUTPUT}。", robustness_sentence(outcome)]
        if note := sampling_note(indices_of(outcome)):
            notes.append(note)
        for offset, said in enumerate(notes):
            put(sheet.cell(below + offset, 1), said)
    workbook.save(output)
