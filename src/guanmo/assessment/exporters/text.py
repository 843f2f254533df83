"""An assessment's result as text: the ranking table, the weights, the sensitivity of the
choices and the bulletin's sentences; the tables also serve the .docx."""

from collections.abc import Mapping
from decimal import Decimal

from guanmo.assessment.definition import Definition, Inputs
from guanmo.assessment.outcome import (
    POINTS_PLACES,
    Outcome,
    UnitLine,
    adjustment_items,
    overall_caps,
    shown_breakdown,
)
from guanmo.assessment.results import first_placed, places_moved_words, points_lost_to
from guanmo.assessment.robustness import probability_shown
from guanmo.assessment.scheme_description import (
    SOBOL_OUTPUT,
    robustness_notes,
    varied_text,
)
from guanmo.assessment.sources import raw_header
from guanmo.figures.formatting import UNDEFINED, half_up
from guanmo.sheets.cells import decimal_places

RESULT_HEADERS = (
    "位次",
    "单位",
    "综合得分",
    "等次",
    "位次变化",
    "中位位次",
    "90%位次区间",
    "居首概率",
    "末位概率",
)
CHOICE_NAMES = {
    "weights": "各指标权重",
    "normalisation": "标准化方法",
    "aggregation": "汇总方法",
    "weighting": "赋权口径",
}


def change_text(line: UnitLine) -> str:
    """The line's change of rank in words (进位3位, 退位3位, 位次不变), — when unknown."""
    return places_moved_words(line.rank_change) or UNDEFINED


def rank_label(line: UnitLine) -> str:
    """The line's place as tables show it: 3, 并列5; — for a unit not ranked."""
    return UNDEFINED if line.rank is None else f"{'并列' if line.tied else ''}{line.rank}"


def unit_label(line: UnitLine) -> str:
    """The unit's name, with （一票否决） for a vetoed unit, naming the items that vetoed it
    where the result kept them: 武陟县（一票否决：重大安全事故） (issue 13, tryout 30)."""
    if not line.vetoed:
        return line.unit
    return f"{line.unit}（{vetoed_cell(line.vetoed_by, '一票否决')}）"


def vetoed_cell(items: tuple[str, ...], said: str = "是") -> str:
    """A vetoed unit's 一票否决 as a table cell says it: 是, with the items that vetoed it
    where kept: 是：重大安全事故、信访稳定."""
    return f"{said}：{'、'.join(items)}" if items else said


def result_rows(outcome: Outcome) -> list[list[str]]:
    """The ranking as table rows of text (RESULT_HEADERS)."""
    rows = []
    for line in outcome.lines:
        spread = line.spread
        rows.append(
            [
                rank_label(line),
                unit_label(line),
                UNDEFINED if line.score is None else f"{line.score:f}",
                line.grade or UNDEFINED,
                change_text(line),
                UNDEFINED if spread is None else f"{spread.median_rank.normalize():f}",
                UNDEFINED if spread is None else "{}—{}".format(*spread.rank_interval),
                probability_shown(spread and spread.p_first, outcome.threshold),
                probability_shown(spread and spread.p_last, outcome.threshold),
            ]
        )
    return rows


def points_lost_to_first(outcome: Outcome) -> dict[str, dict[str, Decimal]]:
    """与第一名差距: for each unit, the points the first unit scored more on each indicator
    ("大分小分都是分"): the difference of the exact points, rounded once half-up to two
    decimals (tryout 27: the difference of the shown parts, each moved by the largest-remainder
    rule, said 1.45 for 18.2119 − 16.7550 = 1.4570); {} when the composite is not additive (no
    contributions) or no unit is first. Shape {unit: {indicator: points}}, units in the
    result's order."""
    assessment = outcome.assessment
    first = first_placed([r for r in assessment.results if not r.vetoed])
    ranked = {line.unit: line.contributions for line in outcome.lines if line.contributions}
    if first is None or first not in ranked:
        return {}
    return {
        unit: {name: half_up(points, POINTS_PLACES) for name, points in own.items()}
        for unit, own in points_lost_to(ranked, first).items()
    }


def breakdown_rows(outcome: Outcome) -> list[list[str]]:
    """Each unit's score by indicator, then 加分, 扣分 and the score, so the row adds up
    (BREAKDOWN_TAIL after the indicators), to two decimals: the parts as `shown_breakdown`
    rounds them, adding up exactly to the score shown."""
    rows = []
    for line in outcome.lines:
        shown = shown_breakdown(line)
        rows.append(
            [
                unit_label(line),
                *(two_places(shown.points.get(name)) for name in outcome.definition.names),
                two_places(shown.bonus),
                two_places(shown.deduction),
                two_places(line.score),
            ]
        )
    return rows


