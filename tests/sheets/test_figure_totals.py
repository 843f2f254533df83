"""A totals row (合计, 小计) adding up figures that are not money (家, 人, 亩) as well as money is
a totals row, left out and never read as a member named 合计 (issue 9, tryout 8 P07: a parks'
合计 row with 规上企业 150 was refused as “合计”不是本市的园区)."""

from decimal import Decimal
from enum import StrEnum
from io import BytesIO

from guanmo.sheets import cells
from guanmo.sheets.header import Catalogue
from guanmo.sheets.workbook import SheetSpec, read_workbook
from tests.sheets.files import Drawn, to_xlsx


class Zone(StrEnum):
    NAME = "园区"
    SALES = "营业收入"
    FIRMS = "企业数"
    AREA = "面积"


CATALOGUE = Catalogue(
    fields=tuple(Zone),
    synonyms={
        Zone.NAME: ("园区",),
        Zone.SALES: ("营业收入",),
        Zone.FIRMS: ("企业数", "企业数(家)"),
        Zone.AREA: ("面积(亩)",),
    },
    money=frozenset({Zone.SALES}),
    identity=(Zone.NAME,),
    name=Zone.NAME,
    marks=frozenset({Zone.NAME}),
    labels=frozenset({Zone.NAME}),
    parsers={
        Zone.NAME: cells.parse_line,
        Zone.FIRMS: cells.parse_figure,
        Zone.AREA: cells.parse_figure,
    },
)
SPEC = SheetSpec(CATALOGUE, used=frozenset(Zone), required=((Zone.NAME,),))


def read(*rows):
    return read_workbook(BytesIO(to_xlsx(Drawn(list(rows), name="园区"))), SPEC)


def test_a_totals_row_with_counts_and_areas_is_left_out_not_a_member():
    reading = read(
        ["园区", "营业收入（亿元）", "企业数（家）", "面积（亩）"],
        ["甲园", 12, 30, 100],
        ["乙园", 8, 20, 50],
        ["合  计", 20, 50, 150],
    )
    assert not reading.faults, [str(fault) for fault in reading.faults]
    assert [row.values[Zone.NAME] for row in reading.rows] == ["甲园", "乙园"]
    assert [row.values[Zone.FIRMS] for row in reading.rows] == [Decimal(30), Decimal(20)]
    left = [(left.row, left.reason) for table in reading.tables for left in table.left_out]
    assert (4, "合计行") in left


def test_a_totals_row_holding_only_counts_is_left_out_too():
    reading = read(
        ["园区", "企业数（家）"],
        ["甲园", 30],
        ["乙园", 20],
        ["总计", 50],
    )
    assert [row.values[Zone.NAME] for row in reading.rows] == ["甲园", "乙园"]
