"""Issue 13 (a fresh user on the demo's results page): a unit's breakdown must add up to its
shown score (示范区 38.08+25.00+2.82+15.00 = 80.90 beside 80.89), in every output; 与第一名差距
is the exact difference rounded once (tryout 27; it was the difference of the shown parts,
tryout 13, which the largest-remainder rule moves by 0.01), with a note saying so."""

from dataclasses import replace
from decimal import Decimal as D

from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from guanmo.assessment.aggregation import AdjustmentRule
from guanmo.assessment.definition import Definition, IndicatorRow, Inputs
from guanmo.assessment.exporters.docx import write_docx
from guanmo.assessment.exporters.text import (
    BREAKDOWN_NOTE,
    LOST_NOTE,
    SAMPLING_NOTE,
    breakdown_rows,
    index_text,
    lost_text,
    page_figures,
    render_text,
    sampling_note,
)
from guanmo.assessment.exporters.xlsx import write_xlsx
from guanmo.assessment.outcome import compute
from guanmo.assessment.robustness import SobolIndices
from guanmo.figures.formatting import half_up
from tests.assessment.test_result_page import full_result

NAMES = ("投资", "开工", "服务")
DEFINITION = Definition(
    tuple(
        IndicatorRow("综合", None, name, D(weight))
        for name, weight in zip(NAMES, ("0.45", "0.25", "0.3"), strict=True)
    ),
    adjustment_rules=(AdjustmentRule("国家级荣誉", D("0.5")),),
    weight_variation=D(0),
)
VALUES = {
    "示范区": (D("91.3"), D(9), D(7)),
    "沁阳市": (D("88.1"), D(9), D(11)),
    "修武县": (D("71.7"), D(17), D(2)),
    "温县": (D("64.2"), D(6), D(9)),
}
# Each indicator's points rounded on its own: 示范区 45.00 + 6.82 + 16.67 = 68.49, 沁阳市
# 39.69 + 6.82 + 30.00 = 76.51, one hundredth above their scores 68.48 and 76.50.
INPUTS = Inputs(
    {unit: dict(zip(NAMES, values, strict=True)) for unit, values in VALUES.items()},
    counts={"温县": {"国家级荣誉": D(1)}},
)


def outcome():
    return compute(DEFINITION, INPUTS, runs=0)


def test_every_breakdown_row_adds_up_to_the_shown_score():
    rows = breakdown_rows(outcome())
    for row in rows:
        assert sum(D(cell) for cell in row[1:-1]) == D(row[-1]), row
    by_unit = {row[0]: row for row in rows}
    assert by_unit["示范区"][-1] == "68.48"
    assert by_unit["温县"][-3:] == ["0.50", "0.00", "23.83"]  # 加分 shown as it is


def test_each_shown_part_is_within_a_hundredth_of_its_exact_points():
    result = outcome()
    rows = {row[0]: row for row in breakdown_rows(result)}
    for unit, exact in result.assessment.contributions.items():
        for position, name in enumerate(NAMES, start=1):
            assert abs(D(rows[unit][position]) - exact[name]) < D("0.01")


def test_points_lost_to_the_first_are_exact_differences_rounded_once(tmp_path):
    """Tryout 27 (item 2): the gap was the difference of the shown parts, each moved by the
    largest-remainder rule (1.45 for 18.2119 − 16.7550 = 1.4570); it is the exact difference,
    rounded once half-up, in the page's table, the text and the .xlsx, with a note."""
    result = outcome()
    exact = result.assessment.contributions
    figures = page_figures(result)
    first = figures["lines"][0]["unit"]
    shown = {row[0]: [D(cell) for cell in row[1 : 1 + len(NAMES)]] for row in figures["breakdown"]}
    assert figures["points_lost"]
    differs = 0
    for unit, *lost in figures["points_lost"]:
        gaps = [half_up(exact[first][name] - exact[unit][name], 2) for name in NAMES]
        assert lost == [lost_text(gap) for gap in gaps], unit
        differs += sum(
            gap != a - b for gap, a, b in zip(gaps, shown[first], shown[unit], strict=True)
        )
    assert differs  # the case the shown parts got wrong
    text = render_text(result)
    assert LOST_NOTE in text
    path = tmp_path / "结果.xlsx"
    write_xlsx(result, path)
    sheet = load_workbook(path)["与第一名差距"]
    rows = {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if row[0] in exact}
    for unit, *_ in figures["points_lost"]:
        assert [D(str(value)) for value in rows[unit][: len(NAMES)]] == [
            half_up(exact[first][name] - exact[unit][name], 2) for name in NAMES
        ]
    assert LOST_NOTE in [row[0] for row in sheet.iter_rows(values_only=True)]


