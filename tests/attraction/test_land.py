"""Land figures on hand-worked parcels: idle land at its day boundaries (one year less a day,
one year, two years), investment intensity against the park's standard, a park's land."""

from datetime import date
from decimal import Decimal
from decimal import Decimal as D

import pytest

from guanmo.attraction.land import (
    IDLE_ONE_YEAR,
    IDLE_TWO_YEARS,
    NOT_IDLE,
    ParcelFacts,
    against_standard,
    idle_parcels,
    idle_step,
    park_land,
    per_mu,
    per_mu_note,
)

SUPPLIED = ParcelFacts("一号地块", Decimal("100"), supplied_on=date(2024, 3, 1))


@pytest.mark.parametrize(
    ("day", "step"),
    [
        (date(2025, 2, 28), NOT_IDLE),  # one year less a day
        (date(2025, 3, 1), IDLE_ONE_YEAR),  # one full year
        (date(2026, 2, 28), IDLE_ONE_YEAR),  # two years less a day
        (date(2026, 3, 1), IDLE_TWO_YEARS),  # two full years
        (date(2030, 1, 1), IDLE_TWO_YEARS),
    ],
)
def test_land_not_started_is_idle_from_one_full_year_and_two(day, step):
    assert idle_step(SUPPLIED, day) == step


def test_the_agreed_start_date_counts_before_the_supply_date():
    parcel = ParcelFacts(
        "二号地块", Decimal("50"), supplied_on=date(2024, 3, 1), agreed_start_on=date(2024, 9, 1)
    )

    assert idle_step(parcel, date(2025, 8, 31)) == NOT_IDLE
    assert idle_step(parcel, date(2025, 9, 1)) == IDLE_ONE_YEAR


def test_land_started_or_not_yet_supplied_is_never_idle():
    started = ParcelFacts(
        "三号", Decimal("10"), supplied_on=date(2020, 1, 1), started_on=date(2021, 6, 1)
    )

    assert idle_step(started, date(2025, 1, 1)) == NOT_IDLE
    assert idle_step(started, date(2021, 5, 31)) == IDLE_ONE_YEAR  # before it started
    assert idle_step(SUPPLIED, date(2024, 2, 1)) == NOT_IDLE
    assert idle_step(ParcelFacts("无日期", Decimal("1")), date(2025, 1, 1)) == NOT_IDLE


LEAP_DAY = ParcelFacts(
    "闰日地块", Decimal("20"), supplied_on=date(2023, 5, 1), agreed_start_on=date(2024, 2, 29)
)


@pytest.mark.parametrize(
    ("day", "step"),
    [
        (date(2025, 2, 27), NOT_IDLE),  # one year less a day
        # No 29 February in 2025: the year ends on the month's last day (民法典第二百零三条).
        (date(2025, 2, 28), IDLE_ONE_YEAR),
        (date(2026, 2, 27), IDLE_ONE_YEAR),  # two years less a day
        (date(2026, 2, 28), IDLE_TWO_YEARS),
    ],
)
def test_land_due_to_start_on_a_leap_day_is_idle_on_the_last_day_of_february(day, step):
    assert idle_step(LEAP_DAY, day) == step


@pytest.mark.parametrize(
    ("day", "step"),
    [
        (date(2024, 2, 28), NOT_IDLE),  # a leap year: 29 February is the last day short
        (date(2024, 2, 29), NOT_IDLE),
        (date(2024, 3, 1), IDLE_ONE_YEAR),
        (date(2025, 2, 28), IDLE_ONE_YEAR),
        (date(2025, 3, 1), IDLE_TWO_YEARS),
    ],
)
def test_a_year_across_a_leap_day_is_still_a_calendar_year(day, step):
    parcel = ParcelFacts("跨闰年", Decimal("5"), supplied_on=date(2023, 3, 1))

    assert idle_step(parcel, day) == step


