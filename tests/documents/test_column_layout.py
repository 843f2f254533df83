"""Column widths measured from the table's text: numbers never broken, Chinese text wrapped
only when the page cannot hold it, a smaller size before a number would break."""

import pytest
from docx.shared import Pt

from guanmo.documents.tables import TABLE_WIDTH, column_layout, text_width, unbreakable_width

HEADERS = [
    "位次",
    "县区",
    "项目数（个）",
    "年度计划投资（万元）",
    "完成投资（万元）",
    "完成率（%）",
    "与时间进度比（百分点）",
]


def _em(size):
    return Pt(size.pt).emu


def test_chinese_is_one_em_and_digits_about_half():
    assert text_width("武陟县") == 3
    assert text_width("633,693.60") == pytest.approx(5.5)


def test_a_number_is_one_unbreakable_piece():
    assert unbreakable_width("1,633,693.60") == text_width("1,633,693.60")
    assert unbreakable_width("城乡一体化示范区") == 8  # a unit's name stays whole (tryout 23)
    assert unbreakable_width("焦作高新技术产业开发区") == 9  # a longer one wraps every nine


def test_every_number_fits_its_column_on_one_line():
    rows = [["1", "焦作高新技术产业开发区", "42", "1,633,693.60", "633,693.60", "92.5", "+0.9"]]
    layout = column_layout(HEADERS, rows)
    assert sum(layout.widths) == TABLE_WIDTH
    for column, value in enumerate(rows[0]):
        if value[0].isdigit() or value[0] == "+":
            assert layout.widths[column] >= text_width(value) * _em(layout.size)


def test_a_table_too_wide_for_small_four_is_set_smaller():
    rows = [["633,693.60"] * 6]
    layout = column_layout([f"列{n}" for n in range(6)], rows)
    assert layout.size < Pt(12)
    assert all(width >= text_width(rows[0][0]) * _em(layout.size) for width in layout.widths)


def test_a_table_that_cannot_fit_a_portrait_page_is_refused():
    with pytest.raises(ValueError, match="A4纵向页面排不下"):
        column_layout([f"列{n}" for n in range(20)], [["1,633,693,693.60"] * 20])
