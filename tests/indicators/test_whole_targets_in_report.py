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
