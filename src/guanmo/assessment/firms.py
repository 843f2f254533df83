"""亩均效益评价 (firms assessed per 亩 of land): the 统一社会信用代码 check, each firm's
per-亩 indicators from its register figures, and the differentiated policies by class.

Shapes: money in 万元 (Decimal), land in 亩, energy in 吨标准煤. The indicators are named as the
shipped example scheme (examples/亩均效益评价.csv) names them, so the register's values feed
`guanmo assess`'s engine unchanged.

Sources: GB 32100-2015《法人和其他组织统一社会信用代码编码规则》 (the check digit); the
indicators and classes as 亩均效益评价 schemes publish them (issue 13); 长垣's rule from the
speeches ("对税收收入低于5万元/亩企业从重征收土地使用税").
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from guanmo.assessment.definition import Inputs
from guanmo.figures.formatting import number

# GB 32100-2015: 31 characters (no I, O, S, V, Z), weights 3^(i) mod 31 for positions 1…17.
CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
CODE_LENGTH = 18

TAX_PER_MU = "亩均税收"
SALES_PER_MU = "亩均销售收入"
TAX_PER_ENERGY = "单位能耗税收"
# The unit of each indicator the register gives (`firm_indicators`).
FIRM_UNITS = {TAX_PER_MU: "万元/亩", SALES_PER_MU: "万元/亩", TAX_PER_ENERGY: "万元/吨标准煤"}
FIGURE_PLACES = 2  # 万元/亩 and 万元/吨标准煤 shown to two decimals (stored unrounded)
# How the per-亩 figures shown are to be recomputed (tryout 19: a score recomputed by hand from
# the two-decimal figures came out 49.61 against the issued 49.66): the scoring keeps the exact
# quotients, the pages round them for display only, and say so.
RECOMPUTING_BASIS = (
    "亩均税收＝税收÷用地面积，亩均销售收入＝销售收入÷用地面积，单位能耗税收＝税收÷综合能耗；"
    "得分按未经舍入的比值计算，页面上的比值保留两位小数（四舍五入），以其复算得分会有尾差，"
    "复算请用用地面积、税收等登记数据（导出的Excel保留全部位数）"
)
EXAMPLE_SCHEME = Path(__file__).resolve().parent / "examples" / "亩均效益评价.csv"
LAND_THRESHOLD = Decimal(3)  # 亩: firms on less land are not rated (不参评)
LOW_TAX_PER_MU = Decimal(5)  # 万元/亩: below it, 城镇土地使用税 levied more heavily


def credit_code_check(first17: str) -> str:
    """The 18th character of a 统一社会信用代码 from its first 17 (GB 32100-2015 §5):
    C18 = 31 − (Σ Ci × Wi mod 31), 31 written 0. Raises ValueError for a character outside
    the code's alphabet."""
    total = 0
    for position, character in enumerate(first17):
        if character not in CODE_CHARACTERS:
            raise ValueError(f"第{position + 1}位“{character}”不是统一社会信用代码允许的字符")
        total += CODE_CHARACTERS.index(character) * CODE_WEIGHTS[position]
    return CODE_CHARACTERS[(31 - total % 31) % 31]


def validate_credit_code(text: str) -> str:
    """A 统一社会信用代码 as typed (spaces dropped, letters upper-cased) checked per
    GB 32100-2015: 18 characters of the code's alphabet and the right check character.
    Returns the code; raises ValueError (in Chinese) naming what is wrong."""
    code = "".join(text.split()).upper()
    if len(code) != CODE_LENGTH:
        raise ValueError(f"统一社会信用代码应为18位，“{code}”为{len(code)}位")
    expected = credit_code_check(code[:17])
    if code[17] not in CODE_CHARACTERS:
        raise ValueError(f"第18位“{code[17]}”不是统一社会信用代码允许的字符")
    if code[17] != expected:
        raise ValueError(f"统一社会信用代码“{code}”校验位应为“{expected}”，填的是“{code[17]}”")
    return code


# The register figures the indicators are computed from, as a result freezes them and an
# objection names them (issue 13: a firm objects to its raw 税收 or 用地, not only the ratios),
# with their units: field of `FirmFigures` → (name, unit).
FIGURES = {
    "land_area": ("用地面积", "亩"),
    "tax": ("税收", "万元"),
    "sales": ("销售收入", "万元"),
    "energy": ("综合能耗", "吨标准煤"),
}
FIGURE_UNITS = dict(FIGURES.values())  # 用地面积 → 亩, …
LAND_AREA = FIGURES["land_area"][0]
# The decimals the register keeps each figure to (`models.FirmYear`'s columns): what a figure
# claimed in an objection is held to (a tax of 23.75万元 is a figure, not a fault)
REGISTER_PLACES = {LAND_AREA: 4, "税收": 6, "销售收入": 6, "综合能耗": 6}


@dataclass(frozen=True)
class FirmFigures:
    """One firm's year as the register holds it: land (亩), tax and sales (万元), energy use
    (吨标准煤); the other register figures are not indicators of the example scheme."""

    land_area: Decimal
    tax: Decimal
    sales: Decimal
    energy: Decimal

    def named(self) -> dict[str, Decimal]:
        """{用地面积: 亩, 税收: 万元, 销售收入: 万元, 综合能耗: 吨标准煤} (as frozen)."""
        return {name: getattr(self, field) for field, (name, _) in FIGURES.items()}

    @classmethod
    def from_named(cls, named: Mapping[str, Decimal]) -> "FirmFigures":
        """The figures from `named()`'s shape (KeyError for a figure missing)."""
        return cls(**{field: named[name] for field, (name, _) in FIGURES.items()})


