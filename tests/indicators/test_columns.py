"""Header cells of indicator sheets: Guanmo's own report reads back."""

from guanmo.indicators.columns import Role, read_label


def test_a_rank_headed_with_how_many_it_is_among_is_a_rank():
    # indicator-report heads its rank column 位次（共12个） (those with a figure).
    assert read_label("位次（共12个）").role == Role.RANK
    assert read_label("位次（按数值，越少越好；共12个）").role == Role.RANK
    assert read_label("位次（按增速）").role == Role.RANK
    assert read_label("位次").role == Role.RANK
