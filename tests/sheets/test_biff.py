"""Formula cells of a .xls saved without a value are found in the FORMULA records."""

from io import BytesIO

import xlwt

from guanmo.sheets.biff import unevaluated_cells


def xls(formulas: dict[tuple[int, int], str]) -> bytes:
    """A .xls (xlwt, which saves every formula without a value) with these formula cells."""
    workbook = xlwt.Workbook(encoding="utf-8")
    workbook.add_sheet("说明").write(0, 0, "无公式")
    sheet = workbook.add_sheet("进度表")
    sheet.write(0, 0, 5)
    for (row, column), formula in formulas.items():
        sheet.write(row, column, xlwt.Formula(formula))
    file = BytesIO()
    workbook.save(file)
    return file.getvalue()


def test_arithmetic_and_sums_saved_without_value_are_named_by_sheet_and_cell():
    found = unevaluated_cells(xls({(1, 3): "A1+B1", (30, 2): "SUM(A1:A30)", (2, 4): "A1*2"}))
    assert found == {"进度表": [(1, 3), (2, 4), (30, 2)]}


def test_a_formula_that_may_give_empty_text_is_not_named():
    # Excel saves the result of IF(…,"") as empty text too: that blank is the formula's value.
    assert unevaluated_cells(xls({(1, 1): 'IF(A1>0,"",A1)', (1, 2): '"甲"&"乙"'})) == {}


def test_a_file_that_is_no_ole_workbook_gives_nothing():
    assert unevaluated_cells(b"not a workbook") == {}
