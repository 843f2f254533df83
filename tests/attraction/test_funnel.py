"""The funnel's arithmetic on hand-worked figures (issue 14): the base is the projects signed
in the period, each stage's rate is their share that reached it by the period's end, and a rate
without a base is None ("—"), never 0%."""

from datetime import date
from decimal import Decimal

import pytest

from guanmo.attraction.funnel import (
    Funnel,
    Period,
    conversion_days,
    funds_in_place,
    funds_known,
    funnel,
    funnels_by,
    is_lead_of,
)
from guanmo.attraction.stages import Stage
from tests.attraction.facts import lead

H1 = Period(2025, 6)


def test_period_runs_from_new_year_to_the_last_day_of_the_month():
    assert (H1.start, H1.end, H1.label) == (date(2025, 1, 1), date(2025, 6, 30), "2025年1—6月")
    assert Period(2024, 2).end == date(2024, 2, 29)
    with pytest.raises(ValueError, match="月份应为1至12"):
        Period(2025, 13)


def test_twelve_signed_five_started_is_a_start_rate_of_41_7():
    signed = [lead(f"签{n}", 签约="2025-02-01", investment="72083.3333") for n in range(7)]
    started = [lead(f"开{n}", 签约="2025-01-15", 开工="2025-05-20") for n in range(5)]

    figures = funnel([*signed, *started], H1)

    assert (figures.signed, figures.started) == (12, 5)
    assert figures.start_rate == Decimal("41.7")  # 5 ÷ 12 = 41.666…, half-up
    assert figures.contract_investment == Decimal("554583.3331")  # 7 × 72083.3333 + 5 × 10000


def test_each_stage_counts_what_was_reached_by_the_periods_end():
    leads = [
        lead("在谈", 洽谈="2025-01-05"),
        lead("签约", 洽谈="2025-01-05", 签约="2025-02-01"),
        lead("落地", 签约="2025-02-01", 落地="2025-03-01"),
        lead("开工", 签约="2025-02-01", 落地="2025-03-01", 开工="2025-04-01"),
        lead("投产", 签约="2025-01-10", 落地="2025-02-01", 开工="2025-03-01", 投产="2025-06-30"),
        lead(
            "七月达产", 签约="2025-01-10", 开工="2025-02-01", 投产="2025-03-01", 达产="2025-07-01"
        ),
    ]

    figures = funnel(leads, H1)

    # 6 leads, 5 signed; by 30 June 4 landed (开工 implies 落地), 3 started, 2 producing, none
    # at capacity (1 July is after the period).
    assert (figures.leads, figures.signed, figures.landed) == (6, 5, 4)
    assert (figures.started, figures.producing, figures.at_capacity) == (3, 2, 0)
    assert figures.signing_rate == Decimal("83.3")  # 5 ÷ 6
    assert figures.fulfilment_rate == Decimal("80.0")  # 4 ÷ 5
    assert figures.start_rate == Decimal("60.0")
    assert figures.production_rate == Decimal("40.0")
    assert figures.capacity_rate == Decimal("0.0")  # a base of 5: zero is a real 0.0%
    assert [rate for _, _, rate in figures.conversions()] == [
        Decimal("83.3"),  # 洽谈→签约 5 ÷ 6
        Decimal("80.0"),  # 签约→落地 4 ÷ 5
        Decimal("75.0"),  # 落地→开工 3 ÷ 4
        Decimal("66.7"),  # 开工→投产 2 ÷ 3
        Decimal("0.0"),  # 投产→达产 0 ÷ 2
    ]


def test_no_project_signed_gives_no_rates_rather_than_zero():
    figures = funnel([lead("在谈", 洽谈="2025-03-01")], H1)

    assert (figures.leads, figures.signed) == (1, 0)
    assert figures.signing_rate == Decimal("0.0")
    assert figures.fulfilment_rate is None
    assert figures.start_rate is None
    assert figures.production_rate is None
    assert figures.capacity_rate is None
    assert figures.funds_rate is None
    assert [rate for *_, rate in figures.conversions()] == [Decimal("0.0"), None, None, None, None]


def test_an_empty_scope_has_every_rate_undefined():
    figures = funnel([], H1)

    assert figures == Funnel()
    assert figures.signing_rate is None
    assert figures.funds_rate is None


def test_projects_signed_before_the_period_are_not_in_its_base():
    leads = [
        lead("去年签约", 签约="2024-11-01", 开工="2025-03-01"),
        lead("七月签约", 签约="2025-07-01"),
        lead("今年签约", 签约="2025-06-30"),
    ]

    figures = funnel(leads, H1)

    assert (figures.leads, figures.signed, figures.started) == (1, 1, 0)


def test_the_periods_leads_are_those_under_negotiation_in_it():
    assert is_lead_of(lead(洽谈="2024-10-01"), H1)  # still in talks
    assert is_lead_of(lead(洽谈="2024-10-01", 签约="2025-01-01"), H1)
    assert not is_lead_of(lead(洽谈="2024-10-01", 签约="2024-12-31"), H1)  # signed before
    assert not is_lead_of(lead(洽谈="2025-07-01"), H1)  # talks begun after
    assert not is_lead_of(lead(洽谈="2024-10-01", dropped="2024-12-31"), H1)
    assert is_lead_of(lead(洽谈="2024-10-01", dropped="2025-01-01"), H1)
    assert is_lead_of(lead(register_year=2025), H1)  # no date: open from 1 January
    assert not is_lead_of(lead(register_year=2026), H1)
    assert not is_lead_of(lead(), H1)  # neither a date nor a register year
    signed_in_february = lead(register_year=2025, 签约="2025-02-01")
    assert is_lead_of(signed_in_february, Period(2025, 1))  # open from 1 January
    assert is_lead_of(lead(签约="2025-02-01"), H1)  # no register year: open by its signing
    assert not is_lead_of(lead(签约="2025-02-01"), Period(2025, 1))


