"""A ceiling's target column is headed by its 控制数 (赴京访批次控制数（批）), as the app's own
sentences say 全年控制数: import-targets reads it as the indicator's amount target (tryout 26
item 7: refused with 像是指标“赴京访批次”，但无法按表头读取)."""

from decimal import Decimal

import pytest

from guanmo.indicators.models import Target
from guanmo.indicators.target_import import import_targets
from tests.sheets.files import Drawn, to_xlsx


@pytest.mark.parametrize("header", ["赴京访批次控制数（批）", "赴京访批次全年控制数（批）"])
def test_a_control_number_is_a_target_word(city, tmp_path, header):
    path = tmp_path / "目标.xlsx"
    sheet = Drawn(
        [["2025年目标"], ["县（市、区）", "固定资产投资目标（亿元）", header], ["温县", 50, 6]],
        name="目标",
    )
    path.write_bytes(to_xlsx(sheet))

    report = import_targets(path, city=city, year=2025)

    assert report.ok, [str(fault) for fault in report.faults]
    kept = Target.objects.get(region__name="温县", indicator__name="赴京访批次")
    assert (kept.amount, kept.growth) == (Decimal(6), None)
