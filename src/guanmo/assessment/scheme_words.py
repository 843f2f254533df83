"""The words a scheme sheet is written in: directions, scoring forms and their parameters,
aggregations, weighting methods, and the 设置 rows that set a scheme's method (each a function
from the definition and the cell's text to the definition changed, ValueError in Chinese for a
value it cannot read)."""

import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from guanmo.assessment.definition import (
    MEAN_FACTOR,
    Definition,
    Missing,
    NothingToCount,
    Weighting,
)
from guanmo.assessment.results import ShareClasses, ThresholdClasses, VetoEffect
from guanmo.assessment.robustness import scaled_alternatives
from guanmo.assessment.scheme import Aggregation, Form
from guanmo.assessment.scoring import Direction
from guanmo.assessment.weights import (
    EntropyDirection,
    EntropyNormalisation,
    EntropyVariant,
    ZeroRule,
)
from guanmo.regions.names import clean_text
from guanmo.sheets import cells

DIRECTIONS = {
    "正向": Direction.POSITIVE,
    "正": Direction.POSITIVE,
    "越大越好": Direction.POSITIVE,
    "负向": Direction.NEGATIVE,
    "逆向": Direction.NEGATIVE,
    "反向": Direction.NEGATIVE,
    "负": Direction.NEGATIVE,
    "越小越好": Direction.NEGATIVE,
}
FORMS = {
    "极值法": Form.MIN_MAX,
    "极差法": Form.MIN_MAX,
    "极差标准化": Form.MIN_MAX,
    "MIN-MAX": Form.MIN_MAX,
    "功效系数": Form.EFFICACY_COEFFICIENT,
    "功效系数法": Form.EFFICACY_COEFFICIENT,
    "基准比值": Form.BENCHMARK_RATIO,
    "比值法": Form.BENCHMARK_RATIO,
    "对标计分": Form.BENCHMARK_RATIO,
    "目标完成": Form.TARGET_MET,
    "完成目标": Form.TARGET_MET,
    "目标完成率": Form.TARGET_MET,
    "位次递减": Form.RANK_STEPS,
    "排名计分": Form.RANK_STEPS,
    "名次递减": Form.RANK_STEPS,
    "阈值法": Form.GOALPOSTS,
    "目标值法": Form.GOALPOSTS,
    "上下限": Form.GOALPOSTS,
    "Z分数": Form.Z_SCORE,
    "标准分": Form.Z_SCORE,
    "Z-SCORE": Form.Z_SCORE,
}
# Of these, one must be written (基准比值: 基准值, or 上年均值倍数 for "twice last year's mean").
ONE_OF = {Form.BENCHMARK_RATIO: ("benchmark", MEAN_FACTOR)}
FORM_WORDS = {form: word for word, form in reversed(FORMS.items())}  # the first word of each
# Each form's parameters by the words a scheme writes them in (参数 "基准值=20；步长=10%").
PARAMETERS: dict[Form, dict[str, str]] = {
    Form.MIN_MAX: {"满分": "top"},
    Form.EFFICACY_COEFFICIENT: {"起点": "floor", "基础分": "floor", "跨度": "span"},
    Form.BENCHMARK_RATIO: {
        "基准值": "benchmark",
        "基准": "benchmark",
        "上年均值倍数": MEAN_FACTOR,  # the benchmark is that many times last year's mean
    },
    Form.TARGET_MET: {},
    Form.RANK_STEPS: {"步长": "step_percent", "每位递减": "step_percent"},
    Form.GOALPOSTS: {"下限": "low", "上限": "high", "满分": "top"},
    Form.Z_SCORE: {"中心": "centre", "均值": "centre", "离散": "spread", "标准差": "spread"},
}
REQUIRED = {
    Form.RANK_STEPS: ("step_percent",),
    Form.GOALPOSTS: ("low", "high"),
}
AGGREGATIONS = {
    "加权算术": Aggregation.ARITHMETIC,
    "加权算术平均": Aggregation.ARITHMETIC,
    "加权求和": Aggregation.ARITHMETIC,
    "加权几何": Aggregation.GEOMETRIC,
    "加权几何平均": Aggregation.GEOMETRIC,
    "TOPSIS": Aggregation.TOPSIS,
}
WEIGHTINGS = {
    "手工": Weighting.BY_HAND,
    "按表中权重": Weighting.BY_HAND,
    "等权": Weighting.EQUAL,
    "熵权": Weighting.ENTROPY,
    "熵权法": Weighting.ENTROPY,
    "CRITIC": Weighting.CRITIC,
}
VETO_EFFECTS = {effect.value: effect for effect in VetoEffect}
_SEPARATORS = re.compile(r"[;；,，、\s]+")


