"""guanmo.sheets reads any domain's columns: a catalogue handed in says what they are.

An indicator table (地区 | 指标 | 本月 | 1—7月累计) is read with a catalogue of its own, through
the same header, unit, period, totals and fault machinery the ledger's sheets go through; the
ledger's words mean nothing to it.
"""

from decimal import Decimal
from enum import StrEnum

from guanmo.sheets import cells
from guanmo.sheets.header import Catalogue, Expected, Periods, find_header
from guanmo.sheets.workbook import SheetSpec, read_workbook
from tests.ledger.sheets import xlsx


class Indicator(StrEnum):
    SERIAL = "序号"
    REGION = "地区"
    INDICATOR = "指标名称"
    THIS_MONTH = "本月值"
    YEAR_TO_DATE = "累计值"


INDICATORS = Catalogue(
    fields=tuple(Indicator),
    synonyms={
        Indicator.SERIAL: ("序号",),
        Indicator.REGION: ("地区", "县区"),
        Indicator.INDICATOR: ("指标", "指标名称"),
        Indicator.THIS_MONTH: ("本月值",),
        Indicator.YEAR_TO_DATE: ("累计值",),
    },
    money=frozenset({Indicator.THIS_MONTH, Indicator.YEAR_TO_DATE}),
    serial=Indicator.SERIAL,
    identity=(Indicator.INDICATOR,),
    name=Indicator.INDICATOR,
    places=(Indicator.REGION,),
    marks=frozenset({Indicator.INDICATOR, Indicator.REGION}),
    labels=frozenset({Indicator.SERIAL, Indicator.REGION, Indicator.INDICATOR}),
    parsers={Indicator.REGION: cells.parse_line, Indicator.INDICATOR: cells.parse_line},
    periods=Periods(
        this_month=Indicator.THIS_MONTH,
        year_to_date=Indicator.YEAR_TO_DATE,
        words=frozenset({"完成", "累计"}),
    ),
)
SPEC = SheetSpec(
    INDICATORS,
    used=frozenset(Indicator) - {Indicator.SERIAL},
    required=((Indicator.INDICATOR,), (Indicator.THIS_MONTH, Indicator.YEAR_TO_DATE)),
)


def test_another_domains_table_is_read_with_its_own_catalogue():
    sheet = xlsx(
        [
            ["2025年7月主要经济指标（单位：亿元）"],
            ["序号", "县区", "指标", "7月完成", "1—7月累计"],
            [1, "武陟县", "固定资产投资", 1.25, 8.5],
            [2, "温县", "固定资产投资", 0.75, 4.5],
            [None, "合计", None, 2, 13],
        ]
    )
    reading = read_workbook(sheet, SPEC, Expected(year=2025, month=7))
    assert reading.faults == []
    assert [row.values for row in reading.rows] == [
        {
            Indicator.REGION: "武陟县",
            Indicator.INDICATOR: "固定资产投资",
            Indicator.THIS_MONTH: Decimal(12500),
            Indicator.YEAR_TO_DATE: Decimal(85000),
        },
        {
            Indicator.REGION: "温县",
            Indicator.INDICATOR: "固定资产投资",
            Indicator.THIS_MONTH: Decimal(7500),
            Indicator.YEAR_TO_DATE: Decimal(45000),
        },
    ]
    assert [str(row) for row in reading.all_left_out] == ["第5行为合计行，未导入"]
    assert not [note for note in reading.notes if "不符" in note]


def test_a_period_in_another_domains_header_is_checked_against_the_import():
    header = find_header(
        INDICATORS, [["县区", "指标", "6月完成", "1—6月累计"]], Expected(year=2025, month=7)
    )
    assert [fault[2] for fault in header.faults] == [
        "表头写明6月，与导入的7月不符",
        "表头写明1-6月，与导入的1-7月不符",
    ]


def test_the_ledgers_words_mean_nothing_to_another_catalogue():
    assert find_header(INDICATORS, [["项目名称", "总投资", "年度计划投资"]]) is None
