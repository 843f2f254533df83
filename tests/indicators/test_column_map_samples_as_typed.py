"""The indicator import's column map shows each sample as the sheet has it, in the sheet's unit,
with the figure stored beside it when the indicator keeps another unit: 742601.5万元（折合
74.26015亿元）, never 74.26015 under 单位：万元; a hidden column not understood is said 隐藏列
(issue 9 §2 and §8)."""

import pytest

from guanmo.indicators.sheet_import import import_indicators
from tests.indicators.sheets import write
from tests.sheets.files import Drawn


def _sheet(header: str, figure: object, *, hidden: str | None = None) -> Drawn:
    extra = [hidden] if hidden else []
    return Drawn(
        [
            ["县（市、区）", header, "增长（%）", *extra],
            ["武陟县", figure, "5.2", *(["甲"] if hidden else [])],
            ["温县", 925000 if "万元" in header else 92.5, "3.1", *(["乙"] if hidden else [])],
        ],
        name="固定资产投资",
        hidden_columns={3} if hidden else set(),
    )


def _shown(report) -> list[str]:
    return [str(use) for use in report.columns]


@pytest.mark.parametrize(
    ("header", "figure", "sample"),
    [
        pytest.param(
            "1—11月累计（万元）", 742601.5, "742601.5万元（折合74.26015亿元）", id="wan-into-yi"
        ),
        pytest.param("1—11月累计（亿元）", 74.26015, "74.26015亿元", id="in-its-own-unit"),
    ],
)
def test_a_sample_is_the_cell_in_its_unit_with_the_stored_figure_beside(
    city, tmp_path, header, figure, sample
):
    report = import_indicators(
        write(tmp_path, _sheet(header, figure)), city=city, year=2025, month=11, dry_run=True
    )

    assert report.ok, report.fault_lines
    unit = header[-3:-1]
    assert f"固定资产投资·本期累计值 ← {header}（示例：{sample}，单位：{unit}）" in _shown(report)


def test_a_hidden_column_not_understood_is_said_hidden(city, tmp_path):
    drawn = _sheet("1—11月累计（亿元）", 74.26015, hidden="联络暗号")

    report = import_indicators(write(tmp_path, drawn), city=city, year=2025, month=11, dry_run=True)

    assert report.ok, report.fault_lines
    assert "（未读取）← 联络暗号（隐藏列）" in _shown(report)
    assert "工作表「固定资产投资」「联络暗号」为隐藏列，未读取" in report.notes
