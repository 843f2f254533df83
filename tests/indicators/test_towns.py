"""Indicators with towns as units: a county at the top ranks its towns (全县), a city follows a
task down to the towns of one county (脱贫人口 by town, 居全县第N位)."""

import json
from decimal import Decimal as D

import pytest

from guanmo.accounts.models import Department
from guanmo.indicators.models import Indicator, IndicatorValue, Target
from guanmo.indicators.report import build_report
from guanmo.indicators.report_output import (
    TARGET_HEADERS,
    as_json,
    headers,
    table_title,
    target_rows,
    text_rows,
)
from guanmo.indicators.services import (
    Source,
    TargetInput,
    ValueInput,
    add_to_peer_group,
    install_city_peer_group,
    install_indicator_catalogue,
    set_targets,
    store_values,
)
from guanmo.indicators.sheet_import import import_indicators
from guanmo.indicators.target_import import import_targets
from guanmo.regions.services import add_towns, init_county
from tests.indicators.sheets import bulletin, write
from tests.sheets.files import Drawn, to_xlsx

pytestmark = pytest.mark.django_db

TOWNS = ["木城街道", "大封镇", "詹店镇"]


@pytest.fixture
def county():
    """武陟县 at the top, with three towns, a zone, its 县统计局 and the catalogue."""
    county = init_county("410823", TOWNS, ["武陟产业集聚区"])
    Department.objects.create(city=county, name="县统计局")
    install_indicator_catalogue(county)
    return county


def test_a_top_countys_catalogue_and_own_group_are_said_at_its_level(county):
    investment = Indicator.objects.get(city=county, name="固定资产投资")
    assert investment.supplier == "县统计局"
    assert investment.department.name == "县统计局"

    group = install_city_peer_group(county)

    assert (group.name, group.short_name) == ("武陟县各乡镇（街道）", "全县")
    assert [m.name for m in group.members.order_by("sort_order")] == [*TOWNS, "武陟产业集聚区"]


def test_towns_are_ranked_in_the_county_and_said_in_its_words(county):
    install_city_peer_group(county)
    mucheng, dafeng, zhandian, zone = county.children.order_by("sort_order", "code")
    investment = Indicator.objects.get(city=county, name="固定资产投资")
    # Growth from the amounts: 12.0%, 20.0%, 5.0%, 10.0% — 大封镇 first, 詹店镇 last.
    given = [
        (mucheng, "11.2", "10"),
        (dafeng, "6", "5"),
        (zhandian, "4.2", "4"),
        (zone, "2.2", "2"),
    ]
    store_values(
        investment,
        2025,
        6,
        [ValueInput(unit, D(value), D(last)) for unit, value, last in given],
        source=Source.IMPORT,
        user=None,
    )
    poverty = Indicator.objects.get(city=county, name="脱贫人口")
    store_values(poverty, 2025, 6, [ValueInput(dafeng, D("0.12"))], source="", user=None)
    set_targets(poverty, 2025, [TargetInput(dafeng, amount=D("0.30"))])  # 40.0% by June

    whole = build_report(county, 2025, 6)
    ranks = {line.region: line.rank for line in whole.indicators[0].lines}
    assert ranks == {"木城街道": 2, "大封镇": 1, "詹店镇": 4, "武陟产业集聚区": 3}
    assert "1—6月，全县固定资产投资完成23.6亿元，同比增长12.4%。" in whole.sentences
    assert "未实现“双过半”的有：大封镇（脱贫人口）。" in whole.sentences

    town = build_report(county, 2025, 6, region="大封镇")
    assert (
        "1—6月，大封镇固定资产投资完成6.0亿元，同比增长20.0%，增速居全县第1位。" in town.sentences
    )
    # A town's figure under 1万人 is said and tabled in 人 by one rule (`display_for`).
    assert "大封镇脱贫人口完成1200人，占全年目标任务的40.0%。" in town.sentences
    (row,) = target_rows(town.targets)
    assert dict(zip(TARGET_HEADERS, row, strict=True))["年度目标"] == "3000人"
    assert dict(zip(TARGET_HEADERS, row, strict=True))["完成"] == "1200人"


def test_a_city_follows_a_task_down_to_the_towns_of_one_county(city):
    wuzhi = city.children.get(name="武陟县")
    towns = add_towns(wuzhi, TOWNS)
    add_to_peer_group(city, "武陟县各乡镇", towns, short_name="全县")
    poverty = Indicator.objects.get(city=city, name="脱贫人口")
    store_values(
        poverty,
        2025,
        6,
        [ValueInput(t, D(v)) for t, v in zip(towns, ("0.20", "0.35", "0.10"), strict=True)],
        source="",
        user=None,
    )
    set_targets(poverty, 2025, [TargetInput(t, amount=D("0.40")) for t in towns])

    report = json.loads(as_json(build_report(city, 2025, 6, group="武陟县各乡镇")))

    assert report["group"]["regions"] == TOWNS
    (table,) = report["indicators"]
    assert [(r["region"], r["rank"]) for r in table["regions"]] == [
        ("木城街道", 2),
        ("大封镇", 1),
        ("詹店镇", 3),
    ]
    assert table["total"]["value"] == "0.65"
    assert [(t["region"], t["completion_rate"]) for t in report["targets"]] == [
        ("木城街道", "50.0"),
        ("大封镇", "87.5"),
        ("詹店镇", "25.0"),
    ]
    assert "未实现“双过半”的有：詹店镇（脱贫人口）。" in report["sentences"]
    set_targets(poverty, 2025, [TargetInput(t, amount=D("0.20")) for t in towns])
    assert (
        "各乡镇（街道）均实现“双过半”。"
        in build_report(city, 2025, 6, group="武陟县各乡镇").sentences
    )