def test_funds_rate_is_funds_in_place_by_the_periods_end_over_contract_investment():
    leads = [
        lead(
            "甲",
            签约="2025-01-10",
            investment="30000",
            funds=((2025, 3, "5000"), (2025, 6, "9000")),
        ),
        lead("乙", 签约="2025-02-10", investment="10000", funds=((2025, 7, "4000"),)),
        lead("丙", 签约="2025-02-10", investment="20000"),
    ]

    figures = funnel(leads, H1)

    assert figures.contract_investment == Decimal("60000")
    # 乙's first report is for July and 丙 has none: both unknown for 1—6月, out of both sides
    # of the rate (tryout 22; tryout 32: 丙 had counted 0, 乙 unknown, for the same blank).
    assert figures.funds_in_place == Decimal("9000")
    assert (figures.funds_unrecorded, figures.funds_contract) == (2, Decimal("30000"))
    assert figures.funds_rate == Decimal("30.0")  # 9000 ÷ 30000
    assert funds_in_place(leads[0], date(2025, 5, 31)) == Decimal("5000")


def test_funds_before_the_first_record_are_unknown_not_zero():
    """Tryout 22: funds given as of October showed 到位资金0.0亿元、资金到位率0.0% for 1—6月."""
    leads = [
        lead("甲", 签约="2025-01-10", investment="30000", funds=((2025, 10, "30000"),)),
        lead("乙", 签约="2025-02-10", investment="10000", funds=((2025, 10, "4000"),)),
    ]

    june, october = funnel(leads, H1), funnel(leads, Period(2025, 10))

    assert (june.funds_in_place, june.funds_rate, june.funds_unrecorded) == (None, None, 2)
    assert (october.funds_in_place, october.funds_rate) == (Decimal("34000"), Decimal("85.0"))
    assert october.funds_unrecorded == 0


def test_a_later_months_funds_leave_a_closed_period_unchanged():
    """Tryout 32: 壬's December funds turned 1—11月's 45.9% into 46.5%: a lead's funds as of
    the period's end are known iff it has a record for a month up to the period's last; a
    record of 0 is a record, a later one changes nothing."""
    before = [
        lead("甲", 签约="2025-01-10", investment="30000", funds=((2025, 6, "9000"),)),
        lead("乙", 签约="2025-02-10", investment="10000", funds=((2025, 5, "0"),)),
        lead("壬", 签约="2025-03-10", investment="5000"),
    ]
    after = [*before[:2], lead("壬", 签约="2025-03-10", investment="5000",
                                funds=((2025, 12, "1500"),))]  # fmt: skip

    closed = funnel(before, Period(2025, 11))

    assert closed == funnel(after, Period(2025, 11))
    assert (closed.funds_in_place, closed.funds_unrecorded) == (Decimal("9000"), 1)
    assert (closed.funds_contract, closed.funds_rate) == (Decimal("40000"), Decimal("22.5"))
    assert funds_known(before[2], date(2025, 11, 30)) is None
    assert funds_known(before[1], date(2025, 11, 30)) == Decimal(0)


def test_contract_investment_of_zero_gives_no_funds_rate():
    figures = funnel([lead(签约="2025-01-10", investment="0", funds=((2025, 2, "10"),))], H1)

    assert figures.funds_rate is None


def test_funnels_by_unit_count_a_park_project_in_its_county_and_its_park():
    leads = [
        lead("园区项目", units=("武陟县", "武陟产业集聚区"), 签约="2025-02-01", 开工="2025-04-01"),
        lead("县城项目", units=("武陟县",), 签约="2025-03-01"),
        lead("温县项目", units=("温县",), 签约="2025-03-01"),
    ]

    rows = dict(funnels_by(leads, H1, lambda each: each.units, ["武陟县", "温县", "修武县"]))

    assert (rows["武陟县"].signed, rows["武陟县"].started) == (2, 1)
    assert rows["武陟县"].start_rate == Decimal("50.0")
    assert rows["武陟产业集聚区"].signed == 1
    assert rows["温县"].start_rate == Decimal("0.0")
    assert rows["修武县"].signed == 0 and rows["修武县"].start_rate is None
    names = [name for name, _ in funnels_by(leads, H1, lambda each: each.units, ["温县"])]
    assert names == ["温县", "武陟产业集聚区", "武陟县"]


def test_conversion_days_average_the_projects_with_both_dates_given():
    leads = [
        lead("甲", 洽谈="2025-01-01", 签约="2025-01-31", 落地="2025-03-01"),  # 30, 29 days
        lead("乙", 洽谈="2025-01-01", 签约="2025-01-11", 开工="2025-02-01"),  # 10; no 落地 date
        lead("丙", 签约="2025-02-01", 落地="2025-02-11", 开工="2025-07-01"),  # 10; 开工 after
    ]

    days = {(before, after): (mean, n) for before, after, mean, n in conversion_days(leads, H1)}

    assert days[Stage.NEGOTIATING, Stage.SIGNED] == (Decimal("20.0"), 2)
    assert days[Stage.SIGNED, Stage.LANDED] == (Decimal("19.5"), 2)  # (29 + 10) ÷ 2
    assert days[Stage.LANDED, Stage.STARTED] == (None, 0)
