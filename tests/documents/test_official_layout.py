"""The GB/T 9704 document as python-docx reads it back: letterhead, red line, addressee,
signature, 版记, page numbers on the outside, official font names, the same bytes each time."""

import io
from datetime import UTC, date, datetime

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from guanmo.documents.official import Letterhead, OfficialDocument, chinese_date
from tests.documents.docx import HEAD, imprint_lines


def _document(head: Letterhead = HEAD) -> bytes:
    document = OfficialDocument(head, "关于2025年1—11月焦作市重点项目建设进展情况的通报")
    document.heading("一、总体进展情况")
    document.body("1—11月，全市重点项目完成投资63.37亿元。")
    document.table(["位次", "县区", "完成投资（万元）"], [["1", "武陟县", "633,693.60"]])
    return document.finish()


def _read(content: bytes):
    return Document(io.BytesIO(content))


def test_the_letterhead_is_the_red_mark_the_number_and_the_red_line():
    document = _read(_document())
    mark, number, title, addressee = document.paragraphs[:4]
    assert mark.text == "焦作市重点项目建设办公室文件"
    assert str(mark.runs[0].font.color.rgb) == "FF0000"
    assert mark.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    assert number.text == "焦作项目办〔2025〕12号"
    line = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert (line.get(qn("w:color")), line.get(qn("w:val"))) == ("FF0000", "single")
    assert title.text.startswith("关于2025年")
    assert addressee.text == "各县（市、区）人民政府，市直有关单位："


def test_signature_and_date_close_the_body():
    texts = [p.text for p in _read(_document()).paragraphs if p.text]
    assert texts[-2:] == ["焦作市重点项目建设办公室", "2025年12月8日"]


def test_the_imprint_is_a_table_floated_to_the_foot_of_the_text_area():
    document = _read(_document())
    imprint = document.tables[-1]
    assert imprint_lines(document) == [
        "抄送：市委办公室，市人大常委会办公室。",
        "焦作市重点项目建设办公室\t2025年12月8日印发",
    ]
    position = imprint._tbl.tblPr.find(qn("w:tblpPr"))
    assert position.get(qn("w:vertAnchor")) == "margin"
    assert position.get(qn("w:tblpYSpec")) == "bottom"
    assert position.get(qn("w:tblpX")) == str(round(Mm(28).twips))  # the text area's left edge
    rules = {
        rule.tag.split("}")[1]: rule.get(qn("w:sz"))
        for rule in imprint._tbl.tblPr.find(qn("w:tblBorders"))
        if rule.get(qn("w:val")) == "single"
    }
    assert rules == {"top": "8", "insideH": "6", "bottom": "8"}


def test_page_numbers_stand_outside_odd_right_even_left():
    document = _read(_document())
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    for footer in (odd, even):
        assert footer.text == "— 1 —"  # the PAGE field's shown value between 一字线
        assert " PAGE " in [t.text for t in footer._p.iter(qn("w:instrText"))]
        assert footer.runs[0].font.size == Pt(14)  # 四号
    assert (odd.alignment, even.alignment) == (2, 0)  # right, left


def test_the_page_is_a4_with_the_gb_text_area():
    section = _read(_document()).sections[0]
    assert round(section.top_margin.mm) == 37 and round(section.left_margin.mm) == 28
    assert round(section.page_width.mm - section.left_margin.mm - section.right_margin.mm) == 156
    assert round(section.page_height.mm - section.top_margin.mm - section.bottom_margin.mm) == 225


def test_the_same_document_is_the_same_file_and_carries_its_own_date():
    first, again = _document(), _document()
    assert first == again
    properties = _read(first).core_properties
    assert properties.created == properties.modified == datetime(2025, 12, 8, tzinfo=UTC)
    assert properties.author == "焦作市重点项目建设办公室"


def test_an_unnumbered_undated_document_keeps_the_red_line_and_leaves_out_the_dates():
    head = Letterhead(
        issuer="焦作市重点项目建设办公室",
        mark="焦作市重点项目建设办公室文件",
        number=None,
        dated=None,
    )
    document = _read(_document(head))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[-1] == "焦作市重点项目建设办公室"
    assert document.paragraphs[1]._p.pPr.find(qn("w:pBdr")) is not None


def test_the_table_header_repeats_and_no_row_splits():
    table, _imprint = _read(_document()).tables
    header, row = table.rows
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in (header, row))
    assert all(cell.paragraphs[0].paragraph_format.keep_with_next for cell in header.cells)


def test_dates_are_written_in_full_without_leading_zeros():
    assert chinese_date(date(2025, 3, 5)) == "2025年3月5日"


def test_every_section_lays_the_body_on_a_grid_of_22_lines_of_28_characters():
    """GB/T 9704 5.2.2: 3号仿宋 body, 22 lines to the page, 28 characters to the line. Word
    counts a line pitch in twentieths of a point and the character pitch as the body size
    plus charSpace 4096ths of a point."""
    document = _read(_document())
    for section in document.sections:
        grid = section._sectPr.find(qn("w:docGrid"))
        assert grid.get(qn("w:type")) == "linesAndChars"
        text_width = section.page_width - section.left_margin - section.right_margin
        text_height = section.page_height - section.top_margin - section.bottom_margin
        line_pitch = Pt(int(grid.get(qn("w:linePitch"))) / 20)
        char_pitch = Pt(16 + int(grid.get(qn("w:charSpace"))) / 4096)
        assert text_height // line_pitch == 22
        assert text_width // char_pitch == 28