def test_the_two_steps_are_told_apart_in_a_parks_land():
    """On 30 June 2025: 甲 idle since 1 March 2024 (one year, a fee), 乙 since 1 January 2023
    (two years, taken back): 30 亩 and 12 亩, 42 亩 idle in all, never the same figure twice."""
    parcels = [
        ParcelFacts("甲", Decimal("30"), supplied_on=date(2024, 3, 1)),
        ParcelFacts("乙", Decimal("12"), supplied_on=date(2023, 1, 1)),
    ]

    land = park_land(parcels, date(2025, 6, 30))

    assert (land.idle_one_year, land.to_take_back, land.idle) == (
        Decimal("30"),
        Decimal("12"),
        Decimal("42"),
    )


def test_investment_intensity_is_investment_per_mu_against_the_standard():
    parcel = ParcelFacts(
        "四号", Decimal("30"), investment=Decimal("9000"), plot_ratio=Decimal("0.8")
    )

    check = against_standard(parcel, Decimal("300"), Decimal("1.0"))

    assert check.intensity == Decimal("300.00")
    assert check.intensity_met is True  # equal to the standard meets it
    assert check.plot_ratio_met is False
    assert against_standard(parcel, None, None).intensity_met is None
    assert per_mu(Decimal("1000"), Decimal("3")) == Decimal("333.33")
    assert per_mu(Decimal("1000"), Decimal("0")) is None
    assert per_mu(None, Decimal("3")) is None


def test_a_parks_land_in_use_idle_and_per_mu():
    parcels = [
        ParcelFacts("甲", Decimal("100"), supplied_on=date(2022, 1, 1), started_on=date(2022, 6, 1),
                    investment=Decimal("30000"), tax=Decimal("1200")),
        ParcelFacts("乙", Decimal("40"), supplied_on=date(2023, 3, 1), investment=Decimal("2000")),
        ParcelFacts("丙", Decimal("60"), supplied_on=date(2024, 7, 1)),
        ParcelFacts("丁", Decimal("25"), supplied_on=date(2025, 8, 1)),  # after the day
    ]  # fmt: skip

    land = park_land(parcels, date(2025, 6, 30))

    assert (land.supplied, land.in_use) == (Decimal("200"), Decimal("100"))
    assert (land.idle_one_year, land.to_take_back) == (Decimal("0"), Decimal("40"))  # 丙 < 1 year
    assert land.idle == Decimal("40")
    assert land.investment_per_mu == Decimal("228.57")  # 32000 ÷ 140 (甲 and 乙 carry it)
    assert land.tax_per_mu == Decimal("12.00")  # 1200 ÷ 100 (甲 alone)
    assert park_land([], date(2025, 6, 30)).investment_per_mu is None


def test_idle_parcels_are_listed_the_longest_idle_first():
    parcels = [
        ParcelFacts("甲", Decimal("12.50"), holder="某公司", supplied_on=date(2024, 3, 1)),
        ParcelFacts("乙", Decimal("8"), supplied_on=date(2022, 1, 1)),
        ParcelFacts("丙", Decimal("8"), supplied_on=date(2025, 1, 1)),
    ]

    found = idle_parcels(parcels, date(2025, 6, 30))

    assert [(idle.parcel.name, idle.step) for idle in found] == [("乙", 2), ("甲", 1)]
    assert found[1].text == "甲（某公司）12.5亩闲置满一年不满两年"


