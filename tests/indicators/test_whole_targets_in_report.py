"""The city's own targets (the 全市 row of import-targets) are in the city's main report: a
sentence and a row of the targets table, before the counties' (tryout 26 item 6: they showed
only under --group 全省18个省辖市). 未实现“双过半” still names the counties only."""

from decimal import Decimal

from guanmo.indicators.report import build_report
from guanmo.indicators.report_output import as_text
from guanmo.indicators.services import Source, TargetInput, ValueInput, set_targets, store_values
from tests.indicators.pages import indicator_city
from tests.world import YEAR


def test_the_citys_own_target_is_said_and_listed_in_its_report(world):
    figures = indicator_city(world)
    store_values(
        figures.investment,
        YEAR,
        5,
        [ValueInput(world.city, Decimal(1055), Decimal(1000))],
        source=Source.IMPORT,
        user=None,
    )
    set_targets(
        figures.investment,
        YEAR,
        [TargetInput(world.city, amount=Decimal(2110)), TargetInput(world.wuzhi, Decimal(300))],
    )

    report = build_report(world.city, YEAR, 5)

    city = world.city.name
    assert [(t.region, t.indicator.name) for t in report.targets][:2] == [
        (city, "固定资产投资"),
        ("武陟县", "固定资产投资"),
    ]
    assert f"{city}固定资产投资完成1055.0亿元，占全年目标任务的50.0%" in "".join(report.sentences)
    rows = [line.split("\t") for line in as_text(report).splitlines()]
    assert [city, "固定资产投资", "2110.0亿元"] in [row[:3] for row in rows]


TOWNS = ["城关镇", "周庄镇"]


def _county_with_towns_entered(month: int):
    """修武县 at the top (init-county) with its two towns' 固定资产投资 and 一般公共预算收入 of
    `month` and last year's, none stored for 修武县 itself (entered on the web by town)."""
    from guanmo.accounts.models import Department
    from guanmo.indicators.models import Indicator
    from guanmo.indicators.services import install_city_peer_group, install_indicator_catalogue
    from guanmo.regions.services import init_county

    county = init_county("410821", TOWNS)
    Department.objects.create(city=county, name="县统计局")
    install_indicator_catalogue(county)
    install_city_peer_group(county)
    chengguan, zhouzhuang = county.children.order_by("sort_order", "code")
    investment = Indicator.objects.get(city=county, name="固定资产投资")
    revenue = Indicator.objects.get(city=county, name="一般公共预算收入")
    for indicator, figures in (
        (investment, [(chengguan, "120.0", "100.0"), (zhouzhuang, "92.4", "89.0")]),
        (revenue, [(chengguan, "1.10", "1.00"), (zhouzhuang, "0.98", "0.92")]),
    ):
        store_values(
            indicator,
            2025,
            month,
            [ValueInput(town, Decimal(value), Decimal(last)) for town, value, last in figures],
            source=Source.IMPORT,
            user=None,
        )
    return county, investment, revenue


def test_a_county_installs_own_targets_are_judged_on_its_towns_total(db):
    county, investment, revenue = _county_with_towns_entered(9)
    set_targets(investment, 2025, [TargetInput(county, amount=Decimal("300.0"))])
    set_targets(revenue, 2025, [TargetInput(county, growth=Decimal("8"))])

    report = build_report(county, 2025, 9)

    own = {t.indicator.name: t.standing for t in report.targets if t.region == "修武县"}
    assert own["固定资产投资"].done == Decimal("212.4")  # 120.0 + 92.4
    assert own["固定资产投资"].completion_rate == Decimal("70.8")
    assert own["固定资产投资"].vs_pace == Decimal("-4.2")  # 70.8 − 75.0
    assert own["一般公共预算收入"].growth == Decimal("8.3")  # 2.08 / 1.92
    said = "".join(report.sentences)
    assert "修武县固定资产投资完成212.4亿元，占全年目标任务的70.8%" in said
    rows = [line.split("\t") for line in as_text(report).splitlines()]
    own_row = ["修武县", "固定资产投资", "300.0亿元", "212.4亿元", "70.8%", "-4.2"]
    assert own_row in [[r[i] for i in (0, 1, 2, 4, 5, 6)] for r in rows if len(r) > 6]


def test_a_county_installs_own_growth_target_is_judged_for_both_over_half(db):
    county, _investment, revenue = _county_with_towns_entered(6)
    set_targets(revenue, 2025, [TargetInput(county, growth=Decimal("10"))])

    report = build_report(county, 2025, 6)

    (own,) = [t.standing for t in report.targets if t.region == "修武县"]
    assert (own.growth, own.both_over_half) == (Decimal("8.3"), False)
