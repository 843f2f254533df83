"""The one rule for a month's two figures (guanmo.ledger.month_figures), worked by hand: what
it stores is what its note says (issue 9, tryout 7: a first stored month was said to be taken
以累计为准 while 本月 was stored as typed)."""

from decimal import Decimal

from guanmo.ledger.month_figures import derive_month_figures, unreported_months


def test_both_figures_typed_after_last_month_agreeing_give_no_note():
    figures = derive_month_figures(Decimal(100), Decimal(500), month=5, earlier=(4, Decimal(400)))
    assert (figures.completed_this_month, figures.cumulative_completed) == (100, 500)
    assert figures.note == ""


def test_both_typed_disagreeing_with_last_month_are_a_fault_naming_both_cells():
    figures = derive_month_figures(
        Decimal(50), Decimal(500), month=5, earlier=(4, Decimal(400)), cells=("C3", "D3")
    )
    assert not figures.ok
    assert figures.fault == (
        "本月完成50万元（C3）加4月累计400万元为450万元，与所填累计500万元（D3）不符，"
        "多出50万元，疑为开累（自开工累计），未导入（请核对两数）"
    )


def test_a_cumulative_said_to_be_the_years_is_not_called_since_start():
    figures = derive_month_figures(
        Decimal(50), Decimal(500), month=5, earlier=(4, Decimal(400)), year_said=True
    )
    assert figures.fault == (
        "本月完成50万元加4月累计400万元为450万元，与所填1—5月累计500万元不符，未导入（请核对两数）"
    )


def test_a_cumulative_below_last_month_and_this_month_is_a_fault_too():
    figures = derive_month_figures(Decimal(50), Decimal(420), month=5, earlier=(4, Decimal(400)))
    assert figures.fault == (
        "本月完成50万元加4月累计400万元为450万元，与所填累计420万元不符，未导入（请核对两数）"
    )


def test_a_first_stored_month_cannot_be_checked_and_keeps_both_as_typed():
    figures = derive_month_figures(Decimal(200), Decimal(900), month=6, earlier=None)
    assert (figures.completed_this_month, figures.cumulative_completed) == (200, 900)
    assert figures.note == (
        "1—5月未报送，无从核对本月与累计：本月完成200万元、1—6月累计900万元均按所填保存"
    )


def test_a_month_after_unreported_months_cannot_be_checked_either():
    figures = derive_month_figures(Decimal(50), Decimal(600), month=7, earlier=(4, Decimal(400)))
    assert (figures.completed_this_month, figures.cumulative_completed) == (50, 600)
    assert figures.note == (
        "5—6月未报送，无从核对本月与累计：本月完成50万元、1—7月累计600万元均按所填保存"
    )


def test_january_disagreeing_with_itself_is_a_disagreement():
    figures = derive_month_figures(Decimal(50), Decimal(80), month=1, earlier=None)
    assert figures.fault == (
        "本月完成50万元加此前累计0万元为50万元，与所填累计80万元不符，多出30万元，"
        "疑为开累（自开工累计），未导入（请核对两数）"
    )


def test_the_months_not_reported_before_a_month():
    assert unreported_months(1, None) == ""
    assert unreported_months(2, None) == "1月"
    assert unreported_months(6, None) == "1—5月"
    assert unreported_months(6, (5, Decimal(1))) == ""
    assert unreported_months(6, (4, Decimal(1))) == "5月"
    assert unreported_months(7, (4, Decimal(1))) == "5—6月"
