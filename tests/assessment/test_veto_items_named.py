"""Issue 13, tryout 30: a vetoed unit was shown 乙县（一票否决） everywhere, and two units
vetoed for different items could not be told apart. The items that vetoed a unit are kept with
the inputs and named in the text, the sentences, the .xlsx and the .docx."""

from io import StringIO

from django.core.management import call_command
from docx import Document
from openpyxl import load_workbook

from guanmo.assessment.definition import Inputs
from tests.assessment.test_assess_command import arguments, sheets  # noqa: F401


def run(*args: str) -> str:
    out = StringIO()
    call_command("assess", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_the_text_names_the_item_that_vetoed_a_unit(sheets):  # noqa: F811
    text = run(*arguments(sheets), "--runs", "0")
    assert "乙县（一票否决：重大安全事故）" in text
    assert "乙县因“重大安全事故”一票否决，排在末位。" in text


def test_the_workbook_and_the_bulletin_name_the_item(sheets, tmp_path):  # noqa: F811
    workbook = tmp_path / "结果.xlsx"
    run(*arguments(sheets), "--runs", "0", "--format", "xlsx", "-o", str(workbook))
    book = load_workbook(workbook)
    results = list(book["考核结果"].iter_rows(min_row=3, values_only=True))
    column = results[0].index("一票否决")
    assert [row[column] for row in results if row[1] == "乙县"] == ["是：重大安全事故"]
    vetoes = dict(row[:2] for row in book["一票否决"].iter_rows(min_row=3, values_only=True))
    assert vetoes["乙县"] == "是：重大安全事故" and not vetoes["甲县"]
    bulletin = tmp_path / "通报.docx"
    run(*arguments(sheets), "--runs", "0", "--format", "docx", "-o", str(bulletin))
    document = Document(bulletin)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "是：重大安全事故" in cells
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "乙县因“重大安全事故”一票否决，排在末位。" in text


def test_the_items_are_kept_with_the_inputs_and_read_back():
    inputs = Inputs(
        {"乙县": {}, "甲县": {}},
        vetoed=frozenset({"乙县"}),
        vetoed_by={"乙县": ("重大安全事故", "信访稳定")},
    )
    assert Inputs.from_dict(inputs.as_dict()).vetoed_by == {"乙县": ("重大安全事故", "信访稳定")}
    assert "vetoed_by" not in Inputs({"甲县": {}}).as_dict()  # older results read as before