BREAKDOWN_TAIL = ("加分", "扣分", "综合得分")
# Said under every shown breakdown: how its parts were made to add up (`shown_breakdown`).
BREAKDOWN_NOTE = (
    "注：各项得分取两位小数，按最大余数法分配尾差（个别项与四舍五入值相差0.01），"
    "使各项得分与加分、扣分之和等于综合得分。"
)
# Said under every 与第一名差距 table (`points_lost_to_first`): why a gap may differ by 0.01 from
# the difference of the parts shown in 得分构成 (those are made to add up, `BREAKDOWN_NOTE`).
LOST_NOTE = (
    "注：与第一名差距按未经取舍的指标得分相减后四舍五入取两位小数，"
    "与得分构成中所示两项得分之差可能相差0.01。"
)


def raw_headers(definition: Definition) -> list[str]:
    """The 原始数值 table's indicator headers, each with its unit (`sources.raw_header`)."""
    return [raw_header(row) for row in definition.indicators]


def raw_values(definition: Definition, inputs: Inputs) -> list[list[Decimal | None]]:
    """原始数值: each unit's values as the cycle gave them (typed, imported or sourced), a row
    per unit in the inputs' order: [unit, value of each indicator…], None where it has none.
    What the results page shows and the .xlsx's 原始数值 sheet holds."""
    names = definition.names
    return [[unit, *(own.get(name) for name in names)] for unit, own in inputs.values.items()]


RAW_PLACES = 4  # a computed raw value (a firm's 亩均税收, tax ÷ land) shown to 4 decimals


def raw_text(value: Decimal | None) -> str:
    """A raw value as the page shows it: as given (95.5, 185000), a computed one with more
    decimals to RAW_PLACES half-up (18.8462 for 245 ÷ 13), trailing zeros dropped; — for
    none."""
    if value is None:
        return UNDEFINED
    if decimal_places(value.normalize()) > RAW_PLACES:
        value = half_up(value, RAW_PLACES)
    return f"{value.normalize():f}"


def two_places(value: Decimal | None) -> str:
    """Points to two decimals, half-up (93.40); — for None."""
    return UNDEFINED if value is None else f"{half_up(value, 2):f}"


# The rule the shown breakdown is computed by, kept with a result's page tables (`rule`): a
# result whose tables were kept under another rule has them computed again when read
# (`services.page_figures_of`), so that a page never shows parts the current rule would not give.
FIGURES_RULE = (
    "各指标得分按最大余数法取两位小数，与加分、扣分合计等于综合得分；与第一名差距按未经取舍的得分相减后四舍五入，"
    "高于第一名的注明；加分、扣分各项为计入得分的分数，注明上限"
)


def lost_text(points: Decimal) -> str:
    """A point lost to the first as shown: 2.35; 高于第一名6.82 where the unit scored more than
    the first on the indicator (a negative gap), never a bare negative."""
    if points < 0:
        return f"高于第一名{two_places(-points)}"
    return two_places(points)


def page_figures(outcome: Outcome) -> dict:
    """The tables the results page shows of the deterministic pass, as text kept with the
    result (JSON-ready): `rule` (FIGURES_RULE); `lines`, each unit's place (`rank_label`), name
    (`unit_label`) and change (`change_text`) in rank order; `breakdown` (`breakdown_rows`);
    `points_lost`, a row per unit of the points lost to the first on each indicator
    (`points_lost_to_first`)."""
    names = outcome.definition.names
    return {
        "rule": FIGURES_RULE,
        "lines": [
            {
                "unit": line.unit,
                "rank": rank_label(line),
                "label": unit_label(line),
                "change": change_text(line),
            }
            for line in outcome.lines
        ],
        "breakdown": breakdown_rows(outcome),
        "points_lost": [
            [unit, *(lost_text(own[name]) for name in names)]
            for unit, own in points_lost_to_first(outcome).items()
        ],
    }


SAMPLING_NOTE = (
    "注：Sobol指数理论上在0至1之间；标*的估计值超出此范围，系随机模拟的抽样误差所致"
    "（增加模拟次数可减小），超过1的按1理解，小于0的按0理解。"
)
Indices = Mapping[str, tuple[Decimal, Decimal]]


def indices_of(outcome: Outcome) -> dict[str, tuple[Decimal, Decimal]]:
    """The outcome's Sobol indices as {choice: (first order, total order)}; {} without a
    robustness check."""
    sensitivity = outcome.robustness.sensitivity if outcome.robustness else {}
    return {choice: (i.first_order, i.total_order) for choice, i in sensitivity.items()}


def index_text(index: Decimal) -> str:
    """A Sobol index as tables show it: its estimate, marked * when sampling error put it
    outside 0—1 (a total-order estimate of 1.0312), which `SAMPLING_NOTE` explains."""
    return f"{index:f}" + ("" if 0 <= index <= 1 else "*")