def test_json_contributions_and_adjustments_add_up_to_the_score():
    result = outcome()
    for unit in result.as_json()["units"]:
        line = next(line for line in result.lines if line.unit == unit["unit"])
        points = sum(D(value) for value in unit["contributions"].values())
        assert points + line.adjustments.total == D(unit["score"]), unit["unit"]


def with_sampling_error():
    """A result whose total-order estimate came out above 1 and first-order below 0, as a
    Sobol estimate from few runs can (sampling error)."""
    result = compute(replace(DEFINITION, weight_variation=D("0.25")), INPUTS, runs=16, seed=1)
    sensitivity = {
        "aggregation": SobolIndices(D("-0.0213"), D("1.0312")),
        "weights": SobolIndices(D("0.0100"), D("0.2000")),
    }
    return replace(result, robustness=replace(result.robustness, sensitivity=sensitivity))


def test_an_index_outside_0_to_1_is_marked_and_the_note_says_it_is_sampling_error():
    assert index_text(D("1.0312")) == "1.0312*" and index_text(D("-0.0213")) == "-0.0213*"
    assert index_text(D("1")) == "1" and index_text(D("0.2000")) == "0.2000"
    assert sampling_note({"weights": (D("0.01"), D("0.2"))}) is None
    text = render_text(with_sampling_error())
    assert "汇总方法：-0.0213* / 1.0312*" in text
    assert "各指标权重：0.0100 / 0.2000" in text
    assert SAMPLING_NOTE in text and "抽样误差" in SAMPLING_NOTE


def test_the_docx_and_xlsx_carry_the_sampling_note(tmp_path):
    result = with_sampling_error()
    write_docx(result, tmp_path / "通报.docx")
    paragraphs = [p.text for p in Document(tmp_path / "通报.docx").paragraphs]
    assert SAMPLING_NOTE in paragraphs
    write_xlsx(result, tmp_path / "结果.xlsx")
    sheet = load_workbook(tmp_path / "结果.xlsx")["敏感性"]
    assert SAMPLING_NOTE in [row[0] for row in sheet.iter_rows(values_only=True)]


def test_a_unit_above_the_first_on_an_indicator_is_said_so_not_a_bare_negative(tmp_path):
    """Tryout 13: 与第一名差距 showed −6.82 without a word where a unit beat the first."""
    assert lost_text(D("-6.82")) == "高于第一名6.82"
    assert lost_text(D("2.35")) == "2.35" and lost_text(D(0)) == "0.00"
    result = outcome()
    rows = {row[0]: row for row in page_figures(result)["points_lost"]}
    # 修武县 started 17 projects, the most: above 沁阳市 (first) on 开工
    assert rows["修武县"][2].startswith("高于第一名")
    assert not any(cell.startswith("-") for row in rows.values() for cell in row[1:])
    text = render_text(result)
    assert (
        "与第一名差距：" in text
        and f"修武县：投资 {rows['修武县'][1]}，开工 {rows['修武县'][2]}" in text
    )
    path = tmp_path / "result.xlsx"
    write_xlsx(result, path)
    sheet = load_workbook(path)["与第一名差距"]
    formats = {
        cell.number_format
        for row in sheet.iter_rows(min_col=2)
        for cell in row
        if isinstance(cell.value, D | float | int)
    }
    assert formats and all('"高于第一名"' in each for each in formats)


def test_an_index_of_0_is_explained_not_left_bare():
    """Tryout 13: 标准化方法 0.0000 / 0.0000 for a method the scheme said to vary."""
    note = sampling_note(
        {"normalisation": (D("0.0000"), D("0.0000")), "weights": (D("0.1"), D("0.2"))}
    )
    assert "标准化方法的指数为0" in note and "未改变任何单位的位次" in note
    assert "各指标权重的指数为0" not in note


def test_the_breakdown_says_how_its_parts_were_made_to_add_up(client, world, settings, tmp_path):
    """Tryout 15: parts adjusted to add up to the score were shown without a note."""
    assert "最大余数法" in BREAKDOWN_NOTE and "等于综合得分" in BREAKDOWN_NOTE
    result = full_result(world, settings)
    client.force_login(world.users["city"])
    page = client.get(reverse("assessment_result", args=[result.pk])).content.decode()
    assert BREAKDOWN_NOTE in page
    assert LOST_NOTE in page  # under 与第一名差距 (tryout 27, item 2)
    download = client.get(reverse("assessment_result", args=[result.pk]), {"format": "xlsx"})
    path = tmp_path / "结果.xlsx"
    path.write_bytes(b"".join(download.streaming_content))
    sheet = load_workbook(path)["得分构成"]
    assert BREAKDOWN_NOTE in [c for row in sheet.iter_rows(values_only=True) for c in row]
