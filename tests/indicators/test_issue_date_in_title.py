"""A full date (年月日) under a title is the day the sheet was issued, not its period: the
bureau's 1—6月 report dated 「焦作市统计局　2025年7月15日」 is imported as 6月 (tryout 26 item 4:
refused as 7月). A date after 截至 still names the period's end. The one title check
(`sheets.header_facts`) serves the ledger's progress sheets too."""

from guanmo.indicators.models import IndicatorValue
from guanmo.indicators.sheet_import import import_indicators
from guanmo.sheets.header_facts import sheet_period
from guanmo.sheets.header_model import Expected
from tests.indicators.sheets import bulletin, jiaozuo_rows, write


def test_an_issue_date_under_the_title_is_not_the_period(city, tmp_path):
    drawn = bulletin(jiaozuo_rows())
    drawn.rows[1] = ["焦作市统计局　2025年7月15日"]

    report = import_indicators(write(tmp_path, drawn), city=city, year=2025, month=6)

    assert report.ok, [str(fault) for fault in report.faults]
    assert IndicatorValue.objects.filter(month=6).count() == 22


def test_the_period_of_a_sheet_leaves_the_issue_date_out_but_not_an_as_of_date():
    june = Expected(year=2025, month=6)
    dated = sheet_period("月报", [["2025年1—6月主要指标"], ["市统计局 2025.7.15"]], june)
    assert dated is not None and dated.agrees
    as_of = sheet_period("月报", [["主要指标（截至2025年5月31日）"]], june)
    assert as_of is not None and not as_of.agrees
