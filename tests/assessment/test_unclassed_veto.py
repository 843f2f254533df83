"""Issue 13 leftover: a unit vetoed (一票否决) when the scheme says 不定等次 is left out of the
others' normalisation and ranks as an exempt unit is; when it says 排在末位 its values still
count and it is placed last. The same rule in the result, the weights, the Monte Carlo
robustness and the sentence describing the scheme."""

import json
from datetime import date
from decimal import Decimal as D
from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from guanmo.assessment.definition import Definition, IndicatorRow, Inputs, Weighting, weights_of
from guanmo.assessment.objections import finalise_result, issue_bulletin, publish_result
from guanmo.assessment.results import VetoEffect
from guanmo.assessment.robustness import assess_robustness, score_tables
from guanmo.assessment.scheme import Cycle, Indicator, Scheme, assess
from guanmo.assessment.scheme_description import describe
from guanmo.assessment.scoring import Direction
from guanmo.assessment.services import save_scheme
from tests.assessment.test_assess_command import (
    SCHEME_HEADER,
    SCHEME_ROWS,
    VALUES_HEADER,
    VALUES_ROWS,
    arguments,
    run,
    save_xlsx,
    sheets,  # noqa: F401
)

INDICATORS = (
    Indicator("投资完成率", D("0.5")),
    Indicator("问题办结天数", D("0.5"), direction=Direction.NEGATIVE),
)
VALUES = {
    "甲县": {"投资完成率": D(60), "问题办结天数": D(10)},
    "乙县": {"投资完成率": D(40), "问题办结天数": D(8)},
    "丙县": {"投资完成率": D(100), "问题办结天数": D(2)},  # vetoed
    "丁县": {"投资完成率": D(20), "问题办结天数": D(20)},
}
VETOED = Cycle(VALUES, vetoed=frozenset({"丙县"}))


def table(scheme: Scheme) -> list[tuple]:
    return [(r.unit, r.score, r.rank, r.grade) for r in assess(scheme, VETOED).results]


def test_a_unit_vetoed_unclassed_sets_no_minimum_maximum_or_rank_for_the_others():
    unclassed = Scheme(INDICATORS, veto_effect=VetoEffect.UNCLASSED)
    # 投资完成率 over 甲乙丁 only, 20…60: 甲 100, 乙 50, 丁 0; 天数 (负向) 8…20: 甲 10/12 → 83.33…,
    # 乙 100, 丁 0. 甲 50 + 41.666… = 91.67; 乙 25 + 50 = 75.00; 丁 0.
    assert table(unclassed) == [
        ("甲县", D("91.67"), 1, "优秀"),
        ("乙县", D("75.00"), 2, "合格"),
        ("丙县", None, None, None),
        ("丁县", D("0.00"), 3, "不合格"),
    ]
    assert assess(unclassed, VETOED).result_of("丙县").vetoed


def test_a_unit_vetoed_and_placed_last_still_sets_the_others_minimum_and_maximum():
    last = Scheme(INDICATORS, veto_effect=VetoEffect.LAST)
    # over all four, 投资完成率 20…100: 甲 50, 乙 25, 丙 100, 丁 0; 天数 2…20: 甲 10/18, 乙 12/18,
    # 丙 100, 丁 0. 甲 25 + 27.777… = 52.78; 乙 12.5 + 33.333… = 45.83; 丙 100 placed last.
    assert table(last) == [
        ("甲县", D("52.78"), 1, "不合格"),
        ("乙县", D("45.83"), 2, "不合格"),
        ("丙县", D("100.00"), 4, "不合格"),
        ("丁县", D("0.00"), 3, "不合格"),
    ]


def test_the_robustness_check_scores_the_others_without_a_unit_vetoed_unclassed():
    unclassed = Scheme(INDICATORS, veto_effect=VetoEffect.UNCLASSED)
    (own,) = score_tables(unclassed, VETOED, ["甲县", "丁县"], [])
    assert own[0][0] == D(100) and own[1] == [D(0), D(0)]
    result = assess_robustness(unclassed, VETOED, aggregations=(), weight_variation=D(0), runs=5)
    assert [(s.unit, s.rank_interval) for s in result.spreads] == [
        ("甲县", (1, 1)),
        ("乙县", (2, 2)),
        ("丁县", (3, 3)),
    ]


ROWS = (
    IndicatorRow("", None, "投资完成率", None),
    IndicatorRow("", None, "问题办结天数", None, Direction.NEGATIVE),
)


def entropy(veto_effect: VetoEffect, **inputs) -> dict[str, D]:
    definition = Definition(
        ROWS, vetoes=("重大安全事故",), veto_effect=veto_effect, weighting=Weighting.ENTROPY
    )
    return weights_of(definition, Inputs(VALUES, **inputs)).weights


def test_entropy_weights_leave_out_a_unit_vetoed_unclassed_as_an_exempt_one():
    vetoed = entropy(VetoEffect.UNCLASSED, vetoed=frozenset({"丙县"}))
    assert vetoed == entropy(VetoEffect.UNCLASSED, exempt=frozenset({"丙县"}))
    assert vetoed != entropy(VetoEffect.UNCLASSED)
    assert entropy(VetoEffect.LAST, vetoed=frozenset({"丙县"})) == entropy(VetoEffect.LAST)


def described(veto_effect: VetoEffect) -> str:
    definition = Definition(ROWS, vetoes=("重大安全事故",), veto_effect=veto_effect)
    weights = {"投资完成率": D("0.5"), "问题办结天数": D("0.5")}
    return dict(describe(definition, weights).rules)["一票否决"]


