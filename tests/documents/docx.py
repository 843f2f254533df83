"""A letterhead to build with, and reading back what the document builder wrote, for the
tests of every document."""

from datetime import date

from docx.document import Document as DocumentObject
from docx.oxml.ns import qn

from guanmo.documents.official import Letterhead

HEAD = Letterhead(
    issuer="焦作市重点项目建设办公室",
    mark="焦作市重点项目建设办公室文件",
    number="焦作项目办〔2025〕12号",
    dated=date(2025, 12, 8),
    addressee="各县（市、区）人民政府，市直有关单位",
    copy_to="市委办公室，市人大常委会办公室",
    printer="焦作市重点项目建设办公室",
)


def imprint_lines(document: DocumentObject) -> list[str]:
    """The 版记's lines (抄送, 印发机关 and 印发日期): the rows of the table floated to the foot
    of the last page; [] when the document has none."""
    floated = [table for table in document.tables if _floated(table)]
    return [row.cells[0].text for table in floated for row in table.rows]


def _floated(table) -> bool:
    return table._tbl.tblPr.find(qn("w:tblpPr")) is not None


def body_tables(document: DocumentObject) -> list:
    """The document's tables in the body, leaving out the 版记."""
    return [table for table in document.tables if not _floated(table)]
