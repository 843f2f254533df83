"""Every .xlsx and .csv text cell Guanmo writes is text, never a formula (OWASP CSV injection)."""

import io

import pytest
from openpyxl import Workbook, load_workbook

from guanmo.documents.formulas import csv_cell, csv_row
from guanmo.documents.xlsx import Column, write_table
from tests.documents.injection import INJECTION, assert_kept_as_text


@pytest.mark.parametrize(
    "text", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "＝1+1", INJECTION]
)
def test_csv_text_starting_like_a_formula_gets_an_apostrophe(text):
    assert csv_cell(text) == f"'{text}"


@pytest.mark.parametrize("value", ["武陟县产业园", "1+1", "", None, 12, "（=）"])
def test_csv_text_that_cannot_start_a_formula_is_left_alone(value):
    assert csv_cell(value) == value


def test_a_csv_row_is_neutralised_cell_by_cell():
    assert csv_row(["=1", "温县", 3]) == ["'=1", "温县", 3]


def test_write_table_keeps_formula_like_text_as_text_in_title_header_and_rows():
    workbook = Workbook()
    write_table(
        workbook.active,
        title=INJECTION,
        units="+单位",
        columns=[Column("-名称"), Column("@备注")],
        rows=[[INJECTION, "\t=1"]],
    )
    output = io.BytesIO()
    workbook.save(output)
    read = load_workbook(io.BytesIO(output.getvalue()))
    assert_kept_as_text(read)
    sheet = read.active
    assert [sheet.cell(row, 1).value for row in range(1, 5)] == [
        INJECTION,
        "+单位",
        "-名称",
        INJECTION,
    ]
    assert sheet.cell(4, 2).value == "\t=1"
    assert sheet.cell(4, 1).quotePrefix