def sensitivity_rows(indices: Indices) -> list[list[str]]:
    """Rows 选择, 一阶指数, 总效应指数 as text (`index_text`)."""
    return [[choice_name(c), index_text(f), index_text(t)] for c, (f, t) in indices.items()]


def sampling_note(indices: Indices) -> str | None:
    """The notes under the indices: `SAMPLING_NOTE` when an estimate lies outside 0—1, and
    for a choice whose indices are both 0 what that means (the output is the units' rank
    shift: a method that varies in the runs but moves no unit's rank, or has no alternative
    to vary, scores 0); None when there is nothing to say."""
    notes = []
    if any(not 0 <= index <= 1 for pair in indices.values() for index in pair):
        notes.append(SAMPLING_NOTE)
    zero = [choice_name(c) for c, (first, total) in indices.items() if first == total == 0]
    if zero:
        notes.append(
            f"注：{'、'.join(zero)}的指数为0，表示模拟中改变该项选择（或考核办法未给出可替换的"
            "方法）未改变任何单位的位次，对排名没有影响。"
        )
    return "".join(notes) or None


def robustness_sentence(outcome: Outcome) -> str:
    """稳健性检验：1000次随机模拟，各指标权重上下浮动25%；… (`varied_text`: what the run
    varied, from the scheme frozen with it); "" without a robustness check."""
    if outcome.robustness is None:
        return ""
    return f"稳健性检验：{outcome.robustness.runs}次随机模拟，{varied_text(outcome.definition)}。"


def choice_name(choice: str) -> str:
    if choice.startswith("weight:"):
        return f"权重：{choice.removeprefix('weight:')}"
    return CHOICE_NAMES.get(choice, choice)


def adjustment_sentences(outcome: Outcome) -> list[str]:
    """Each unit's 加分/扣分 items as one sentence each (`outcome.adjustment_items`), units in
    rank order (乙县：扣分项“安全事故”扣2.00分（安全事故3次，每次扣1分，计3.00分，单项最多扣2分，
    实扣2.00分）), then the scheme's overall caps when it has any (`caps_sentence`)."""
    said = [
        item_sentence(line.unit, item._asdict())
        for line in outcome.lines
        for item in adjustment_items(line, outcome.definition, outcome.inputs)
    ]
    if said and (caps := caps_sentence(outcome.definition)):
        said.append(caps)
    return said


def caps_sentence(definition: Definition) -> str | None:
    """考核办法规定加分合计最多3分，扣分合计最多2分。 (None for a scheme without them)."""
    caps = overall_caps(definition)
    return None if caps is None else f"考核办法规定{caps}。"


def item_sentence(unit: str, item: Mapping[str, str]) -> str:
    """A 加分/扣分 item as a sentence, from its `AdjustmentItem` fields (or the issued JSON's
    `adjustments` entry, the same), its points said by the verb, not a sign (tryout 19:
    扣分“安全事故”-2.00分): 乙县：扣分项“安全事故”扣2.00分（…）, 甲县：加分项“国家级荣誉”
    加0.50分（…）."""
    verb = item["kind"][0]  # 加 or 扣
    points = item["points"].lstrip("+-")
    return f"{unit}：{item['kind']}项“{item['item']}”{verb}{points}分（{item['reason']}）"


def render_text(outcome: Outcome) -> str:
    lines = ["\t".join(RESULT_HEADERS)]
    lines += ["\t".join(row) for row in result_rows(outcome)]
    lines.append("")
    if said := adjustment_sentences(outcome):
        lines.append("加分/扣分：")
        lines += [f"  {sentence}" for sentence in said]
        lines.append("")
    if lost := points_lost_to_first(outcome):
        lines.append("与第一名差距：")
        for unit, own in lost.items():
            gaps = "，".join(f"{name} {lost_text(points)}" for name, points in own.items())
            lines.append(f"  {unit}：{gaps}")
        lines.append(LOST_NOTE)
        lines.append("")
    shown = (f"{name} {half_up(weight * 100, 2):f}%" for name, weight in outcome.weights.items())
    lines.append("权重：" + "，".join(shown))
    if outcome.robustness is not None:
        lines.append(robustness_sentence(outcome))
        lines += robustness_notes(outcome.definition, outcome.inputs.vetoed)
        lines.append(f"各项选择的Sobol指数（一阶/总效应）；{SOBOL_OUTPUT}：")
        indices = indices_of(outcome)
        for choice, first, total in sensitivity_rows(indices):
            lines.append(f"  {choice}：{first} / {total}")
        if note := sampling_note(indices):
            lines.append(f"  {note}")
    lines.append("")
    lines += outcome.sentences
    return "\n".join(lines)
