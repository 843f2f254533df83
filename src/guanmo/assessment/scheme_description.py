"""The frozen scheme described in words (考核办法): the indicator tree with the weights used,
each indicator's direction, scoring form, formula and every parameter (defaults said), the
加分/扣分 items with their caps, 一票否决 and what it does, the classes, the aggregation, the
weighting method (with the entropy variant stored) and what the robustness check varies.

One builder, a plain function of the `Definition` frozen with a result and its weights, for
every face: the results page's 考核办法 section, the .xlsx's 权重与方法 sheet and the .docx's
annex. Names are the scheme sheet's own words (`scheme_words`), so what is printed can be
written back into a scheme sheet.
"""

from collections.abc import Mapping
from decimal import Decimal
from typing import NamedTuple

from guanmo.assessment.definition import MEAN_FACTOR, Definition, Weighting
from guanmo.assessment.results import SHARE_ROUNDING, ShareClasses, VetoEffect
from guanmo.assessment.scheme import Aggregation, Form
from guanmo.assessment.scheme_words import (
    AGGREGATIONS,
    ENTROPY_WORDS,
    FORM_WORDS,
    PARAMETERS,
)
from guanmo.assessment.weights import EntropyVariant
from guanmo.figures.formatting import UNDEFINED, half_up

# Each form's parameters the scheme may leave out, with the value the scoring then uses
# (`guanmo.assessment.scoring`'s defaults).
DEFAULTS: dict[Form, dict[str, Decimal]] = {
    Form.MIN_MAX: {"top": Decimal(100)},
    Form.EFFICACY_COEFFICIENT: {"floor": Decimal(60), "span": Decimal(40)},
    Form.GOALPOSTS: {"top": Decimal(100)},
    Form.Z_SCORE: {"centre": Decimal(0), "spread": Decimal(1)},
}
# How each form scores (正向; 负向 the mirror, as the 方向 column says), in the offices' words.
FORMULAS = {
    Form.MIN_MAX: "(x−最小值)÷(最大值−最小值)×满分（负向为(最大值−x)÷(最大值−最小值)×满分）",
    Form.EFFICACY_COEFFICIENT: "起点+跨度×(x−最小值)÷(最大值−最小值)（负向以最大值−x计）",
    Form.BENCHMARK_RATIO: "x÷基准值×100，达到基准值得满分（负向为基准值÷x×100）",
    Form.TARGET_MET: "完成目标得满分，未完成按完成比例计分（x÷目标×100）",
    Form.RANK_STEPS: "第一名得满分，每低一个位次减满分的步长%，最低0分",
    Form.GOALPOSTS: "(x−下限)÷(上限−下限)×满分，限于0至满分（负向以上限−x计）",
    Form.Z_SCORE: "中心+离散×(x−均值)÷标准差（负向以均值−x计）",
}
PERCENT_PARAMETERS = frozenset({"step_percent"})
AGGREGATION_WORDS = {value: word for word, value in reversed(AGGREGATIONS.items())}
WEIGHTING_WORDS = {
    Weighting.BY_HAND: "按表中权重",
    Weighting.EQUAL: "等权",
    Weighting.ENTROPY: "熵权法",
    Weighting.CRITIC: "CRITIC",
}
INDICATOR_HEADERS = (
    "一级指标",
    "一级权重",
    "二级指标",
    "权重/分值",
    "权重（占比）",
    "方向",
    "计分方法",
    "参数",
    "计分规则",
    "来源",
)


class IndicatorLine(NamedTuple):
    """One 二级指标 as described, every field text (INDICATOR_HEADERS): 一级指标 and its weight
    as written, its own 权重/分值 as written, the share of the composite it carries (the
    weight used, 30.00%), direction, form, parameters (起点=60；跨度=40, defaults marked
    （默认）), formula and source."""

    top: str
    top_weight: str
    name: str
    written: str
    share: str
    direction: str
    form: str
    parameters: str
    formula: str
    source: str


class SchemeDescription(NamedTuple):
    """The scheme as every output describes it: its indicators, then its other rules as
    (项目, 内容) pairs in a fixed order (加分, 扣分, 一票否决, 等次, 汇总方法, 赋权方法, 熵权口径,
    缺失数据, 稳健性检验 …)."""

    indicators: list[IndicatorLine]
    rules: list[tuple[str, str]]


