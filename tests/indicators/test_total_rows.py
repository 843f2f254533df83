"""A 合计 row is the city's figure only when the sheet lists every unit of the city; a 合计 of
some of its units is left out and said (issue 9, tryout 9: 3 counties + 合计 became 焦作市)."""

from decimal import Decimal

from guanmo.indicators.models import IndicatorValue
from guanmo.indicators.sheet_import import import_indicators
from tests.indicators.sheets import bulletin, jiaozuo_rows, write


def _city_investment(city) -> Decimal:
    return IndicatorValue.objects.get(
        indicator__city=city, indicator__name="固定资产投资", region=city, year=2025, month=6
    ).value


def _three_counties_and(label: str) -> list[list[object]]:
    return [
        ["解放区", 85, 80, 6.3, 1, 120000, 115000, 4.3],
        ["中站区", "52.3", "50.1", 4.4, 2, 61000, 60000, 1.7],
        ["马村区", 42, 41, 2.4, 3, 50000, 51000, -2.0],
        [label, 179.3, 171.1, 4.8, None, 231000, 226000, 2.2],
    ]


def test_a_total_of_three_counties_leaves_the_citys_stored_value_and_says_why(city, tmp_path):
    first = write(tmp_path, bulletin([["全市", 1067.2, 1000, 6.7, None, 1, 1, 0], *jiaozuo_rows()]))
    assert import_indicators(first, city=city, year=2025, month=6).ok
    partial = tmp_path / "partial"
    partial.mkdir()
    path = write(partial, bulletin(_three_counties_and("合计")))

    report = import_indicators(path, city=city, year=2025, month=6)

    assert report.ok, [str(f) for f in report.faults]
    assert _city_investment(city) == Decimal("1067.2")
    assert (
        "工作表「主要指标」第8行“合计”：合计行只含本表所列3个地区，未作为全市数据" in report.notes
    )
    jiefang = IndicatorValue.objects.get(
        indicator__name="固定资产投资", region__name="解放区", year=2025, month=6
    )
    assert jiefang.value == Decimal("85")


def test_a_total_of_some_counties_never_creates_a_city_value(city, tmp_path):
    path = write(tmp_path, bulletin(_three_counties_and("总计")))

    report = import_indicators(path, city=city, year=2025, month=6)

    assert report.ok, [str(f) for f in report.faults]
    assert not IndicatorValue.objects.filter(region=city).exists()
    assert any("未作为全市数据" in note for note in report.notes)


def test_a_total_over_every_unit_is_the_citys_figure_with_a_note(city, tmp_path):
    path = write(tmp_path, bulletin([*jiaozuo_rows(), ["合计", 1200.5, 1100, 9.1, None, 1, 1, 0]]))

    report = import_indicators(path, city=city, year=2025, month=6)

    assert report.ok, [str(f) for f in report.faults]
    assert _city_investment(city) == Decimal("1200.5")
    assert "工作表「主要指标」第16行“合计”含全市全部11个地区，作为全市数据保存" in report.notes


def test_a_total_naming_the_city_is_its_figure_whatever_the_sheet_lists(city, tmp_path):
    path = write(tmp_path, bulletin(_three_counties_and("全市合计")))

    report = import_indicators(path, city=city, year=2025, month=6)

    assert report.ok, [str(f) for f in report.faults]
    assert _city_investment(city) == Decimal("179.3")
    assert not any("未作为全市数据" in note for note in report.notes)


def test_a_partial_total_that_differs_from_its_counties_is_not_said_to_be_stored(city, tmp_path):
    rows = _three_counties_and("合计")
    rows[-1][1] = 180
    path = write(tmp_path, bulletin(rows))

    report = import_indicators(path, city=city, year=2025, month=6)

    assert report.ok, [str(f) for f in report.faults]
    assert (
        "工作表「主要指标」第8行“合计”“固定资产投资”180亿元，各地区之和179.3亿元，仅供核对，未保存"
        in report.notes
    )
