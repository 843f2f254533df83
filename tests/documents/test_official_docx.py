from io import BytesIO

from docx import Document
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt

from guanmo.documents.docx import add_body, add_heading, add_title, new_official_document
from guanmo.documents.tables import add_form_table


def _round_trip(document) -> Document:
    buffer = BytesIO()
    document.save(buffer)
    buffer.seek(0)
    return Document(buffer)


def test_body_is_fangsong_three_with_fixed_lines_and_two_character_indent():
    document = new_official_document()
    add_body(document, "全市重点项目建设总体平稳。")

    paragraph = _round_trip(document).paragraphs[0]

    run = paragraph.runs[0]
    assert run.font.size == Pt(16)
    assert run._element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert paragraph.paragraph_format.first_line_indent == Pt(32)


def test_default_style_names_the_chinese_body_font_and_exact_spacing():
    normal = _round_trip(new_official_document()).styles["Normal"]

    assert normal.element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert normal.paragraph_format.line_spacing_rule == WD_LINE_SPACING.EXACTLY


def test_title_and_headings_use_their_own_fonts_and_sizes():
    document = new_official_document()
    add_title(document, "关于重点项目建设情况的通报")
    add_heading(document, "一、总体情况")
    add_heading(document, "（一）投资完成情况", level=2)

    title, heading, subheading = _round_trip(document).paragraphs
    fonts = [
        p.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) for p in (title, heading, subheading)
    ]
    assert fonts == ["方正小标宋简体", "黑体", "楷体_GB2312"]
    assert title.runs[0].font.size == Pt(22)


def test_a_form_table_has_heiti_labels_and_fangsong_values_line_by_line():
    document = new_official_document()
    add_form_table(
        document, [("项目名称", "武陟县智能装备产业园"), ("督办要求", "一、按期办结\n二、书面报送")]
    )

    (table,) = _round_trip(document).tables
    label, value = table.rows[1].cells
    assert label.paragraphs[0].runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    assert [p.text for p in value.paragraphs] == ["一、按期办结", "二、书面报送"]
    assert value.paragraphs[1].runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