def plain(value: Decimal) -> str:
    """A figure as written, trailing zeros dropped: 0.50 → 0.5, 60 → 60."""
    return f"{value.normalize():f}"


def _written(value: Decimal | None) -> str:
    return UNDEFINED if value is None else plain(value)


def parameters_text(form: Form, parameters: Mapping[str, Decimal]) -> str:
    """A form's parameters in the scheme sheet's words, each one the scoring uses: 起点=60；
    跨度=40 (a parameter left out shows the default with （默认）), 步长=10%, 上年均值倍数=2;
    — for a form without parameters."""
    words = {key: word for word, key in reversed(PARAMETERS[form].items())}
    words.setdefault(MEAN_FACTOR, "上年均值倍数")
    said = []
    for key, value in {**DEFAULTS.get(form, {}), **parameters}.items():
        shown = plain(value) + ("%" if key in PERCENT_PARAMETERS else "")
        default = "（默认）" if key not in parameters else ""
        said.append(f"{words.get(key, key)}={shown}{default}")
    return "；".join(said) or UNDEFINED


def adjustment_rules(definition: Definition) -> list[tuple[str, str]]:
    """Each 加分/扣分 item said by its verb, with its cap, then each group's total cap:
    (扣分：安全事故, 每次扣1分，单项最多扣2分), (扣分合计, 最多扣2分)."""
    rules = []
    for group, sign, cap in (
        ("加分", 1, definition.bonus_cap),
        ("扣分", -1, definition.deduction_cap),
    ):
        items = [r for r in definition.adjustment_rules if (r.points_each > 0) == (sign > 0)]
        verb = group[0]
        for rule in items:
            said = f"每次{verb}{plain(abs(rule.points_each))}分"
            said += "，单项不设上限" if rule.cap is None else f"，单项最多{verb}{plain(rule.cap)}分"
            rules.append((f"{group}：{rule.item}", said))
        if items:
            total = "不设上限" if cap is None else f"最多{verb}{plain(cap)}分"
            rules.append((f"{group}合计", total))
    return rules


def classes_text(definition: Definition) -> str:
    """The classes as the scheme set them: 优秀≥90分；良好≥80分；合格≥60分；其余为不合格, or
    by shares A前20%；B其后40%… with the counting rule (`SHARE_ROUNDING`)."""
    classes = definition.classes
    if isinstance(classes, ShareClasses):
        said = []
        for position, (name, share) in enumerate(classes.shares):
            where = "前" if position == 0 else "其后"
            said.append(f"{name}{where}{plain(share)}%")
        return "按比例：" + "；".join(said) + SHARE_ROUNDING
    bounds = "；".join(f"{name}≥{plain(bound)}分" for name, bound in classes.bounds)
    return f"按分数：{bounds}；其余为{classes.below}"


def aggregation_text(aggregation: Aggregation, definition: Definition) -> str:
    """加权算术; 加权几何（得分低于N分的按N分计）; TOPSIS（向量标准化）."""
    word = AGGREGATION_WORDS[aggregation]
    if aggregation is Aggregation.GEOMETRIC:
        floor = plain(definition.geometric_floor)
        return f"{word}（得分低于{floor}分的按{floor}分计）"
    if aggregation is Aggregation.TOPSIS:
        return f"{word}（原始数值向量标准化）"
    return word


def entropy_text(variant: EntropyVariant) -> str:
    """The entropy variant in the scheme sheet's words: 标准化=极差；平移=0；零值=计为0；
    方向=反向."""
    said = []
    for key, (attribute, words) in ENTROPY_WORDS.items():
        chosen = getattr(variant, attribute)
        said.append(f"{key}={next(w for w, value in words.items() if value == chosen)}")
    said.insert(1, f"平移={plain(variant.shift)}")
    return "；".join(said)


