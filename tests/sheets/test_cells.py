"""Reading one cell: money as offices type it, year ranges, project codes."""

import re
from datetime import datetime
from decimal import Decimal

import pytest

from guanmo.sheets.cells import (
    CellError,
    FinerThanOneYuan,
    format_years,
    parse_line,
    parse_money,
    parse_project_code,
    parse_years,
)


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        (12000, Decimal("12000")),
        (1000.5, Decimal("1000.5")),
        (0.1, Decimal("0.1")),  # through the float's shortest repr, not its binary expansion
        ("12000", Decimal("12000")),
        ("12,000.50", Decimal("12000.50")),
        ("１２，０００", Decimal("12000")),  # full-width digits and comma
        (" 3 000 ", Decimal("3000")),
        ("5000万元", Decimal("5000")),
        ("5000万", Decimal("5000")),
        ("1.2亿元", Decimal("12000")),  # a unit typed in the cell converts that cell
        ("0", Decimal("0")),
    ],
)
def test_money_typed_every_way_reads_as_exact_wan(typed, amount):
    assert parse_money(typed) == amount


@pytest.mark.parametrize("typed", [None, "", "  ", "-", "—", "/", "无"])
def test_blank_money_cells_read_as_none(typed):
    assert parse_money(typed) is None


def test_money_in_yi_is_converted_exactly():
    assert parse_money(1.23456, Decimal(10000)) == Decimal("12345.6")
    assert parse_money("0.00015", Decimal(10000)) == Decimal("1.5")


def test_money_in_yuan_is_converted_exactly():
    assert parse_money(12345678, Decimal("0.0001")) == Decimal("1234.5678")
    assert parse_money("12,345,678.00", Decimal("0.0001")) == Decimal("1234.5678")


def test_money_in_yuan_finer_than_one_yuan_is_refused_never_rounded():
    # The ledger keeps 万元 to four places (one yuan): 1234.56785万元 cannot be held.
    with pytest.raises(CellError, match=r"^12345678\.5元换算为1234\.56785万元，超过4位小数"):
        parse_money(12345678.5, Decimal("0.0001"))


def test_money_finer_than_one_yuan_is_refused_never_rounded():
    with pytest.raises(CellError, match=r"^1\.00005万元超过4位小数（不足1元）"):
        parse_money("1.00005")
    with pytest.raises(CellError, match=r"^0\.123456789亿元换算为1234\.56789万元，超过4位小数"):
        parse_money(0.123456789, Decimal(10000))


def test_float_noise_reads_as_the_figure_the_cell_shows():
    assert parse_money(0.1 + 0.2) == Decimal("0.3")
    assert parse_money(12.300000000001) == Decimal("12.3")
    assert parse_money(0.30000000000000004, Decimal(10000)) == Decimal(3000)
    assert parse_money("500.10000") == Decimal("500.1")


def test_a_signed_amount_may_be_below_zero():
    assert parse_money("-120.5", signed=True) == Decimal("-120.5")
    assert parse_money(-0.01, Decimal(10000), signed=True) == Decimal(-100)


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("(120)", Decimal(-120)),
        ("（1,234）", Decimal(-1234)),  # full-width brackets and comma
        ("120-", Decimal(-120)),
        ("1,234.5-", Decimal("-1234.5")),
        ("−120", Decimal(-120)),  # U+2212, the minus sign of typeset text
        ("(1.2亿元)", Decimal(-12000)),
    ],
)
def test_an_accountants_negative_in_a_signed_column_reads_below_zero(typed, amount):
    assert parse_money(typed, signed=True) == amount


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("(1,234)", "「(1,234)」是负数的会计写法（括号表示负数），读作-1234，不能为负数"),
        ("（120）", "「（120）」是负数的会计写法（括号表示负数），读作-120，不能为负数"),
        ("1234-", "「1234-」是负数的会计写法（末尾的负号表示负数），读作-1234，不能为负数"),
    ],
)
def test_an_accountants_negative_where_none_may_stand_is_refused_never_read_positive(
    typed, message
):
    with pytest.raises(CellError, match=f"^{re.escape(message)}$"):
        parse_money(typed)


@pytest.mark.parametrize("typed", ["(-120)", "()", "(12)0", "-120-", "12-0"])
def test_a_sign_written_twice_or_inside_a_number_is_no_number(typed):
    with pytest.raises(CellError, match=f"^不是数字：{re.escape(typed)}$"):
        parse_money(typed, signed=True)


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("'1234", Decimal(1234)),
        ("'50,000", Decimal(50000)),
        ("‘1234", Decimal(1234)),  # the typographic quote an input method puts in
        ("'1.2亿元", Decimal(12000)),
        ("'(120)", Decimal(-120)),
    ],
)
def test_a_number_kept_as_text_behind_excels_apostrophe_is_the_number_shown(typed, amount):
    assert parse_money(typed, signed=True) == amount


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("约3000", "不是数字：约3000"),
        ("3千", "不是数字：3千"),
        ("-5", "不能为负数"),
        (-0.5, "不能为负数"),
    ],
)
def test_money_that_is_not_an_amount_says_why(typed, message):
    with pytest.raises(CellError, match=f"^{message}$"):
        parse_money(typed)


