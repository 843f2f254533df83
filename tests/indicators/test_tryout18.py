"""Tryout 18 (issue 9): a fresh user's own indicator sheets, each finding as a kind."""

from decimal import Decimal

import pytest

from guanmo.indicators.models import IndicatorValue
from guanmo.indicators.sheet_import import import_indicators
from tests.indicators.sheets import write
from tests.sheets.files import Drawn


def _peer_sheet(rows, title="2025年1—6月全省各省辖市固定资产投资") -> Drawn:
    """A province's cities on a 全省 peer-group sheet, one indicator, regions from row 3."""
    return Drawn(
        [[title], ["地市", "1—6月累计（亿元）", "增速（%）", "位次"], *rows],
        name="固定资产投资",
    )


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_a_city_outside_written_short_is_said_by_its_cell(city, tmp_path, suffix):
    # tryout 18 (1): 郑州, 开封 for 郑州市, 开封市 were matched with no word; the ledger's rule
    # (`regions.names.Naming.note`) says every short name taken.
    rows = [
        ["郑州", 3000, 7.1, 1],
        ["开封", 700, 6.0, 2],
        ["河南洛阳", 1500, 5.5, 3],
        ["焦作市", 800, 5.0, 4],
    ]
    path = write(tmp_path, _peer_sheet(rows), suffix)

    report = import_indicators(path, city=city, year=2025, month=6, group="全省18个省辖市")

    assert report.ok, [str(fault) for fault in report.faults]
    assert "工作表「固定资产投资」第3行“郑州”按简称识别为郑州市" in report.notes
    assert "工作表「固定资产投资」第4行“开封”按简称识别为开封市" in report.notes
    assert "工作表「固定资产投资」第5行“河南洛阳”按上级区划和全称识别为洛阳市" in report.notes
    assert not any("“焦作市”" in note for note in report.notes)
    zhengzhou = IndicatorValue.objects.get(region__name="郑州市", year=2025, month=6)
    assert zhengzhou.value == Decimal(3000)