def varied_text(definition: Definition) -> str:
    """What the robustness check varies, from the scheme as frozen: the weights by ±N%, the
    normalisation only where the scheme gives alternatives (said when it gives none), the
    aggregation among the scheme's own and its alternatives, the variants of a data-driven
    weighting."""
    said = [f"各指标权重上下浮动{plain(definition.weight_variation * 100)}%"]
    if definition.alternatives:
        forms = "、".join(
            FORM_WORDS[form] + (f"（{parameters_text(form, p)}）" if p else "")
            for form, p in definition.alternatives
        )
        said.append(f"标准化方法在本办法与{forms}之间变换")
    else:
        said.append("标准化方法不变（考核办法未给出备选）")
    if len(definition.aggregations) > 1:
        words = "、".join(aggregation_text(a, definition) for a in definition.aggregations)
        said.append(f"汇总方法在{words}之间变换")
    else:
        said.append("汇总方法不变")
    if definition.weighting is Weighting.ENTROPY:
        said.append("熵权法在几种常用口径之间变换")
    elif definition.weighting is Weighting.CRITIC:
        said.append("CRITIC法在相关系数取原值与取绝对值之间变换")
    return "；".join(said)


def describe(definition: Definition, weights: Mapping[str, Decimal]) -> SchemeDescription:
    """The scheme frozen with a result, described (`SchemeDescription`); `weights` are the
    weights the result used ({indicator: share, summing to 1})."""
    indicators = [
        IndicatorLine(
            row.top,
            _written(row.top_weight),
            row.name,
            _written(row.weight),
            f"{half_up(weights[row.name] * 100, 2):f}%",
            row.direction.value,
            FORM_WORDS[row.form],
            parameters_text(row.form, row.parameters),
            FORMULAS[row.form],
            row.source or "填报数值",
        )
        for row in definition.indicators
    ]
    rules = adjustment_rules(definition)
    if definition.vetoes:
        effect = definition.veto_effect
        # which rule applied to the vetoed units' values (`results.scored_units`), said rather
        # than left to be guessed (issue 13, tryout 23)
        if effect is VetoEffect.LAST:
            does = "排在末位（列最低等次）"
            counts = "被否决单位的数值仍参与其他单位得分的计算（极值、位次等）"
        else:
            does = "不定等次、不排位次"
            counts = (
                "被否决单位的数值不参与其他单位得分的计算（极值、均值、权重、位次等），"
                "与不参评单位同样处理"
            )
        rules.append(("一票否决", f"{'、'.join(definition.vetoes)}：否决后{does}；{counts}"))
    rules.append(("等次", classes_text(definition)))
    rules.append(("汇总方法", aggregation_text(definition.aggregation, definition)))
    rules.append(("赋权方法", WEIGHTING_WORDS[definition.weighting]))
    if definition.weighting is Weighting.ENTROPY:
        rules.append(("熵权口径", entropy_text(definition.entropy_variant)))
    rules.append(("缺失数据", definition.missing.value))
    rules.append(("无考核事项", definition.nothing_to_count.value))
    rules.append(("稳健性检验", varied_text(definition)))
    return SchemeDescription(indicators, rules)


# What the Sobol indices measure (`robustness.sensitivity`'s output), said beside them.
SOBOL_OUTPUT = (
    "Sobol指数衡量的是各参评单位位次的变动：模拟中各单位位次相对按本考核办法所得位次的平均变动"
    "位数（一票否决和不参评单位除外）"
)
VETO_NOTE = (
    "一票否决单位不参与末位概率计算：其位次按否决规则确定，居首概率、末位概率和位次区间均在"
    "其余参评单位中计算。"
)

# How each run ranks (`robustness.rank_spread`, tryout 27: P(first) added up to 198% when runs
# ranked on two-decimal scores and counted a tie as first for both, and nothing said so).
RANKING_NOTE = (
    "模拟中每次按未经四舍五入的综合得分排位，得分完全相同的才并列（并列的各单位均计为居首或"
    "末位），故各单位居首概率之和一般为100%；公布的位次按两位小数的综合得分排定。"
)


def robustness_notes(definition: Definition, vetoed: frozenset[str]) -> list[str]:
    """What a robustness check's figures rest on and leave out, said under them: RANKING_NOTE
    (how a run ranks), then VETO_NOTE when a unit was vetoed and placed by rule
    (`robustness.assess_robustness` ranks the others only)."""
    return [RANKING_NOTE, VETO_NOTE] if vetoed else [RANKING_NOTE]
