"""Change since the previous month, as bulletins say it: 较上月前移2位 / 后移1位 / 持平, and the
completion rate's change in 个百分点."""

from decimal import Decimal

import pytest

from guanmo.figures.changes import places_moved, points_change, rank_change_text, rate_change_text


@pytest.mark.parametrize(
    ("previous", "current", "moved", "text"),
    [
        (5, 3, 2, "较上月前移2位"),
        (2, 3, -1, "较上月后移1位"),
        (4, 4, 0, "位次与上月相同"),
        (None, 3, None, ""),
        (3, None, None, ""),
    ],
)
def test_places_moved_and_how_a_bulletin_says_it(previous, current, moved, text):
    assert places_moved(previous, current) == moved
    assert rank_change_text(previous, current) == text


def test_the_rate_change_is_the_difference_of_the_shown_rates_in_points():
    assert points_change(Decimal("30.04"), Decimal("38.16")) == Decimal("8.2")  # 38.2 − 30.0
    assert rate_change_text(Decimal("30.0"), Decimal("38.2")) == "提高8.2个百分点"
    assert rate_change_text(Decimal("38.2"), Decimal("30.0")) == "下降8.2个百分点"
    assert rate_change_text(Decimal("30.0"), Decimal("30.0")) == "持平"
    assert rate_change_text(None, Decimal("30.0")) == ""


@pytest.mark.parametrize(
    ("previous", "current", "text"),
    [(5, 3, "较去年同期前移2位"), (2, 3, "较去年同期后移1位"), (4, 4, "位次与去年同期相同")],
)
def test_rank_change_against_the_same_period_of_last_year(previous, current, text):
    assert rank_change_text(previous, current, since="去年同期") == text
