"""Column namings are remembered per office: a county office's for its county's uploads, the
city office's for the city's imports; one never replaces the other (tryout 31, finding 6: 武陟县
naming 本期完成额 replaced the city office's 本期完成额=本月完成投资 for the whole city)."""

from guanmo.ledger.columns import parse_mapping
from guanmo.ledger.models import MonthlyProgress
from guanmo.ledger.services import import_progress
from guanmo.regions.models import Region
from guanmo.reporting.models import ColumnMapping
from tests.ledger.sheets import xlsx

HEADER = ["序号", "项目名称", "所在县区", "本期完成额", "累计完成投资"]


def sheet(month_figure: int, cumulative: int):
    return xlsx([HEADER, [1, "甲项目", "武陟县", month_figure, cumulative]])


def test_a_county_s_naming_leaves_the_city_office_s_in_place(one_project):
    city = one_project
    wuzhi = Region.objects.get(name="武陟县")
    city_named = parse_mapping(["本期完成额=本月完成投资"])
    assert import_progress(sheet(500, 500), city=city, year=2025, month=1, mapping=city_named).ok
    county_named = parse_mapping(["本期完成额=忽略"])
    report = import_progress(
        sheet(600, 1100), city=city, year=2025, month=2, county=wuzhi, mapping=county_named
    )
    assert report.ok, report.faults

    assert set(ColumnMapping.objects.values_list("unit__name", "header", "field")) == {
        (None, "本期完成额", "本月完成投资"),
        ("武陟县", "本期完成额", ""),
    }
    # the city's own next import reads 本期完成额 as the city office named it
    report = import_progress(sheet(700, 1800), city=city, year=2025, month=3)
    assert report.ok, report.faults
    assert MonthlyProgress.objects.get(month=3).completed_this_month == 700
    # and the county's next upload as the county named it: ignored, the month derived
    report = import_progress(sheet(999, 2600), city=city, year=2025, month=4, county=wuzhi)
    assert report.ok, report.faults
    assert MonthlyProgress.objects.get(month=4).completed_this_month == 800
