"""The plain rules of guanmo.ledger.period_doubts: when a 本月 column is taken for 1—M月 and a
累计 column for 开累, and when a figure is left to the usual checks."""

from decimal import Decimal

from guanmo.ledger.period_doubts import (
    CumulativeFigure,
    MonthFigure,
    month_column_doubt,
    since_start_doubt,
)


def months(*pairs: tuple[int, int]) -> list[MonthFigure]:
    return [
        MonthFigure(row, Decimal(amount), Decimal(before))
        for row, (amount, before) in enumerate(pairs, 2)
    ]


def test_a_month_column_is_doubted_only_when_most_rows_reach_the_cumulative_before():
    assert month_column_doubt("S", "本月", months((900, 800), (50, 700), (60, 900)), 7) == ""
    assert "第2、3行都不小于" in month_column_doubt(
        "S", "本月", months((900, 800), (700, 700), (60, 900)), 7
    )


def test_february_and_rows_starting_from_nothing_are_not_doubted():
    assert month_column_doubt("S", "本月", months((900, 800)), 2) == ""
    assert month_column_doubt("S", "本月", months((900, 0), (800, 0)), 7) == ""


def cumulative(total, this_month, before, year_end=None) -> list[CumulativeFigure]:
    end = None if year_end is None else Decimal(year_end)
    return [CumulativeFigure(3, Decimal(total), Decimal(this_month), Decimal(before), end)]


def test_a_cumulative_is_doubted_by_the_year_end_figure_or_by_a_jump_beyond_both():
    found = since_start_doubt("S", "累计", cumulative(1700, 100, 1000, 600), year=2025, month=7)
    assert "多出600万元，正是台账中截至2024年底累计600万元" in found
    assert since_start_doubt("S", "累计", cumulative(3200, 100, 1000), year=2025, month=7)


def test_a_revision_smaller_than_the_month_or_the_cumulative_before_is_left_to_the_note():
    assert since_start_doubt("S", "累计", cumulative(1300, 100, 1000), year=2025, month=7) == ""
    assert (
        since_start_doubt("S", "累计", cumulative(1300, 100, 1000, 900), year=2025, month=7) == ""
    )
    assert since_start_doubt("S", "累计", cumulative(500, 100, 0), year=2025, month=7) == ""
