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


def province_cities_investment(tmp_path: Path, ranks: tuple[int, int, int] = (3, 1, 2)) -> Path:
    """The province's cities' 固定资产投资 of 1—6月 as the bureau sends it (郑州市, 新乡市,
    焦作市 with their reported `ranks`; by growth they are 3, 1, 2), with the province's row."""
    rows = [
        ["2025年1—6月全省各省辖市固定资产投资"],
        ["省辖市", "1—6月累计（亿元）", "上年同期（亿元）", "增速（%）", "位次"],
        ["全省", 20000, 18500, 8.1, None],
        ["郑州市", 3000, 2800, 7.1, ranks[0]],
        ["新乡市", 900, 800, 12.5, ranks[1]],
        ["焦作市", 988.3, 906.7, 9.0, ranks[2]],
    ]
    return write(tmp_path, Drawn(rows, name="固定资产投资"))


def import_province_cities(tmp_path: Path, ranks: tuple[int, int, int] = (3, 1, 2)) -> None:
    """`province_cities_investment` imported as the peer group 全省18个省辖市 for June 2025."""
    import io

    from django.core.management import call_command

    path = province_cities_investment(tmp_path, ranks)
    arguments = ["--year", "2025", "--month", "6", "--group", "全省18个省辖市"]
    call_command("import-indicators", str(path), *arguments, stdout=io.StringIO())
