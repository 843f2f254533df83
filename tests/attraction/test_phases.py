"""A first phase built with no second phase (一期建成后不上后续项目, issue 14 "Land"): the later
phase's land of the same project supplied and still not started a full year after the first
phase was built, at the day boundaries; parcels of other projects or without phases never."""

from datetime import date
from decimal import Decimal

from guanmo.attraction.land import ParcelFacts
from guanmo.attraction.phases import first_phase_only

BUILT = date(2024, 6, 30)


def _parcels(**later) -> list[ParcelFacts]:
    first = ParcelFacts(
        "甲一期", Decimal(80), holder="某公司", supplied_on=date(2022, 3, 1),
        started_on=date(2022, 9, 1), phase=1, completed_on=BUILT, venture="lead:1",
    )  # fmt: skip
    second = ParcelFacts(
        "甲二期", Decimal(120), holder="某公司", supplied_on=date(2022, 3, 1), phase=2,
        venture="lead:1", **later,
    )  # fmt: skip
    return [first, second]


def test_the_later_phase_not_started_a_full_year_after_the_first_was_built():
    parcels = _parcels()

    assert first_phase_only(parcels, date(2025, 6, 29)) == []  # one year less a day
    (gap,) = first_phase_only(parcels, date(2025, 6, 30))  # one full year
    assert (gap.first.name, gap.waiting_area, gap.since) == ("甲一期", Decimal(120), BUILT)
    assert gap.text == "甲一期（某公司）一期于2024年6月30日建成，后续120亩用地至今未动工"


def test_a_later_phase_started_or_another_projects_parcel_is_no_gap():
    started = _parcels(started_on=date(2025, 3, 1))
    elsewhere = [
        _parcels()[0],
        ParcelFacts("乙二期", Decimal(50), supplied_on=date(2022, 1, 1), phase=2, venture="lead:2"),
    ]

    assert first_phase_only(started, date(2026, 1, 1)) == []
    assert first_phase_only(elsewhere, date(2026, 1, 1)) == []
