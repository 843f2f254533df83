"""亩均效益评价: the 统一社会信用代码 check, the per-亩 indicators, the policies by class, the
benchmark taken as twice last year's mean, and the shipped example scheme through
`guanmo assess`.

Example scheme (亩均税收 45, 亩均销售收入 35, 单位能耗税收 20; 基准值 30, 500, 2; capped), by hand:

    firm  land tax  sales energy  税收/亩 销售/亩 税收/能耗  points 45/35/20            score
    甲    10   400  6000  100     40      600     4          45 + 35 + 20               100.00
    己    8    200  3200  50      25      400     4          37.5 + 28 + 20             85.50
    乙    20   300  5000  300     15      250     1          22.5 + 17.5 + 10           50.00
    丙    10   120  3000  120     12      300     1          18 + 21 + 10               49.00
    丁    5    10   500   50      2       100     0.2        3 + 7 + 2                  12.00
    戊    2    4    100   10      (under 3亩: 不参评)

Five rated: 甲 1 (1/5 = 20%: A), 己 2 and 乙 3 (≤ 60%: B), 丙 4 (80% ≤ 95%: C), 丁 5 (D).
"""

import json
from decimal import Decimal as D
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from guanmo.assessment.definition import resolve_benchmarks
from guanmo.assessment.firms import (
    EXAMPLE_SCHEME,
    LOW_TAX_RULE,
    POLICIES,
    FirmFigures,
    credit_code_check,
    firm_indicators,
    policies,
    validate_credit_code,
)
from guanmo.assessment.sheet_reading import read_scheme

FIRMS = [  # name, land, tax, sales, energy
    ("甲", 10, 400, 6000, 100),
    ("己", 8, 200, 3200, 50),
    ("乙", 20, 300, 5000, 300),
    ("丙", 10, 120, 3000, 120),
    ("丁", 5, 10, 500, 50),
    ("戊", 2, 4, 100, 10),
]
EXPECTED = {  # unit: (score, rank, class)
    "甲": ("100.00", 1, "A"),
    "己": ("85.50", 2, "B"),
    "乙": ("50.00", 3, "B"),
    "丙": ("49.00", 4, "C"),
    "丁": ("12.00", 5, "D"),
    "戊": (None, None, "不参评"),
}


def test_the_check_character_is_that_of_gb_32100():
    # Σ Ci × Wi: only the 17th character counts here, weight 28. 1 × 28 = 28 → 31 − 28 = 3;
    # A (10) × 28 = 280 ≡ 1 (mod 31) → 30 → Y; all zeros → 31 → 0.
    assert credit_code_check("0" * 16 + "1") == "3"
    assert credit_code_check("0" * 16 + "A") == "Y"
    assert credit_code_check("0" * 17) == "0"
    assert validate_credit_code(" 91350100m000100y43 ") == "91350100M000100Y43"


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("91350100M000100Y44", "校验位应为“3”"),
        ("91350100M000100Y4", "应为18位"),
        ("91350100M0001O0Y43", "不是统一社会信用代码允许的字符"),
    ],
)
def test_a_wrong_credit_code_is_refused_saying_why(typed, why):
    with pytest.raises(ValueError, match=why):
        validate_credit_code(typed)


def test_indicators_are_per_mu_and_per_tonne_and_none_without_a_divisor():
    values = firm_indicators(FirmFigures(D(8), D(200), D(3200), D(50)))
    assert values == {"亩均税收": D(25), "亩均销售收入": D(400), "单位能耗税收": D(4)}
    assert firm_indicators(FirmFigures(D(8), D(200), D(3200), D(0)))["单位能耗税收"] is None


def test_policies_follow_the_class_and_changyuans_rule_below_5_wan_per_mu():
    assert policies("A", D(40)) == list(POLICIES["A"])
    assert policies("D", D("4.99")) == [*POLICIES["D"], LOW_TAX_RULE]
    assert policies("C", D(5)) == list(POLICIES["C"])  # 5万元 is not under 5万元
    assert policies("不参评", D(2)) == [LOW_TAX_RULE]


def test_a_benchmark_of_twice_last_years_mean_is_resolved_from_last_years_values(tmp_path):
    definition, _ = read_scheme(scheme_with_mean_factor(tmp_path))
    resolved = resolve_benchmarks(definition, {"a": {"亩均税收": D(10)}, "b": {"亩均税收": D(20)}})
    assert resolved.indicators[0].parameters == {"benchmark": D(30)}  # 2 × (10 + 20) ÷ 2
    with pytest.raises(ValueError, match="上一周期没有任何数值"):
        resolve_benchmarks(definition, {})


def scheme_with_mean_factor(directory):
    """The example scheme with 亩均税收's benchmark written as twice last year's mean."""
    text = EXAMPLE_SCHEME.read_text(encoding="utf-8").replace("基准值=30", "上年均值倍数=2")
    path = directory / "亩均效益评价（上年均值）.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_benchmark_written_both_ways_is_refused_naming_the_cell(tmp_path):
    text = EXAMPLE_SCHEME.read_text(encoding="utf-8").replace(
        "基准值=30", "基准值=30；上年均值倍数=2"
    )
    path = tmp_path / "办法.csv"
    path.write_text(text, encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command(
            "assess", "--scheme", str(path), "--values", str(path), stdout=StringIO(), stderr=err
        )
    assert "第2行" in err.getvalue() and "参数" in err.getvalue() and "只写一项" in err.getvalue()


def values_sheet(path):
    lines = [
        "企业名称,亩均税收（万元/亩）,亩均销售收入（万元/亩）,单位能耗税收（万元/吨标准煤）,不参评"
    ]
    for name, land, tax, sales, energy in FIRMS:
        figures = firm_indicators(FirmFigures(D(land), D(tax), D(sales), D(energy)))
        cells = [str(figures[key]) for key in ("亩均税收", "亩均销售收入", "单位能耗税收")]
        lines.append(",".join([name, *cells, "是" if land < 3 else ""]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_shipped_example_scheme_scores_firms_by_hand_through_guanmo_assess(tmp_path):
    out = StringIO()
    values = values_sheet(tmp_path / "企业.csv")
    call_command(
        "assess", "--scheme", str(EXAMPLE_SCHEME), "--values", str(values), "--runs", "0",
        "--format", "json", stdout=out, stderr=StringIO(),
    )  # fmt: skip
    units = {unit["unit"]: unit for unit in json.loads(out.getvalue())["units"]}
    assert {u: (x["score"], x["rank"], x["class"]) for u, x in units.items()} == EXPECTED
    assert units["己"]["contributions"] == {
        "亩均税收": "37.50",
        "亩均销售收入": "28.00",
        "单位能耗税收": "20.00",
    }
