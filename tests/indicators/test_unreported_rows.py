"""A region row without this period's figure (本期 "—" or blank, only 上年同期 given) in a sheet
whose other rows have theirs is a unit not yet reported: left out with a note naming its row,
region and cell, nothing stored for it (tryout 26 item 8: 沁阳市's "—" beside last year's 3
stopped the sheet naming neither the region nor the cell). A sheet where no row has the figure
still stops, naming the column not understood (tryout 11)."""

import pytest

from guanmo.indicators.models import IndicatorValue
from guanmo.indicators.sheet_import import import_indicators
from tests.indicators.sheets import bulletin, jiaozuo_rows, write


@pytest.mark.parametrize(("typed", "cell"), [("—", "B13为“—”"), (None, "B13未填本期数值")])
def test_a_row_without_this_periods_figure_is_left_out_with_a_note(city, tmp_path, typed, cell):
    rows = jiaozuo_rows()
    qinyang = next(row for row in rows if row[0] == "沁阳市")  # row 13 of the sheet
    qinyang[1], qinyang[3], qinyang[4] = typed, None, None

    report = import_indicators(write(tmp_path, bulletin(rows)), city=city, year=2025, month=6)

    assert report.ok, [str(fault) for fault in report.faults]
    said = [note for note in report.notes if "沁阳市" in note]
    assert said == [
        f"工作表「主要指标」第13行“沁阳市”单元格{cell}，视为尚未报送：“固定资产投资”"
        "本行未保存（上年同期等数字也未保存）"
    ]
    assert not IndicatorValue.objects.filter(
        indicator__name="固定资产投资", region__name="沁阳市"
    ).exists()
    assert IndicatorValue.objects.filter(indicator__name="固定资产投资").count() == 10