@pytest.mark.parametrize(
    ("typed", "years"),
    [
        ("2024—2026", (2024, 2026)),
        ("2024-2026年", (2024, 2026)),
        ("2024.3-2026.12", (2024, 2026)),
        ("2024年3月至2026年12月", (2024, 2026)),
        ("2024～2026", (2024, 2026)),
        ("２０２４－２０２６", (2024, 2026)),
        ("2024-26", (2024, 2026)),
        ("2025", (2025, 2025)),
        (2025, (2025, 2025)),
        (datetime(2025, 3, 1), (2025, None)),  # "2025-3" made a date by Excel: no end invented
        (2024.3, (2024, None)),  # "2024.3" kept as a number
        (2024.1, (2024, None)),  # "2024.10" kept as 2024.1
        (2024.12, (2024, None)),
        ("2025.06", (2025, None)),  # a year and month kept as text: no end invented either
        ("2025年6月", (2025, None)),
        ("2025-06", (2025, None)),
        ("2025/6", (2025, None)),
        ("2025年6月开工", (2025, None)),
        ("24.3-26.12", (2024, 2026)),  # two-digit years with months, as 漳州 types them
        ("2024—", (2024, None)),
        (None, (None, None)),
    ],
)
def test_start_and_end_years_from_every_way_of_writing_them(typed, years):
    assert parse_years(typed) == years


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("长期", "无法识别的起止年限：长期"),
        ("2026-2024", "开工年份晚于竣工年份：2026-2024"),
        (2024.13, "无法识别的起止年限：2024.13"),
        (2024.125, "无法识别的起止年限：2024.125"),
        (1e20, "无法识别的起止年限：1e\\+20"),
        ("24.13-26.12", "无法识别的起止年限：24.13-26.12"),
    ],
)
def test_years_that_cannot_be_read_say_why(typed, message):
    with pytest.raises(CellError, match=f"^{message}$"):
        parse_years(typed)


@pytest.mark.parametrize("years", [(2024, 2026), (2025, 2025), (2024, None), (None, None)])
def test_years_written_by_guanmo_read_back(years):
    assert parse_years(format_years(*years) or None) == years


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("2024-410823-04-01-000123", "2024-410823-04-01-000123"),
        ("2024—410823—04—01—000123", "2024-410823-04-01-000123"),
        (" 2024－410823－04－01－000123 ", "2024-410823-04-01-000123"),
        ("20244108230401000123", "2024-410823-04-01-000123"),
        (None, ""),
    ],
)
def test_project_codes_are_normalised(typed, code):
    assert parse_project_code(typed) == code


@pytest.mark.parametrize("typed", ["2024-41082-04-01-000123", "豫2024-001", "2024-410823-04-01"])
def test_malformed_project_code_is_refused(typed):
    with pytest.raises(CellError, match="应为 YYYY-RRRRRR-II-TT-NNNNNN"):
        parse_project_code(typed)


def test_a_code_given_since_2021_starts_with_year_and_month():
    assert parse_project_code("2401-410804-04-01-300001") == "2401-410804-04-01-300001"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2413-410804-04-01-300001", "的时间段「2413」既不是年份也不是年月"),
        ("2024-410899-04-01-300001", "的区划代码410899不存在（GB/T 2260）"),
    ],
)
def test_a_code_against_gbt_40058_and_gbt_2260(typed, message):
    with pytest.raises(CellError, match=f"^{typed}{re.escape(message)}$"):
        parse_project_code(typed)


def test_names_keep_their_brackets_but_lose_wrapping_line_breaks():
    assert parse_line("  焦作市XX项目\n（一期）  ") == "焦作市XX项目（一期）"
    assert parse_line(2025.0) == "2025"


@pytest.mark.parametrize(
    "typed", ["210,5", "1,23", "12,0000", "2,10,500", ",500", "210,5万元", "１，５"]
)
def test_a_comma_that_does_not_group_three_digits_is_refused_not_guessed(typed):
    # "210,5" is 210.5 written with a decimal comma, or a slip for 2105: never read as either.
    with pytest.raises(CellError, match=r"^无法确定「.+」的写法"):
        parse_money(typed)


@pytest.mark.parametrize(
    ("typed", "amount"),
    [("1,234", Decimal("1234")), ("1,234,567.5", Decimal("1234567.5")), ("210", Decimal("210"))],
)
def test_commas_grouping_three_digits_are_thousands_separators(typed, amount):
    assert parse_money(typed) == amount


def test_an_endless_quotient_is_shown_cut_and_said_to_be_one():
    """Tryout 14 L5: =10/3 in a 亿元 column was quoted as 3.3333333333333335."""
    with pytest.raises(FinerThanOneYuan) as raised:
        parse_money(10 / 3, Decimal(10000))
    assert str(raised.value) == (
        "3.3333…亿元换算为33333.3333…万元，超过4位小数（不足1元；是除不尽的数，"
        "多为公式计算结果，以亿元填写最多8位小数），台账只能保存到元；请核对后按元取整填写"
        "（如用 ROUND 函数取整）"
    )
