"""A 合计 row is the city's figure only when the sheet lists every unit of the city; a 合计 of
some of its units is left out and said (issue 9, tryout 9: 3 counties + 合计 became 焦作市)."""

from decimal import Decimal

from guanmo.indicators.models import IndicatorValue, PeerGroup
from guanmo.indicators.sheet_import import import_indicators
from tests.indicators.sheets import bulletin, jiaozuo_rows, write
from tests.sheets.files import Drawn


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
        "工作表「主要指标」第8行“合计”“固定资产投资”（单元格B8）180亿元，各地区之和179.3亿元，仅供核对，未保存"
        in report.notes
    )


def test_a_total_agrees_with_its_counties_summed_and_rounded_as_it_was_typed(city, tmp_path):
    # One rule for every sheet's totals (sheets.totals.sums_to, as a ledger's 合计): 179.3
    # typed to one decimal is the sum 179.34 of counties typed to two.
    rows = _three_counties_and("合计")
    rows[0][1] = "85.04"
    path = write(tmp_path, bulletin(rows))

    report = import_indicators(path, city=city, year=2025, month=6)

    assert report.ok, [str(f) for f in report.faults]
    assert not any("各地区之和" in note for note in report.notes)
    rows[-1][1] = "179.4"
    other = tmp_path / "other"
    other.mkdir()

    report = import_indicators(write(other, bulletin(rows)), city=city, year=2025, month=6)

    assert (
        "工作表「主要指标」第8行“合计”“固定资产投资”（单元格B8）179.4亿元，各地区之和179.34亿元，仅供核对，未保存"
        in report.notes
    )


HENAN_CITIES = (
    "郑州市",
    "开封市",
    "洛阳市",
    "平顶山市",
    "安阳市",
    "鹤壁市",
    "新乡市",
    "焦作市",
    "濮阳市",
    "许昌市",
    "漯河市",
    "三门峡市",
    "南阳市",
    "商丘市",
    "信阳市",
    "周口市",
    "驻马店市",
    "济源市",
)


def _province_sheet(rows: list[list[object]]) -> Drawn:
    """One indicator across the province's cities: 累计（亿元）, 增速（%）."""
    return Drawn(
        [
            ["2025年1—6月全省各省辖市固定资产投资"],
            ["省辖市", "1—6月累计（亿元）", "增速（%）"],
            *rows,
        ],
        name="全省",
    )


def _henan(value: int = 100) -> list[list[object]]:
    return [[name, value, 5.0] for name in HENAN_CITIES]


def _province_value(city) -> IndicatorValue | None:
    return IndicatorValue.objects.filter(
        indicator__city=city, indicator__name="固定资产投资", region__name="河南省"
    ).first()


def test_a_total_of_some_of_the_provinces_cities_is_never_the_provinces_figure(city, tmp_path):
    rows = [["郑州市", 3000, 7.1], ["新乡市", 900, 12.5], ["焦作市", 800, 9.6], ["合计", 4700, 8.6]]
    path = write(tmp_path, _province_sheet(rows))

    report = import_indicators(path, city=city, year=2025, month=6, group="全省18个省辖市")

    assert report.ok, [str(f) for f in report.faults]
    assert _province_value(city) is None
    assert "工作表「全省」第6行“合计”：合计行只含本表所列3个地区，未作为河南省数据" in report.notes
    group = PeerGroup.objects.get(city=city, name="全省18个省辖市")
    assert group.members.count() == 3


def test_a_total_over_every_city_of_the_province_is_its_figure_checked_against_the_sum(
    city, tmp_path
):
    path = write(tmp_path, _province_sheet([*_henan(), ["合计", 1801, 6.2]]))

    report = import_indicators(path, city=city, year=2025, month=6, group="全省18个省辖市")

    assert report.ok, [str(f) for f in report.faults]
    stored = _province_value(city)
    assert (stored.value, stored.reported_growth) == (Decimal("1801"), Decimal("6.2"))
    assert "工作表「全省」第21行“合计”含河南省全部18个地区，作为河南省数据保存" in report.notes
    assert (
        "工作表「全省」第21行“合计”“固定资产投资”（单元格B21）1801亿元，各地区之和1800亿元，按报送数保存"
        in report.notes
    )
    assert (
        "工作表「全省」第21行“合计”“固定资产投资”（单元格C21）增速6.2%不能由各地区数相加核对，"
        "按表中所报作为河南省数据保存" in report.notes
    )
    group = PeerGroup.objects.get(city=city, name="全省18个省辖市")
    assert "河南省" not in set(group.members.values_list("name", flat=True))


def test_a_row_naming_the_province_among_its_cities_is_their_total_not_a_member(city, tmp_path):
    path = write(tmp_path, _province_sheet([["河南省", 1800, 6.2], *_henan()]))

    report = import_indicators(path, city=city, year=2025, month=6, group="全省18个省辖市")

    assert report.ok, [str(f) for f in report.faults]
    assert _province_value(city).value == Decimal("1800")
    group = PeerGroup.objects.get(city=city, name="全省18个省辖市")
    assert group.members.count() == 18
    assert "河南省" not in set(group.members.values_list("name", flat=True))
    assert not any("各地区之和" in note for note in report.notes)
