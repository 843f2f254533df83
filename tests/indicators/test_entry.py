"""Figures typed on the indicator form are read exactly and bounded, each refusal naming the
line and the field."""

from decimal import Decimal

from guanmo.indicators.choices import Kind
from guanmo.indicators.entry import Typed, read_typed


def read(kind=Kind.AMOUNT, **typed):
    return read_typed(Typed(1, 2, **typed), kind, "武陟县·固定资产投资")


def test_figures_are_read_exactly_and_blank_is_not_zero():
    figures, faults = read(value="１,234.5", last_year="", growth="-3.25%")
    assert faults == []
    assert figures.value == Decimal("1234.5")
    assert figures.last_year is None
    assert figures.growth == Decimal("-3.25")
    assert figures.given


def test_a_line_with_only_last_year_is_not_given():
    figures, _ = read(last_year="100")
    assert not figures.given


def test_every_bad_field_is_named_with_its_line():
    figures, faults = read(value="十二", last_year="-5", growth="8.12345")
    assert figures is None
    assert [str(fault) for fault in faults] == [
        "「武陟县·固定资产投资」本期累计值：不是数字：十二",
        "「武陟县·固定资产投资」上年同期值：不能为负数",
        "「武陟县·固定资产投资」同比增长（%）：最多4位小数",
    ]


def test_values_are_bounded_by_what_is_kept_exactly():
    _, faults = read(value="1000000000000")
    assert [fault.message for fault in faults] == ["数额过大：1000000000000"]
    _, faults = read(value="1.1234567")
    assert [fault.message for fault in faults] == ["最多6位小数"]
    figures, faults = read(value="999999999999.999999")
    assert faults == [] and figures.value == Decimal("999999999999.999999")


def test_an_amount_cannot_fall_by_more_than_all_of_it_but_a_ratio_may_change_by_points():
    _, faults = read(growth="-100.1")
    assert [fault.message for fault in faults] == ["下降不能超过100%，而不是-100.1"]
    assert read(growth="-100")[1] == []
    assert read(Kind.RATIO, growth="-120")[1] == []
    _, faults = read(growth="1000000")
    assert [fault.message for fault in faults] == ["超出范围：1000000"]
