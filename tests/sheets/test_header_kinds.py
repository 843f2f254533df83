"""How a header is understood when offices head columns by a year, a period or a quarter only
(tryout 7 of issue 9): year groups over month columns, years typed as numbers, a column headed
only by a year, quarter and half-year parts of a plan."""

from guanmo.ledger.columns import Field, find_header
from guanmo.sheets.header import Expected
from guanmo.sheets.parts import HALVES, QUARTERS, planned_part


def test_month_columns_under_a_year_group_are_that_year_s_month_and_cumulative():
    header = find_header(
        [
            ["项目名称", "2024年", None, "2025年", None],
            [None, "6月", "1-6月", "6月", "1-6月"],
            ["甲", 1, 2, 3, 4],
        ],
        Expected(year=2025, month=6),
    )
    assert header.rows == (1, 2)
    assert header.columns == {
        0: Field.NAME,
        3: Field.COMPLETED_THIS_MONTH,
        4: Field.CUMULATIVE_COMPLETED,
    }
    assert header.faults == []
    assert header.notes == [
        "「2024年／6月」写明2024年，不是2025年的数，未读取",
        "「2024年／1-6月」写明2024年，不是2025年的数，未读取",
    ]


def test_years_typed_as_numbers_under_a_group_make_a_header_row():
    header = find_header(
        [
            ["项目名称", "所在县区", "总投资", None, None],
            [None, None, 2024, 2025, 2026],
            ["甲", "温县", 1, 2, 3],
        ],
        Expected(year=2025),
    )
    assert header.rows == (1, 2)
    (parts,) = header.parts
    assert (parts.field, [index for index, _ in parts.columns]) == (
        Field.TOTAL_INVESTMENT,
        [2, 3, 4],
    )


def test_years_typed_as_numbers_in_a_project_row_stay_its_figures():
    header = find_header(
        [["项目名称", "总投资", "年度计划投资"], ["甲", 2030, 2025]], Expected(year=2025)
    )
    assert header.rows == (1,)


def test_a_column_headed_only_by_the_year_is_its_plan():
    header = find_header(
        [["项目名称", "所在县区", "总投资", "2025年（万元）"]], Expected(year=2025)
    )
    assert header.columns[3] == Field.ANNUAL_PLAN
    assert [reading.why for reading in header.readings][3] == "只写年份，按年度计划投资读取"


def test_quarters_and_halves_of_a_plan_are_known_by_their_words_or_months():
    typed = ["一季度", "1-3月", "4—6月计划", "10-12月", "上半年", "下半年计划", "7-12月", "1-5月"]
    assert [planned_part(key) for key in typed] == [
        (QUARTERS, 1),
        (QUARTERS, 1),
        (QUARTERS, 2),
        (QUARTERS, 4),
        (HALVES, 1),
        (HALVES, 2),
        (HALVES, 2),
        None,
    ]


def test_a_column_headed_only_by_another_year_is_set_aside_with_a_note():
    header = find_header(
        [["项目名称", "所在县区", "总投资", "2024年（万元）"]], Expected(year=2025)
    )
    assert 3 not in header.columns
    assert header.notes == ["「2024年（万元）」写明2024年，不是2025年的数，未读取"]
    assert header.part_faults == []


def test_a_plan_column_beside_the_whole_under_the_total_is_the_plan_alone():
    """总投资 over 合计 | 2025年计划投资: no years split the total, so the plan column is the
    plan and 合计 the total, never a sum of one part."""
    header = find_header(
        [
            ["项目名称", "所在县区", "总投资（万元）", None],
            [None, None, "合计", "2025年计划投资"],
        ],
        Expected(year=2025),
    )
    assert header.columns == {
        0: Field.NAME,
        1: Field.COUNTY,
        2: Field.TOTAL_INVESTMENT,
        3: Field.ANNUAL_PLAN,
    }
    assert header.parts == []
    assert header.part_faults == []