def parse_pairs(text: str) -> dict[str, str] | None:
    """ "基准值=20；上限=1" → {"基准值": "20", "上限": "1"}; None for text not in that form."""
    pairs: dict[str, str] = {}
    for part in _SEPARATORS.split(cells.normalise(text)):
        if not part:
            continue
        key, sep, value = part.partition("=")
        if not sep or not key or not value:
            return None
        pairs[key] = value
    return pairs


def _aggregation(definition: Definition, value: str) -> Definition:
    word = clean_text(value).upper()
    if word not in AGGREGATIONS:
        raise ValueError(f"汇总方法应为{'、'.join(AGGREGATIONS)}之一，不是「{value}」")
    chosen = AGGREGATIONS[word]
    others = tuple(a for a in definition.aggregations if a is not chosen)
    return replace(definition, aggregation=chosen, aggregations=(chosen, *others))


def _floor(definition: Definition, value: str) -> Definition:
    floor = _number(value, "几何下限")
    if floor <= 0:
        raise ValueError("几何下限应大于零")
    return replace(definition, geometric_floor=floor)


def _weighting(definition: Definition, value: str) -> Definition:
    word = clean_text(value).upper()
    if word not in WEIGHTINGS:
        raise ValueError(f"赋权方法应为{'、'.join(WEIGHTINGS)}之一，不是「{value}」")
    return replace(definition, weighting=WEIGHTINGS[word])


ENTROPY_WORDS = {
    "标准化": (
        "normalisation",
        {"极差": EntropyNormalisation.MIN_MAX, "占比": EntropyNormalisation.SHARE},
    ),
    "零值": ("zero_rule", {"计为0": ZeroRule.ZERO_TERM, "不允许": ZeroRule.REFUSE}),
    "方向": ("direction", {"反向": EntropyDirection.REVERSED, "不计": EntropyDirection.IGNORED}),
}


def _entropy(definition: Definition, value: str) -> Definition:
    pairs = parse_pairs(value)
    if pairs is None:
        raise ValueError("熵权口径应写成“标准化=极差；平移=0.01；零值=计为0；方向=反向”")
    chosen: dict[str, object] = {}
    for key, word in pairs.items():
        if key == "平移":
            chosen["shift"] = _number(word, "平移")
        elif key in ENTROPY_WORDS and word in ENTROPY_WORDS[key][1]:
            attribute, words = ENTROPY_WORDS[key]
            chosen[attribute] = words[word]
        else:
            raise ValueError(f"熵权口径中的“{key}={word}”无法识别")
    return replace(definition, entropy_variant=replace(EntropyVariant(), **chosen))


def _classes(definition: Definition, value: str) -> Definition:
    pairs = parse_pairs(value)
    if not pairs:
        raise ValueError("等次应写成“优秀=90；良好=80；合格=60；其余=不合格”或“A=20%；B=40%…”")
    if all(typed.endswith("%") for typed in pairs.values()):
        shares = tuple((name, _number(typed, name)) for name, typed in pairs.items())
        return replace(definition, classes=ShareClasses(shares))
    below = pairs.pop("其余", "不合格")
    bounds = tuple((name, _number(typed, name)) for name, typed in pairs.items())
    return replace(definition, classes=ThresholdClasses(bounds, below))


# 标准化备选: forms, each with its parameters in brackets if any:
# 功效系数、Z分数（中心=60；离散=10）
_ALTERNATIVE = re.compile(r"([^;,、\s()]+)(?:\(([^)]*)\))?")