def test_the_scheme_says_which_rule_applied_to_a_vetoed_units_values():
    assert described(VetoEffect.LAST) == (
        "重大安全事故：否决后排在末位（列最低等次）；"
        "被否决单位的数值仍参与其他单位得分的计算（极值、位次等）"
    )
    assert described(VetoEffect.UNCLASSED) == (
        "重大安全事故：否决后不定等次、不排位次；"
        "被否决单位的数值不参与其他单位得分的计算（极值、均值、权重、位次等），与不参评单位同样处理"
    )


def unclassed_sheets(sheets, tmp_path, effect: str):  # noqa: F811
    """The command's sheets (`test_assess_command`) with 乙县's 投资完成率 120, above the others,
    and its 一票否决 as `effect` says."""
    rows = [[*row[:-1], effect] if row[1] == "一票否决" else row for row in SCHEME_ROWS]
    values = [[*row[:2], 120, *row[3:]] if row[1] == "乙县" else row for row in VALUES_ROWS]
    return {
        "scheme": save_xlsx(tmp_path / "办法.xlsx", "考核办法", SCHEME_HEADER, rows),
        "values": save_xlsx(tmp_path / "数值.xlsx", "数值", VALUES_HEADER, values),
    }


def test_the_command_leaves_a_unit_vetoed_unclassed_out_of_every_output(sheets, tmp_path):  # noqa: F811
    files = unclassed_sheets(sheets, tmp_path, "不定等次")
    result = json.loads(run(*arguments(files), "--runs", "20", "--format", "json"))
    # 乙县 (120) out: 投资完成率 over 70…101.2 as in `test_assess_command`, 甲 79.99
    table = [(u["unit"], u["score"], u["rank"], u["class"]) for u in result["units"]]
    assert table == [
        ("丙县", "101.00", 1, "优秀"),
        ("甲县", "79.99", 2, "合格"),
        ("丁县", "18.00", 3, "不合格"),
        ("乙县", None, None, None),
        ("戊园区", None, None, "不参评"),
    ]
    text = run(*arguments(files), "--runs", "20")
    assert "乙县（一票否决：重大安全事故）" in text
    written = tmp_path / "结果.docx"
    run(*arguments(files), "--runs", "20", "--format", "docx", "-o", str(written))
    said = "\n".join(p.text for p in Document(written).paragraphs)
    said += "\n".join(c.text for t in Document(written).tables for r in t.rows for c in r.cells)
    assert "被否决单位的数值不参与其他单位得分的计算" in said
    workbook = tmp_path / "结果.xlsx"
    run(*arguments(files), "--runs", "20", "--format", "xlsx", "-o", str(workbook))
    cells = [c for s in load_workbook(workbook) for r in s.iter_rows(values_only=True) for c in r]
    assert "乙县" in cells


def test_the_command_keeps_a_unit_vetoed_and_placed_last_in_the_others_range(sheets, tmp_path):  # noqa: F811
    files = unclassed_sheets(sheets, tmp_path, "排在末位")
    result = json.loads(run(*arguments(files), "--runs", "20", "--format", "json"))
    # 投资完成率 over 70…120: 甲 25.5/50 → 51 × 0.3 = 15.3; + 26.4 + 28.5714 + 0.5 = 70.77
    scores = {u["unit"]: (u["score"], u["rank"]) for u in result["units"]}
    assert scores["甲县"] == ("70.77", 2) and scores["乙县"][1] == 4


@pytest.mark.django_db
def test_the_result_page_and_bulletin_of_a_unit_vetoed_unclassed(client, world, settings):
    """A result issued with 温县 vetoed 不定等次: its page and its bulletin show 温县 without
    score or rank, the others ranked among themselves, and say the rule applied."""
    settings.GUANMO_TODAY = date(2025, 12, 1)
    definition = Definition(
        ROWS,
        vetoes=("重大安全事故",),
        veto_effect=VetoEffect.UNCLASSED,
        weighting=Weighting.EQUAL,
    )
    inputs = Inputs(
        {
            "武陟县": {"投资完成率": D(60), "问题办结天数": D(10)},
            "温县": {"投资完成率": D(100), "问题办结天数": D(2)},
            "孟州市": {"投资完成率": D(20), "问题办结天数": D(20)},
        },
        vetoed=frozenset({"温县"}),
    )
    scheme = save_scheme(world.city, "2025年度", "综合考核", definition, list(inputs.values))
    result = publish_result(scheme, inputs, days=5, runs=20, seed=1)
    lines = {u["unit"]: (u["score"], u["rank"]) for u in result.output["units"]}
    # equal weights over 武陟县 and 孟州市 only: 武陟县 100 on both, 孟州市 0
    assert lines == {"武陟县": ("100.00", 1), "温县": (None, None), "孟州市": ("0.00", 2)}
    client.force_login(world.users["city"])
    page = client.get(reverse("assessment_result", args=[result.pk])).content.decode()
    assert "被否决单位的数值不参与其他单位得分的计算" in page
    settings.GUANMO_TODAY = date(2025, 12, 8)
    document = issue_bulletin(finalise_result(result), dated=date(2025, 12, 8))
    tables = Document(BytesIO(bytes(document.content))).tables  # the scheme's rules
    text = "\n".join(c.text for t in tables for r in t.rows for c in r.cells)
    assert "被否决单位的数值不参与其他单位得分的计算" in text
