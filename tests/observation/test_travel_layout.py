"""A travel-time sheet as offices lay it out (issue 9, tryout 8 V03–V05): an instructions sheet
before the table, a title line holding a second cell (制表日期), a 序号 column before the places
are read, never refused for their layout; a workbook without any table says so naming its
sheets."""

from io import BytesIO

from guanmo.observation.travel import read_travel_matrix
from tests.sheets.files import Drawn, to_xlsx

PLACES = ["市政府", "甲项目", "乙项目"]
MINUTES = [[0, 25, 40], [26, 0, 18], [41, 17, 0]]


def book(*drawings: Drawn) -> BytesIO:
    return BytesIO(to_xlsx(*drawings))


def table(corner="起点／终点", serial=False):
    rows = [[corner, *PLACES]] + [[place, *row] for place, row in zip(PLACES, MINUTES, strict=True)]
    if serial:
        rows = [["编号", *rows[0]]] + [[number, *row] for number, row in enumerate(rows[1:], 1)]
    return rows


def read_all(travel):
    return [[travel.minutes(a, b) for b in PLACES] for a in PLACES]


def test_an_instructions_sheet_before_the_table_is_passed_over():
    notes = Drawn([["填表说明：行为出发地，列为目的地。"], ["时间以分钟计。"]], name="填表说明")
    travel, faults = read_travel_matrix(book(notes, Drawn(table(), name="时间")))

    assert faults == [], [str(fault) for fault in faults]
    assert read_all(travel) == MINUTES


def test_a_title_line_with_a_second_cell_is_not_the_header():
    rows = [["行车时间表", None, "填报日期：2025年11月10日"], *table()]
    travel, faults = read_travel_matrix(book(Drawn(rows, name="时间")))

    assert faults == [], [str(fault) for fault in faults]
    assert read_all(travel) == MINUTES


def test_a_serial_column_before_the_places_is_passed_over():
    rows = [["（单位：分钟）"], *table(serial=True)]
    travel, faults = read_travel_matrix(book(Drawn(rows, name="时间")))

    assert faults == [], [str(fault) for fault in faults]
    assert travel.places == tuple(PLACES)
    assert read_all(travel) == MINUTES


def test_a_workbook_without_a_table_names_its_sheets():
    only = Drawn([["本表由交通局测算"]], name="说明")
    travel, faults = read_travel_matrix(book(only))

    assert travel is None
    assert any("说明" in str(fault) and "没有" in str(fault) for fault in faults), faults