def _alternatives(definition: Definition, value: str) -> Definition:
    forms = []
    for match in _ALTERNATIVE.finditer(clean_text(value).upper()):
        word, written = match.groups()
        form = FORMS.get(word)
        if form not in (Form.MIN_MAX, Form.EFFICACY_COEFFICIENT, Form.Z_SCORE):
            raise ValueError(f"标准化备选只能是极值法、功效系数或Z分数，不是「{word}」")
        forms.append((form, _alternative_parameters(form, written or "")))
    own = [(row.form, row.parameters) for row in definition.indicators]
    return replace(definition, alternatives=tuple(scaled_alternatives(forms, own)))


def _alternative_parameters(form: Form, written: str) -> dict[str, Decimal]:
    """An alternative's parameters written in its brackets (中心=60；离散=10), by the words of
    its form's parameters."""
    pairs = parse_pairs(written)
    if pairs is None:
        raise ValueError(f"标准化备选的参数应写成“中心=60；离散=10”，不是「{written}」")
    words = PARAMETERS[form]
    unknown = [key for key in pairs if key not in words]
    if unknown:
        raise ValueError(
            f"{FORM_WORDS[form]}没有参数“{'、'.join(unknown)}”；可用：{'、'.join(words)}"
        )
    return {words[key]: _number(typed, key) for key, typed in pairs.items()}


def _robust_aggregations(definition: Definition, value: str) -> Definition:
    chosen = []
    for word in _SEPARATORS.split(clean_text(value).upper()):
        if word and word not in AGGREGATIONS:
            raise ValueError(f"汇总备选应为{'、'.join(AGGREGATIONS)}，不是「{word}」")
        if word and AGGREGATIONS[word] is not definition.aggregation:
            chosen.append(AGGREGATIONS[word])
    return replace(definition, aggregations=(definition.aggregation, *chosen))


def _variation(definition: Definition, value: str) -> Definition:
    percent = _number(value, "权重浮动")
    if not 0 <= percent < 100:
        raise ValueError("权重浮动应在0%至100%之间")
    return replace(definition, weight_variation=percent / 100)


MISSING_WORDS = {
    "停止计算": Missing.STOP,
    "停止": Missing.STOP,
    "不参评": Missing.EXEMPT,
    "计为0": Missing.ZERO,
    "按0计": Missing.ZERO,
}


def _chosen(words: dict, attribute: str, said: str) -> Callable[[Definition, str], Definition]:
    """A setting whose value is one of `words`: it sets the definition's `attribute`; another
    value is refused saying `said` (what the setting may be)."""

    def setter(definition: Definition, value: str) -> Definition:
        word = clean_text(value)
        if word not in words:
            raise ValueError(f"{said}，不是「{value}」")
        return replace(definition, **{attribute: words[word]})

    return setter


NOTHING_TO_COUNT_WORDS = {
    "按100%计": NothingToCount.FULL,
    "计为100%": NothingToCount.FULL,
    "满分": NothingToCount.FULL,
    "按缺失数据处理": NothingToCount.MISSING,
}
_missing = _chosen(MISSING_WORDS, "missing", "缺失数据应为停止计算、不参评或计为0")
_nothing_to_count = _chosen(
    NOTHING_TO_COUNT_WORDS, "nothing_to_count", "无考核事项应为按100%计或按缺失数据处理"
)


def _number(typed: str, what: str) -> Decimal:
    try:
        value = cells.parse_figure(typed)
    except cells.CellError as error:
        raise ValueError(f"{what}：{error}") from None
    if value is None:
        raise ValueError(f"{what}没有数值")
    return value


SETTINGS: dict[str, Callable[[Definition, str], Definition]] = {
    "汇总方法": _aggregation,
    "几何下限": _floor,
    "赋权方法": _weighting,
    "熵权口径": _entropy,
    "等次": _classes,
    "标准化备选": _alternatives,
    "汇总备选": _robust_aggregations,
    "权重浮动": _variation,
    "缺失数据": _missing,
    "无考核事项": _nothing_to_count,
}
