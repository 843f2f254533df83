"""Tryout 13: the page and the .xlsx showed a unit's 扣分 −2.00, but the text output, the JSON
and the .docx said nothing of it. Each output lists each unit's 加分/扣分 items with their
points and reason, from one source (`outcome.adjustment_items`)."""

import json
from decimal import Decimal as D
from io import BytesIO

from docx import Document

from guanmo.assessment.aggregation import AdjustmentRule
from guanmo.assessment.definition import Definition, IndicatorRow, Inputs
from guanmo.assessment.exporters.docx import write_docx
from guanmo.assessment.exporters.text import render_text
from guanmo.assessment.outcome import adjustment_items, compute, lines_by_unit

DEFINITION = Definition(
    (IndicatorRow("综合", None, "投资", D(1)),),
    adjustment_rules=(
        AdjustmentRule("安全事故", D(-1), cap=D(2)),
        AdjustmentRule("国家级荣誉", D("0.5")),
    ),
)
INPUTS = Inputs(
    {"甲县": {"投资": D(90)}, "乙县": {"投资": D(80)}, "丙县": {"投资": D(70)}},
    counts={"乙县": {"安全事故": D(3), "国家级荣誉": D(1)}, "甲县": {"安全事故": D(0)}},
)
SAID = [
    {"item": "安全事故", "kind": "扣分", "count": "3", "points": "-2.00",
     "reason": "安全事故3次，每次扣1分，计3.00分，单项最多扣2分，实扣2.00分"},
    {"item": "国家级荣誉", "kind": "加分", "count": "1", "points": "0.50",
     "reason": "国家级荣誉1次，每次加0.5分"},
]  # fmt: skip


def outcome():
    return compute(DEFINITION, INPUTS, runs=0)


def test_each_item_is_given_with_its_points_and_reason():
    result = outcome()
    shown = adjustment_items(lines_by_unit(result)["乙县"], result.definition, result.inputs)
    assert [item._asdict() for item in shown] == SAID
    # an item counted 0 times gives nothing to explain
    assert adjustment_items(lines_by_unit(result)["甲县"], result.definition, result.inputs) == []


def test_the_json_lists_each_units_items():
    units = {unit["unit"]: unit for unit in json.loads(json.dumps(outcome().as_json()))["units"]}
    assert units["乙县"]["adjustments"] == SAID
    assert units["丙县"]["adjustments"] == []


def test_the_text_and_the_docx_list_the_items():
    text = render_text(outcome())
    assert "加分/扣分：" in text
    assert (
        "乙县：扣分项“安全事故”扣2.00分（安全事故3次，每次扣1分，计3.00分，单项最多扣2分，实扣2.00分）"
        in text
    )
    assert "乙县：加分项“国家级荣誉”加0.50分（国家级荣誉1次，每次加0.5分）" in text
    file = BytesIO()
    write_docx(outcome(), file)
    file.seek(0)
    paragraphs = "\n".join(p.text for p in Document(file).paragraphs)
    assert (
        "乙县：扣分项“安全事故”扣2.00分（安全事故3次，每次扣1分，计3.00分，单项最多扣2分，实扣2.00分）"
        in paragraphs
    )
