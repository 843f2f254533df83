"""Text cells that cannot attack their reader: every .xlsx and .csv text Guanmo writes goes
through here, so a project name or a judge's remark typed as `=HYPERLINK(...)` is shown as the
text it is and never run as a formula.

The triggers and the CSV remedy (a leading apostrophe) are OWASP's "CSV Injection" advice;
in .xlsx the text is written as a string cell with Excel's own quote prefix, so it reads back
unchanged and stays text when edited.
"""

from openpyxl.cell.cell import Cell

# OWASP's triggers, and their full-width forms, which spreadsheets in Chinese and Japanese
# locales may read as the same operators.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def starts_like_formula(value: object) -> bool:
    """True for text a spreadsheet program would take for a formula (OWASP's triggers)."""
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def csv_cell(value: object) -> object:
    """A value for csv.writer: formula-like text gets a leading apostrophe; the rest as is."""
    return f"'{value}" if starts_like_formula(value) else value


def csv_row(values: list[object]) -> list[object]:
    """A CSV row with every formula-like text neutralised."""
    return [csv_cell(value) for value in values]


def put(cell: Cell, value: object) -> None:
    """Write `value` into an openpyxl cell; text is always a string cell, never a formula.

    openpyxl turns any str starting with "=" into a formula; here such text stays a string
    (data type "s", written inline) with the quote prefix Excel sets for text typed as '=….
    """
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if starts_like_formula(value):
            cell.quotePrefix = True