# Tryout 13: 44 parcels, 6011 亩 supplied; 19 carry investment (764,000万元 on 1,200 亩), 4 carry
# tax (120万元 on 90 亩). Dividing by every 亩 supplied gave 127.10 and 0.02; the figure is over
# the land of the parcels that carry it, and the base is said.
def _tryout_parcels() -> list[ParcelFacts]:
    day = date(2024, 1, 1)
    invested = [
        ParcelFacts(f"投{n}", D(60), supplied_on=day, investment=D(40000)) for n in range(18)
    ]
    invested.append(ParcelFacts("投18", D(120), supplied_on=day, investment=D(44000)))
    # 18 × 60 + 120 = 1200 亩; 18 × 40000 + 44000 = 764000 万元
    taxed = [
        ParcelFacts(f"税{n}", D(area), supplied_on=day, tax=D(tax))
        for n, (area, tax) in enumerate([(30, 40), (30, 40), (15, 20), (15, 20)])
    ]
    # 30 + 30 + 15 + 15 = 90 亩; 40 + 40 + 20 + 20 = 120 万元
    bare = [ParcelFacts(f"空{n}", D(220), supplied_on=day) for n in range(20)]
    bare.append(ParcelFacts("空20", D(321), supplied_on=day))  # 20 × 220 + 321 = 4721 亩
    return [*invested, *taxed, *bare]  # fmt: skip  # fmt: skip


def test_per_mu_is_over_the_land_of_the_parcels_that_carry_the_figure():
    land = park_land(_tryout_parcels(), date(2025, 11, 30))

    assert land.supplied == Decimal(6011)
    assert land.investment_per_mu == Decimal("636.67")  # 764000 ÷ 1200, not ÷ 6011 (127.10)
    assert land.tax_per_mu == Decimal("1.33")  # 120 ÷ 90, not ÷ 6011 (0.02)
    assert (land.investment_base.parcels, land.investment_base.area) == (19, Decimal(1200))
    assert (land.tax_base.parcels, land.tax_base.area) == (4, Decimal(90))
    assert land.supplied_parcels == 44
    assert per_mu_note("全市", land) == (
        "全市亩均投资按有投资数据的19宗地、1200亩计算，亩均税收按有税收数据的4宗地、90亩计算"
    )


def test_per_mu_over_every_parcel_needs_no_note_and_none_is_undefined():
    day = date(2025, 11, 30)
    full = park_land(
        [ParcelFacts("甲", Decimal(10), supplied_on=date(2024, 1, 1), investment=Decimal(100),
                     tax=Decimal(5))], day
    )  # fmt: skip
    assert full.per_mu == (Decimal("10.00"), Decimal("0.50"))
    assert per_mu_note("甲园区", full) is None
    bare = park_land([ParcelFacts("乙", Decimal(10), supplied_on=date(2024, 1, 1))], day)
    assert bare.per_mu == (None, None)
    assert (bare.investment_base.parcels, bare.tax_base.area) == (0, Decimal(0))
    assert per_mu_note("乙园区", bare) is None  # "—" says it: no figure at all


def test_a_parcel_with_a_figure_but_not_yet_supplied_is_not_in_the_base():
    parcels = [
        ParcelFacts("甲", Decimal(10), supplied_on=date(2024, 1, 1), investment=Decimal(100)),
        ParcelFacts("乙", Decimal(30), supplied_on=date(2026, 1, 1), investment=Decimal(900)),
        ParcelFacts("丙", Decimal(10), supplied_on=date(2024, 1, 1)),
    ]
    land = park_land(parcels, date(2025, 11, 30))
    assert land.investment_per_mu == Decimal("10.00")
    assert per_mu_note("全市", land) == "全市亩均投资按有投资数据的1宗地、10亩计算"


def test_areas_in_sentences_are_shown_as_the_tables_show_them():
    """Tryout 22: 50.0025亩 and 530.005亩 in sentences beside 50.00 and 530.01 in the table."""
    from guanmo.attraction.land import IDLE_ONE_YEAR, IdleParcel, ParcelFacts, PerMuBase, base_note

    idle = IdleParcel(ParcelFacts("后续地块", Decimal("50.0025")), IDLE_ONE_YEAR, date(2024, 1, 1))
    land = park_land(
        [ParcelFacts("甲", Decimal(1), supplied_on=date(2024, 1, 1))] * 5, date(2025, 1, 1)
    )

    assert idle.text == "后续地块50亩闲置满一年不满两年"
    assert (
        base_note("投资", PerMuBase(4, Decimal("530.005")), land)
        == "按有投资数据的4宗地、530.01亩计算"
    )
