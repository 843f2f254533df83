"""import-targets reads a two-row header whose second row holds only target words and units
(「一般公共预算收入」 over 「目标（万元）」, 「一般公共预算收入目标」 merged over 「（万元）」 |
「比上年增长%」): the unit is taken from the header cell that states it, never assumed to be
the indicator's (tryout 14, T1: refused for a blank region in the second header row, and the
万元 would have been read as 亿元)."""

from decimal import Decimal

import pytest

from guanmo.indicators.models import Target
from guanmo.indicators.target_import import import_targets
from tests.sheets.files import Drawn, to_xls, to_xlsx


def targets(region: str) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    return {
        target.indicator.name: (target.amount, target.growth)
        for target in Target.objects.filter(region__name=region, year=2025)
    }


@pytest.mark.parametrize("write", [to_xlsx, to_xls])
def test_a_unit_in_the_second_header_row_under_a_single_cell_group(city, tmp_path, write):
    drawn = Drawn(
        [
            ["焦作市2025年主要经济指标目标任务分解表"],
            [
                "序号",
                "县（市、区）",
                "固定资产投资",
                "一般公共预算收入",
                "规上工业增加值增速目标（%）",
            ],
            [None, None, "增速目标（%）", "目标（万元）", None],
            [1, "武陟县", 10, "18,800", 8],
            [2, "温县", 9.5, 14100, "８"],
        ],
        name="目标",
        merged=[(2, 0, 3, 0), (2, 1, 3, 1), (2, 4, 3, 4)],
    )
    path = tmp_path / "目标.bin"
    path.write_bytes(write(drawn))
    report = import_targets(path, city=city, year=2025)
    assert [str(fault) for fault in report.faults] == []
    assert targets("武陟县") == {
        "固定资产投资": (None, Decimal(10)),
        "一般公共预算收入": (Decimal("1.88"), None),
        "规模以上工业增加值": (None, Decimal(8)),
    }
    assert targets("温县")["一般公共预算收入"] == (Decimal("1.41"), None)
    assert (
        "工作表「目标」「一般公共预算收入／目标（万元）」以万元填报，已换算为亿元" in report.notes
    )
    assert not [note for note in report.notes if "未注明单位" in note]


def test_a_second_row_of_a_bare_unit_and_a_target_value(city, tmp_path):
    drawn = Drawn(
        [
            ["2025年目标任务"],
            ["地区", "一般公共预算收入目标", "固定资产投资目标"],
            [None, "（万元）", "目标值（亿元）"],
            ["全市", 138445.5, 1500],
            ["解放区", 12345, 120.5],
        ],
        name="Sheet1",
        merged=[(2, 0, 3, 0)],
    )
    path = tmp_path / "目标.xlsx"
    path.write_bytes(to_xlsx(drawn))
    report = import_targets(path, city=city, year=2025)
    assert [str(fault) for fault in report.faults] == []
    assert targets("解放区") == {
        "一般公共预算收入": (Decimal("1.2345"), None),
        "固定资产投资": (Decimal("120.5"), None),
    }
    assert targets("焦作市")["一般公共预算收入"] == (Decimal("13.84455"), None)