def test_a_top_countys_sheet_of_towns_is_imported_with_its_whole_county_row(county, tmp_path):
    install_city_peer_group(county)
    rows = [
        ["全县", 30.5, 28, 8.9, None, 50000, 48000, 4.2],
        ["木城街道", 12.1, 11, 10.0, 1, 20000, 19000, 5.3],
        ["大封镇", 10.4, 9.8, 6.1, 2, 18000, 17500, 2.9],
        ["詹店镇", 5.8, 5.6, 3.6, 4, 9000, 8800, 2.3],
        ["武陟产业集聚区", 2.2, 2.1, 4.8, 3, 3000, 2700, 11.1],
    ]
    path = write(tmp_path, bulletin(rows, title="2025年1—6月各乡镇（街道）主要经济指标"))

    report = import_indicators(path, city=county, year=2025, month=6)

    assert report.ok, [str(f) for f in report.faults]
    stored = dict(
        IndicatorValue.objects.filter(indicator__name="固定资产投资").values_list(
            "region__name", "value"
        )
    )
    assert stored == {
        "武陟县": D("30.5"),
        "木城街道": D("12.1"),
        "大封镇": D("10.4"),
        "詹店镇": D("5.8"),
        "武陟产业集聚区": D("2.2"),
    }
    # The towns and the zone are the county's whole group: their 位次 are checked, and agree.
    assert not any(note.startswith("位次不符") or "未核对" in note for note in report.notes)


def test_a_top_countys_target_sheet_gives_its_own_target_on_its_whole_row(county, tmp_path):
    path = tmp_path / "目标.xlsx"
    sheet = Drawn(
        [
            ["2025年各乡镇主要指标目标任务"],
            ["乡镇", "脱贫人口（万人）"],
            ["全县", 0.5],
            ["大封镇", 0.3],
        ],
        name="目标",
    )
    path.write_bytes(to_xlsx(sheet))

    report = import_targets(path, city=county, year=2025)

    assert report.ok, [str(f) for f in report.faults]
    assert Target.objects.get(region=county).amount == D("0.5")


def test_towns_are_ranked_on_their_stored_figures_and_a_zero_is_a_place(county):
    """脱贫人口 in 万人 to two decimals: 0.0512 and 0.0487 both show 0.05 yet are 512 and 487
    people (not 并列); a town with 0 is last, the zone with no figure has no place; in May,
    when every town had 0, none had a place, so no town "falls" in June."""
    install_city_peer_group(county)
    mucheng, dafeng, zhandian, _zone = county.children.order_by("sort_order", "code")
    poverty = Indicator.objects.get(city=county, name="脱贫人口")
    may = [ValueInput(town, D(0)) for town in (mucheng, dafeng, zhandian)]
    store_values(poverty, 2025, 5, may, source=Source.IMPORT, user=None)
    june = [
        ValueInput(mucheng, D("0.0512")),
        ValueInput(dafeng, D("0.0487")),
        ValueInput(zhandian, D(0)),
    ]
    store_values(poverty, 2025, 6, june, source=Source.IMPORT, user=None)

    table = next(t for t in build_report(county, 2025, 6).indicators if t.indicator == poverty)
    assert [(line.region, line.rank, line.tied, line.rank_change) for line in table.lines] == [
        ("木城街道", 1, False, None),
        ("大封镇", 2, False, None),
        ("詹店镇", 3, False, None),
        ("武陟产业集聚区", None, False, None),
    ]
    may_table = build_report(county, 2025, 5).indicators[0]
    assert [line.rank for line in may_table.lines] == [None, None, None, None]
    # Tryout 12: shown as 0.05万人 each yet ranked 1st and 2nd; in 人 they read as ranked.
    report = build_report(county, 2025, 6)
    table = next(t for t in report.indicators if t.indicator == poverty)
    assert headers(report, table)[1:3] == ["本期（人）", "上年同期（人）"]
    assert [row[:2] for row in text_rows(table)] == [
        ["木城街道", "512"],
        ["大封镇", "487"],
        ["詹店镇", "0"],
        ["武陟产业集聚区", "—"],
    ]
    assert "脱贫人口（全县：" not in table_title(report, table)  # the zone lacks it: no total


def test_town_figures_ranked_apart_show_the_decimals_that_tell_them_apart(county):
    install_city_peer_group(county)
    mucheng, dafeng, zhandian, _zone = county.children.order_by("sort_order", "code")
    poverty = Indicator.objects.get(city=county, name="脱贫人口")
    june = [
        ValueInput(mucheng, D("0.13124")),
        ValueInput(dafeng, D("0.13123")),
        ValueInput(zhandian, D("0.13123")),
    ]
    store_values(poverty, 2025, 6, june, source=Source.IMPORT, user=None)
    table = next(t for t in build_report(county, 2025, 6).indicators if t.indicator == poverty)
    assert [(row[1], row[4]) for row in text_rows(table)][:3] == [
        ("1312.4", "1"),
        ("1312.3", "2（并列）"),
        ("1312.3", "2（并列）"),
    ]
