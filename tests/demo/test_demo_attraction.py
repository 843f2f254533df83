"""The demo city's attraction register: about 120 leads of the year with a realistic fall-off
between stages, sources from the regions 招商 bulletins count, started leads in the ledger, and
land with some of it idle (issue 14, "Done when")."""

from datetime import date

import pytest

from guanmo.attraction.models import Lead, Parcel, ParkFigures, StageDate
from guanmo.attraction.report import build_report
from guanmo.demo.attraction import create_demo_attraction
from guanmo.demo.city import CENTRES, CITY_CODE, TODAY, YEAR, ZONES
from guanmo.documents.official import chinese_date
from guanmo.regions.services import init_city


@pytest.fixture
def demo_attraction(db, settings):
    settings.GUANMO_TODAY = TODAY
    city = init_city(CITY_CODE, ZONES)
    return city, create_demo_attraction(city, seed=2025)


def test_a_year_of_leads_falls_off_stage_by_stage(demo_attraction):
    city, _summary = demo_attraction

    report = build_report(city, YEAR, 11)
    whole = dict(report.funnel)["全市"]

    assert Lead.objects.filter(city=city, register_year=YEAR).count() == 120
    assert 100 <= whole.leads <= 132
    counts = [whole.signed, whole.landed, whole.started, whole.producing, whole.at_capacity]
    assert counts == sorted(counts, reverse=True) and counts[0] < whole.leads
    assert 40 <= whole.signed <= 90 and whole.started >= 10 and whole.at_capacity <= whole.started
    assert 0 < whole.funds_in_place < whole.contract_investment
    assert report.sentences[0].startswith(f"{YEAR}年1—11月，全市新增签约项目{whole.signed}个")


def test_sources_groups_and_the_ledger_link_are_there(demo_attraction):
    city, summary = demo_attraction

    report = build_report(city, YEAR, 11)

    groups = dict(report.by_source_group)
    assert all(groups[name].leads > 0 for name in ("京津冀", "长三角", "珠三角"))
    assert "境外" in dict(report.by_source)
    assert summary.started == Lead.objects.filter(city=city, project__isnull=False).count() > 10
    assert report.idle_land and report.land[0][1].supplied > 0
    whole = report.land[0][1]
    assert whole.idle_one_year > 0 and whole.to_take_back > 0  # both steps of the rules


def test_the_demo_register_is_the_same_for_the_same_seed(demo_attraction):
    city, first = demo_attraction

    again = create_demo_attraction(city, seed=2025)

    assert again == first


def test_the_parks_have_a_year_of_believable_figures(demo_attraction):
    city, _summary = demo_attraction

    report = build_report(city, YEAR, 11)

    assert [facts.name for facts, _ in report.parks] == list(ZONES)
    for facts, standing in report.parks:
        assert 50 <= standing.leading_share <= 80 and standing.vs_target < 0
        assert 0 < facts.built_area < facts.planned_area
        assert facts.high_tech_enterprises < facts.enterprises_above_size < facts.employees
    months = ParkFigures.objects.filter(park__name=ZONES[0], year=YEAR).order_by("month")
    assert [row.month for row in months] == list(range(1, TODAY.month))
    revenues = [row.revenue for row in months]
    assert revenues == sorted(revenues) and revenues[0] < revenues[-1] / 10


def test_parcels_lie_near_their_park_and_the_unsurveyed_are_left_unplaced(demo_attraction):
    city, _summary = demo_attraction

    placed = Parcel.objects.filter(city=city, latitude__isnull=False).select_related(
        "park", "county"
    )
    assert placed.count() >= 20
    for parcel in placed:
        latitude, longitude = CENTRES[(parcel.park or parcel.county).name]
        assert abs(float(parcel.latitude) - latitude) <= 0.03
        assert abs(float(parcel.longitude) - longitude) <= 0.03
    assert Parcel.objects.filter(city=city, latitude__isnull=True).count() == 1


def test_parcel_names_are_numbers_with_their_units_whole_name_not_their_state(demo_attraction):
    """A parcel's name is its number (宗地编号): its unit as tables print it, never a park cut
    short (焦作高新技术产业开发区, not …开发), and no state such as 闲置, which changes."""
    city, _summary = demo_attraction

    for parcel in Parcel.objects.filter(city=city).select_related("county", "park"):
        assert "闲置" not in parcel.name
        units = [unit for unit in (parcel.county, parcel.park) if unit is not None]
        assert any(
            parcel.name.startswith(unit.name if unit.kind == "zone" else unit.short_name)
            for unit in units
        ), parcel.name
        assert not any(
            unit.kind == "zone"
            and parcel.name.startswith(unit.name[:-1])
            and not parcel.name.startswith(unit.name)
            for unit in units
        ), parcel.name


def test_some_of_the_years_signings_reached_production_and_full_output(demo_attraction):
    """A new user sees every stage filled: a few 2025 signings went on to 投产 and 达产, dated
    on or before the demo's today (tryout 13: none reached 投产, every rate read 0.0%)."""
    city, _summary = demo_attraction

    whole = dict(build_report(city, YEAR, 11).funnel)["全市"]

    assert whole.producing >= 3 and whole.at_capacity >= 2
    reached = StageDate.objects.filter(
        lead__city=city, stage__in=["投产", "达产"], reached__range=(date(YEAR, 1, 1), TODAY)
    )
    by_november = [row for row in reached if row.reached <= date(YEAR, 11, 30)]
    assert len(by_november) >= whole.producing + whole.at_capacity
    assert all(row.planned for row in reached)


def test_one_lead_was_dropped_with_its_reason_in_its_history(demo_attraction):
    city, _summary = demo_attraction

    (dropped,) = Lead.objects.filter(city=city, dropped_on__isnull=False)

    assert dropped.dropped_on.year == YEAR and not dropped.stages.filter(stage="签约").exists()
    change = dropped.changes.get(field="终止洽谈日期")
    assert change.new_value == chinese_date(dropped.dropped_on) and "终止洽谈" in change.reason
    assert change.at.date() == dropped.dropped_on


def test_parcels_in_production_pay_tax_and_the_parks_show_tax_per_mu(demo_attraction):
    city, _summary = demo_attraction

    taxed = Parcel.objects.filter(city=city, tax__gt=0)

    assert taxed.count() >= 3
    assert all(parcel.started_on and parcel.investment for parcel in taxed)
    whole = build_report(city, YEAR, 11).land[0][1]
    assert whole.tax_per_mu is not None and whole.tax_per_mu > 0


def test_a_parks_firm_built_its_first_phase_and_never_began_the_second(demo_attraction):
    """一期建成后不上后续项目 shows in the demo (tryout 13: shown nowhere)."""
    city, _summary = demo_attraction

    report = build_report(city, YEAR, 11)

    (gap,) = report.first_phase_only
    assert gap.first.holder == "焦作恒瑞重型机械有限公司" and gap.first.units == (ZONES[0],)
    assert gap.waiting_area == 140 and gap.since.year == YEAR - 2
    assert gap.waiting[0].name in {idle.parcel.name for idle in report.idle_land}
