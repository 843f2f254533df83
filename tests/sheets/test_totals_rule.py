"""One rule for a totals row in every sheet (sheets.totals): the words that mark it, and its
figure checked against its rows' sum rounded as it was typed (issue 9 §4)."""

from decimal import Decimal

import pytest

from guanmo.indicators.columns import is_total
from guanmo.sheets.totals import block_sum, is_grand_total, sums_to


@pytest.mark.parametrize(
    "label",
    ["合计", "总计", "全市", "全县", "全省", "全国", "本市", "全市合计", "全省合计", "全县总计"],
)
def test_a_whole_or_a_total_word_alone_marks_the_total_of_every_row(label):
    assert is_grand_total(label)
    assert is_total(label)


@pytest.mark.parametrize("label", ["小计", "城区小计", "市本级", "市直", "武陟县", "融合计算中心"])
def test_a_subtotal_a_unit_or_a_name_is_no_grand_total(label):
    assert not is_grand_total(label)
    assert not is_total(label)


def test_a_label_is_read_as_cleaned_by_the_indicators_reader():
    assert is_total(" 全 市 ") and is_total("合　计")


def test_a_block_sums_its_figures_leaving_blanks_and_text_out():
    assert block_sum([Decimal("1.5"), None, "待定", Decimal("2.25")]) == Decimal("3.75")
    assert block_sum([]) == Decimal(0)


def test_a_total_agrees_with_its_rows_rounded_half_up_as_it_was_typed():
    assert sums_to(Decimal("1234.57"), Decimal("1234.5678"))
    assert sums_to(Decimal("179.3"), Decimal("179.34"))
    assert sums_to(Decimal("0.3"), Decimal("0.25"))  # half-up, never to even
    assert not sums_to(Decimal("4000"), Decimal("4000.5"))
    assert not sums_to(Decimal("179.4"), Decimal("179.34"))


def test_a_total_typed_in_yi_yuan_is_checked_against_rows_in_wan_yuan():
    assert sums_to(Decimal("1.23"), Decimal("12345"), unit=Decimal(10000))
    assert not sums_to(Decimal("1.24"), Decimal("12345"), unit=Decimal(10000))
