from decimal import Decimal

from guanmo.ledger.models import KeyListEntry
from guanmo.progress.selectors import progress_report_for, region_totals, summed_money


def _by_region(city, month, level=None):
    return {t.region: t for t in region_totals(city, 2025, month, level)}


def test_every_county_and_zone_is_listed_even_without_projects(city, add_project):
    add_project("武陟县", "1000", {4: "400"})

    totals = _by_region(city, 4)

    assert len(totals) == 11
    assert totals["武陟县"].projects == 1
    assert totals["城乡一体化示范区"].projects == 0
    assert totals["城乡一体化示范区"].annual_plan == Decimal(0)


def test_county_totals_sum_plans_and_the_months_cumulative_figures(city, add_project):
    add_project("武陟县", "1000", {3: "250", 4: "400"})
    add_project("武陟县", "500.5", {4: "100.25"})
    add_project("温县", "800", {4: "200"})

    wuzhi = _by_region(city, 4)["武陟县"]

    assert (wuzhi.projects, wuzhi.annual_plan, wuzhi.completed) == (
        2,
        Decimal("1500.5"),
        Decimal("500.25"),
    )
    assert _by_region(city, 3)["武陟县"].completed == Decimal("250")


def test_a_project_missing_the_month_counts_its_latest_figure_and_is_named(city, add_project):
    add_project("温县", "1000", {2: "150", 3: "300"}, name="温县物流园项目")
    add_project("温县", "1000", {4: "500"}, name="温县医院项目")

    report = progress_report_for(city, 2025, 4)

    wen = next(f for f in report.regions if f.region == "温县")
    assert wen.completed == Decimal("800")
    assert [(p.region, p.name) for p in report.unreported] == [("温县", "温县物流园项目")]
    assert report.sentences[-1] == "4月未报送进度的项目有1个：温县物流园项目。"


def test_later_months_do_not_leak_into_an_earlier_report(city, add_project):
    add_project("温县", "1000", {5: "500"})
    assert _by_region(city, 4)["温县"].completed == Decimal(0)


def test_level_filter_and_a_project_on_two_lists_counted_once(city, add_project):
    add_project("孟州市", "1000", {4: "400"}, levels=("省", "市"))
    add_project("孟州市", "1000", {4: "100"}, levels=("县",))

    assert _by_region(city, 4)["孟州市"].projects == 2
    assert _by_region(city, 4, "市")["孟州市"].projects == 1
    assert _by_region(city, 4, "省")["孟州市"].completed == Decimal("400")
    assert KeyListEntry.objects.count() == 3


def test_other_years_key_lists_are_not_counted(city, add_project):
    add_project("修武县", "1000", {4: "400"}, year=2024)
    assert _by_region(city, 4)["修武县"].projects == 0


def test_report_ranks_counties_and_leaves_unplanned_ones_unranked(city, add_project):
    add_project("武陟县", "1000", {4: "500"})
    add_project("温县", "1000", {4: "500"})
    add_project("孟州市", "1000", {4: "200"})

    report = progress_report_for(city, 2025, 4, "市")

    ranked = [(f.region, f.completion_rate, f.rank) for f in report.regions[:3]]
    assert ranked == [
        ("武陟县", Decimal("50.0"), 1),
        ("温县", Decimal("50.0"), 1),
        ("孟州市", Decimal("20.0"), 3),
    ]
    assert all(f.rank is None for f in report.regions[3:])
    assert report.headline == (
        "1—4月，3个市重点项目完成投资0.1亿元，占年度计划的40.0%，超时间进度6.7个百分点。"
    )


def test_project_lines_carry_each_projects_rate(city, add_project):
    add_project("武陟县", "1000", {4: "375"}, name="武陟县甲项目")
    add_project("武陟县", None, {4: "10"}, name="武陟县乙项目")

    report = progress_report_for(city, 2025, 4, with_projects=True)

    lines = {line.name: line for line in report.projects}
    assert lines["武陟县甲项目"].completion_rate == Decimal("37.5")
    assert lines["武陟县乙项目"].annual_plan is None
    assert lines["武陟县乙项目"].completion_rate is None


def test_money_sums_are_exact_on_every_database(db):
    # What SQLite's float SUM gives for 587970.48, and what PostgreSQL gives.
    assert summed_money(Decimal("587970.479999999")) == Decimal("587970.4800")
    assert summed_money(Decimal("7181373.13000001")) == Decimal("7181373.1300")
    assert summed_money(Decimal("12.3456")) == Decimal("12.3456")
    assert summed_money(None) == Decimal(0)


def test_a_city_level_project_is_in_the_city_total_but_not_ranked(city, add_project):
    add_project("武陟县", "1000", {4: "400"})
    add_project("温县", "1000", {4: "300"})
    own = add_project("温县", "2000", {4: "1500"}, name="市中心医院新院区二期")
    own.county = city  # 市直: the city's own project
    own.save()

    report = progress_report_for(city, 2025, 4)

    assert (report.total.projects, report.total.completed) == (3, Decimal("2200"))
    city_level = report.regions[-1]
    assert (city_level.region, city_level.projects, city_level.rank) == ("市本级", 1, None)
    assert city_level.completion_rate == Decimal("75.0")  # listed with its figures
    ranked = [(f.region, f.rank) for f in report.regions if f.rank]
    assert ranked == [("武陟县", 1), ("温县", 2)]
    assert not any("市本级" in sentence for sentence in report.sentences[:-1])


def test_a_city_level_project_not_reporting_is_named_once(city, add_project):
    add_project("武陟县", "1000", {4: "400"})
    own = add_project("温县", "2000", {3: "1500"}, name="焦作市城市快速路")
    own.county = city
    own.save()

    report = progress_report_for(city, 2025, 4)

    assert [(p.unit, p.name) for p in report.unreported] == [("市本级", "焦作市城市快速路")]
    assert report.sentences[-1] == "4月未报送进度的项目有1个：焦作市城市快速路。"


def test_a_project_in_two_counties_counts_once_for_its_lead_county(city, add_project):
    shared = add_project("武陟县", "1000", {4: "400"}, name="沁河治理工程")
    shared.other_counties.add(city.children.get(name="温县"))

    totals = _by_region(city, 4)

    assert (totals["武陟县"].projects, totals["温县"].projects) == (1, 0)
