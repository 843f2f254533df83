"""Tryout 15: a deduction capped by the scheme's 扣分合计最多2分 was explained as −2.10
(7次×0.3) while −2.00 was applied, so that the parts and the items shown added up to 63.25
against a score of 63.35. Every output gives each item's points as applied, says the cap that
took the rest, and the parts plus the applied items make the score."""

import json
from datetime import date
from decimal import Decimal as D
from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from guanmo.assessment.aggregation import AdjustmentRule, adjust
from guanmo.assessment.definition import Definition, IndicatorRow, Inputs
from guanmo.assessment.exporters.docx import write_docx
from guanmo.assessment.exporters.text import render_text
from guanmo.assessment.exporters.xlsx import write_xlsx
from guanmo.assessment.models import Result
from guanmo.assessment.objections import publish_result
from guanmo.assessment.outcome import compute
from guanmo.assessment.services import save_scheme

DEFINITION = Definition(
    (IndicatorRow("综合", None, "投资", D(60)), IndicatorRow("综合", None, "开工", D(40))),
    adjustment_rules=(
        AdjustmentRule("国家级荣誉", D("0.5"), cap=D(1)),
        AdjustmentRule("安全生产检查问题", D("-0.3")),
        AdjustmentRule("较大安全事故", D(-1), cap=D(2)),
    ),
    bonus_cap=D(3),
    deduction_cap=D(2),
)
INPUTS = Inputs(
    {
        "甲县": {"投资": D("93.3"), "开工": D(24)},
        "乙县": {"投资": D("67.3"), "开工": D(11)},
        "丙县": {"投资": D("87.3"), "开工": D(12)},
    },
    counts={
        "丙县": {"安全生产检查问题": D(7)},
        "乙县": {"较大安全事故": D(3), "国家级荣誉": D(3)},
        "甲县": {"安全生产检查问题": D(4), "较大安全事故": D(1)},
    },
)
CAPPED_BY_TOTAL = "安全生产检查问题7次，每次扣0.3分，计2.10分，扣分合计最多2分，实扣2.00分"
CAPPED_BY_ITEM = "较大安全事故3次，每次扣1分，计3.00分，单项最多扣2分，实扣2.00分"


def outcome():
    return compute(DEFINITION, INPUTS, runs=0)


def units():
    return {unit["unit"]: unit for unit in json.loads(json.dumps(outcome().as_json()))["units"]}


def test_an_overall_cap_is_taken_item_by_item_in_the_schemes_order():
    applied = adjust(
        {"较大安全事故": 1, "安全生产检查问题": 4},
        DEFINITION.adjustment_rules,
        deduction_cap=D(2),
    ).applied
    # −1.2 first (the scheme lists it first), then what is left of the 2 points: −0.8
    assert applied == {"安全生产检查问题": D("-1.2"), "较大安全事故": D("-0.8")}


def test_the_json_gives_the_points_applied_and_says_the_cap():
    said = units()["丙县"]["adjustments"]
    assert [(item["points"], item["reason"]) for item in said] == [("-2.00", CAPPED_BY_TOTAL)]
    by_item = {item["item"]: item for item in units()["乙县"]["adjustments"]}
    assert by_item["较大安全事故"]["points"] == "-2.00"
    assert by_item["较大安全事故"]["reason"] == CAPPED_BY_ITEM
    assert (
        by_item["国家级荣誉"]["reason"]
        == "国家级荣誉3次，每次加0.5分，计1.50分，单项最多加1分，实加1.00分"
    )
    shared = {item["item"]: item["points"] for item in units()["甲县"]["adjustments"]}
    assert shared == {"安全生产检查问题": "-1.20", "较大安全事故": "-0.80"}


def test_parts_and_applied_items_add_up_to_the_score_in_the_json():
    for unit in units().values():
        parts = sum(D(points) for points in unit["contributions"].values())
        items = sum(D(item["points"]) for item in unit["adjustments"])
        assert parts + items == D(unit["score"]), unit["unit"]


def test_the_text_and_the_docx_say_the_points_applied_and_the_overall_caps():
    text = render_text(outcome())
    assert f"丙县：扣分项“安全生产检查问题”扣2.00分（{CAPPED_BY_TOTAL}）" in text
    assert "-2.10分" not in text
    assert "加分合计最多3分，扣分合计最多2分" in text
    file = BytesIO()
    write_docx(outcome(), file)
    file.seek(0)
    paragraphs = "\n".join(p.text for p in Document(file).paragraphs)
    assert f"丙县：扣分项“安全生产检查问题”扣2.00分（{CAPPED_BY_TOTAL}）" in paragraphs
    assert "加分合计最多3分，扣分合计最多2分" in paragraphs


@pytest.fixture
def kept_with_old_wording(world, settings):
    """A result kept before the fix: its JSON says −2.10 for 丙县's capped deduction."""
    settings.GUANMO_TODAY = date(2025, 12, 15)
    units = list(INPUTS.values)
    scheme = save_scheme(world.city, "2025年度", "综合考核", DEFINITION, units)
    result = publish_result(scheme, INPUTS, days=5, runs=0)
    output = result.output
    for unit in output["units"]:
        for item in unit["adjustments"]:
            if unit["unit"] == "丙县":
                item.update(points="-2.10", reason="安全生产检查问题7次，每次扣0.3分")
    figures = {**result.figures, "rule": "old"}
    Result.objects.filter(pk=result.pk).update(output=output, figures=figures)
    return result


def test_the_page_shows_the_points_applied_and_the_caps(client, world, kept_with_old_wording):
    client.force_login(world.users["city"])
    page = client.get(reverse("assessment_result", args=[kept_with_old_wording.pk]))
    text = page.content.decode()
    assert f"丙县：扣分项“安全生产检查问题”扣2.00分（{CAPPED_BY_TOTAL}）" in text
    assert "-2.10" not in text
    assert "考核办法规定加分合计最多3分，扣分合计最多2分。" in text
    kept_with_old_wording.refresh_from_db()
    for unit in kept_with_old_wording.output["units"]:
        parts = sum(D(points) for points in unit["contributions"].values())
        items = sum(D(item["points"]) for item in unit["adjustments"])
        assert parts + items == D(unit["score"]), unit["unit"]


def test_the_xlsx_gives_each_item_as_applied_adding_up_to_the_totals():
    file = BytesIO()
    write_xlsx(outcome(), file)
    file.seek(0)
    rows = list(load_workbook(file)["加减分"].iter_rows(values_only=True))
    header = next(row for row in rows if row[0] == "单位")
    points = [i for i, name in enumerate(header) if str(name).endswith("（分）")]
    by_unit = {row[0]: row for row in rows[rows.index(header) + 1 :] if row[0]}
    capped = by_unit["丙县"]
    assert capped[header.index("安全生产检查问题（分）")] == -2
    for row in by_unit.values():
        items = sum(D(str(row[i] or 0)) for i in points)
        total = D(str(row[header.index("加分")])) + D(str(row[header.index("扣分")]))
        assert items == total, row[0]