def firm_indicators(figures: FirmFigures) -> dict[str, Decimal | None]:
    """The example scheme's indicators: 亩均税收 = tax ÷ land (万元/亩), 亩均销售收入 = sales ÷
    land (万元/亩), 单位能耗税收 = tax ÷ energy (万元/吨标准煤). An indicator whose divisor is
    0 is None (no value), never 0."""

    def per(amount: Decimal, base: Decimal) -> Decimal | None:
        return None if base == 0 else amount / base

    return {
        TAX_PER_MU: per(figures.tax, figures.land_area),
        SALES_PER_MU: per(figures.sales, figures.land_area),
        TAX_PER_ENERGY: per(figures.tax, figures.energy),
    }


def shown_figure(name: str, value: Decimal | None) -> str:
    """A register figure or an indicator as the firm pages show it, with its unit: a figure as
    registered (税收200万元), an indicator to two decimals half-up (亩均税收40.00万元/亩); —
    for none."""
    if value is None:
        return "—"
    if name in FIGURE_UNITS:
        return f"{value.normalize():f}{FIGURE_UNITS[name]}"
    return f"{number(value, FIGURE_PLACES)}{FIRM_UNITS.get(name, '')}"


def with_figure_corrected(
    inputs: Inputs, unit: str, figure: str, value: Decimal, names: Sequence[str]
) -> Inputs:
    """`inputs` with `unit`'s register figure `figure` (用地面积, 税收…) set to `value` and every
    value computed from its figures recomputed by the one rule (`firm_indicators`: 亩均税收,
    亩均销售收入, 单位能耗税收 among the scheme's `names`), its rating by land too when the
    inputs hold the threshold (issue 13: only 亩均税收 was corrected, 单位能耗税收 left as it
    was). Raises ValueError (in Chinese) when a rated firm's value can no longer be computed
    (a divisor corrected to 0)."""
    figures = FirmFigures.from_named({**inputs.figures[unit], figure: value})
    computed = firm_indicators(figures)
    exempt, reasons = set(inputs.exempt), dict(inputs.exempt_reasons)
    if inputs.land_threshold is not None:
        exempt.discard(unit)
        reasons.pop(unit, None)
        if not rated(figures, inputs.land_threshold):
            exempt.add(unit)
            reasons[unit] = unrated_reason(figures, inputs.land_threshold)
    own = {**inputs.values[unit]}
    for name in names:
        if name in computed:
            own[name] = computed[name]
            if computed[name] is None and unit not in exempt:
                raise ValueError(f"{unit}的“{name}”无法计算（除数为0）")
    return replace(
        inputs,
        values={**inputs.values, unit: own},
        figures={**inputs.figures, unit: figures.named()},
        exempt=frozenset(exempt),
        exempt_reasons=reasons,
    )


def rated(figures: FirmFigures, threshold: Decimal = LAND_THRESHOLD) -> bool:
    """A firm is rated when its land reaches the threshold (3亩 by default)."""
    return figures.land_area >= threshold


def unrated_reason(figures: FirmFigures, threshold: Decimal) -> str:
    """Why a firm on less land than `threshold` 亩 is not rated: 用地面积2亩，低于3亩，不参评."""
    return f"用地面积{figures.land_area.normalize():f}亩，低于{threshold.normalize():f}亩，不参评"


# Differentiated policies by class, as 亩均效益评价 schemes publish them (城镇土地使用税
# reductions, 差别化电价/水价); the A–D classes of the example scheme.
POLICIES: Mapping[str, tuple[str, ...]] = {
    "A": (
        "城镇土地使用税按100%减免",
        "用电、用水价格按现行标准执行，不加价",
        "优先保障用地、用能、排放指标",
    ),
    "B": ("城镇土地使用税按50%减免", "用电、用水价格按现行标准执行，不加价"),
    "C": (
        "城镇土地使用税不予减免",
        "差别化电价：每千瓦时加价0.05元",
        "差别化水价：每立方米加价0.3元",
    ),
    "D": (
        "城镇土地使用税不予减免",
        "差别化电价：每千瓦时加价0.1元",
        "差别化水价：每立方米加价0.5元",
        "限制新增用地、用能",
    ),
}
# The low-tax rule (a practice of 长垣 in the speeches) said as a policy of this city's own,
# without naming another city.
LOW_TAX_RULE = "亩均税收低于5万元/亩，从重征收城镇土地使用税"


def policies(
    grade: str | None,
    tax_per_mu: Decimal | None,
    by_class: Mapping[str, Sequence[str]] = POLICIES,
) -> list[str]:
    """The policy lines of a firm of class `grade` (A–D; none for 不参评 or unclassed) and
    亩均税收 `tax_per_mu` (万元/亩): the class's lines of `by_class` (the city's,
    `selectors.class_policies`; the shipped default otherwise), then `LOW_TAX_RULE` when its
    tax per 亩 is under 5万元 (whatever its class, rated or not)."""
    lines = list(by_class.get(grade or "", ()))
    if tax_per_mu is not None and tax_per_mu < LOW_TAX_PER_MU:
        lines.append(LOW_TAX_RULE)
    return lines
