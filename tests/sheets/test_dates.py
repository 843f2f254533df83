"""Reading a day from a cell (签约日期, 开工日期): every way registers type it, and nothing
guessed where the day is not stated."""

from datetime import date, datetime

import pytest

from guanmo.sheets.cells import CellError, parse_date


@pytest.mark.parametrize(
    "typed",
    [
        datetime(2025, 3, 10),
        date(2025, 3, 10),
        "2025-03-10",
        "2025/3/10",
        "2025.3.10",
        "2025年3月10日",
        "２０２５年３月１０日",
        20250310,
        " 2025-3-10 ",
    ],
)
def test_a_day_typed_every_way_is_read(typed):
    assert parse_date(typed) == date(2025, 3, 10)


@pytest.mark.parametrize("typed", [None, "", "-", "/", "无"])
def test_blank_day_cells_read_as_none(typed):
    assert parse_date(typed) is None


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2025年3月", "只写了年月"),
        ("2025.3", "只写了年月"),
        ("2025-02-30", "日期不存在"),
        ("下月", "不是日期"),
        (2025.3, "不是日期"),
        ("#VALUE!", "错误值"),
    ],
)
def test_a_day_not_stated_is_refused_with_why(typed, message):
    with pytest.raises(CellError, match=message):
        parse_date(typed)
