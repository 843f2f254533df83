"""Indicator sheets as statistics bureaus send them, drawn in the tests (issue 12)."""

from decimal import Decimal
from pathlib import Path

from tests.sheets.files import Drawn, to_xls, to_xlsx

JIAOZUO_UNITS = (
    "解放区",
    "中站区",
    "马村区",
    "山阳区",
    "修武县",
    "博爱县",
    "武陟县",
    "温县",
    "沁阳市",
    "孟州市",
    "城乡一体化示范区",
)


def bulletin(
    rows: list[list[object]],
    *,
    title: str = "2025年1—6月各县（市、区）主要经济指标",
    investment_value: str = "1—6月累计",
) -> Drawn:
    """The 统计月报 layout: 固定资产投资（亿元） over 累计/上年同期/增速/位次 and 一般公共预算收入
    （万元） over 绝对值/上年同期/增长, regions from row 5."""
    return Drawn(
        [
            [title],
            ["单位：亿元、%"],
            [
                "地区",
                "固定资产投资（亿元）",
                None,
                None,
                None,
                "一般公共预算收入（万元）",
                None,
                None,
            ],
            [
                None,
                investment_value,
                "上年同期",
                "增速（%）",
                "位次",
                "绝对值",
                "上年同期",
                "增长（%）",
            ],
            *rows,
        ],
        name="主要指标",
        merged=[(1, 0, 1, 7), (3, 0, 4, 0), (3, 1, 3, 4), (3, 5, 3, 7)],
    )


def jiaozuo_rows(disagreeing_rank: bool = False) -> list[list[object]]:
    """All eleven of 焦作's units: investment growth 11.0% down to 1.0% (武陟县 ranks 7th),
    revenue in 万元; with `disagreeing_rank` 武陟县's 位次 says 2."""
    rows = []
    for place, name in enumerate(JIAOZUO_UNITS, start=1):
        growth = Decimal(12 - place)
        value = Decimal(100) + place
        rank = 2 if disagreeing_rank and name == "武陟县" else place
        rows.append(
            [name, value, f"{value / (1 + growth / 100):.2f}", growth, rank, 12345.6, 11000, "12.2"]
        )
    return rows


def write(tmp_path: Path, drawn: Drawn, suffix: str = ".xlsx") -> Path:
    path = tmp_path / f"指标{suffix}"
    path.write_bytes(to_xlsx(drawn) if suffix == ".xlsx" else to_xls(drawn))
    return path
