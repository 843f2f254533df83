"""The one builder every official document goes through (GB/T 9704-2012, 党政机关公文格式).

版头: the 发文机关标志 in red 小标宋 centred, 35 mm below the top of the text area; two lines
below it the 发文字号 (焦作项目办〔2025〕12号) centred, and 4 mm below that the red separator
line across the text area. 主体: the title two lines below the line, the 主送机关 flush left,
the body, the 发文机关署名 centred over the 成文日期, which stands four characters from the
right. 版记: at the foot of the last page, its last line the text area's last, between a
thick, a thin and a thick rule, 抄送 and then 印发机关 with 印发日期.
Page numbers "— 1 —" in 四号 宋体 below the text area, on the outside edge one character in:
odd pages right, even pages left.

Usage::

    document = OfficialDocument(head, title="关于……的通报")
    document.body("……")
    document.table(headers, rows, caption="……")
    content = document.finish()   # bytes of a .docx, the same for the same content and date
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils.timezone import localtime
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor

from guanmo.documents import docx as parts
from guanmo.documents.tables import (
    add_form_table,
    add_table,
    fixed_table,
    float_to_foot,
    text_width,
)

# The one rule for a date in Chinese, kept on the ground floor (sheets say dates with it too),
# given from here to every page, template filter and document.
from guanmo.figures.formatting import chinese_date as chinese_date

# The mark is as wide as the text area allows, never above 小初 × 1.5.
MARK_LARGEST = Pt(54)
MARK_TOP = Mm(35)  # from the top of the text area to the mark's upper edge
VERSION_SIZE = parts.SIZE_FOUR  # 版记 in 四号


def chinese_time(moment: datetime) -> str:
    """2025年5月25日 14:30: a stored moment in the city's local time, its day as `chinese_date`
    says it, then the hour and minute (what a change's history row shows)."""
    local = localtime(moment)
    return f"{chinese_date(local.date())} {local:%H:%M}"


def month_end_words(day: date) -> str:
    """A day as a bulletin of its year says it after 截至: 11月底 for a month's last day (截至
    11月底, as the 节点 section writes it), else 12月15日."""
    if (day + timedelta(days=1)).month != day.month:
        return f"{day.month}月底"
    return f"{day.month}月{day.day}日"


@dataclass(frozen=True)
class Letterhead:
    """What a document says about its issue; the words come from the city's `IssuingOffice`.

    `number` None for an unnumbered document (a schedule, a draft); `dated` None leaves the
    成文日期 and 印发日期 out (a schedule handed out with the tour)."""

    issuer: str  # 发文机关署名: 焦作市重点项目建设办公室
    mark: str  # 发文机关标志: 焦作市重点项目建设办公室文件
    number: str | None  # 发文字号: 焦作项目办〔2025〕12号
    dated: date | None  # 成文日期
    addressee: str = ""  # 主送机关, without the colon
    copy_to: str = ""  # 抄送
    printer: str = ""  # 印发机关
    signer: str = ""  # 签发人, a person's name, where the document shows one


class OfficialDocument:
    def __init__(self, head: Letterhead, title: str) -> None:
        self.head = head
        self.title = title
        self.document = parts.new_official_document()
        self._letterhead()
        parts.add_title(self.document, title)
        if head.addressee:
            parts.add_line(self.document, f"{head.addressee}：")

    def _letterhead(self) -> None:
        head, document = self.head, self.document
        size = Pt(min(MARK_LARGEST.pt, parts.TEXT_WIDTH.pt / max(text_width(head.mark), 1)))
        mark = parts.add_line(
            document, head.mark, font=parts.TITLE_FONT, size=size, align=WD_ALIGN_PARAGRAPH.CENTER
        )
        mark.paragraph_format.space_before = MARK_TOP
        mark.paragraph_format.line_spacing = Emu(int(size * 1.2))
        for run in mark.runs:
            run.font.color.rgb = RGBColor.from_string(parts.RED)
        number = parts.add_line(document, head.number or "", align=WD_ALIGN_PARAGRAPH.CENTER)
        number.paragraph_format.space_before = parts.LINE_PITCH * 2
        number.paragraph_format.space_after = parts.LINE_PITCH * 2
        # The red line 4 mm below the number, as wide as the text area.
        parts.set_border(number, "bottom", size_eighths=12, color=parts.RED)
        number._p.pPr.find(qn("w:pBdr"))[0].set(qn("w:space"), "11")

    def heading(self, text: str, *, level: int = 1) -> None:
        parts.add_heading(self.document, text, level=level)

    def body(self, text: str) -> None:
        parts.add_body(self.document, text)

    def line(self, text: str) -> None:
        parts.add_line(self.document, text)

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        caption: str | None = None,
        units: str | None = None,
    ) -> None:
        add_table(self.document, headers, rows, caption=caption, units=units)

    def form(self, rows: Sequence[tuple[str, str]]) -> None:
        add_form_table(self.document, rows)

    def finish(self) -> bytes:
        """Sign, date, add the 版记 and the page numbers; the .docx as bytes."""
        self._signature()
        self._imprint()
        self._page_numbers()
        return parts.docx_bytes(
            self.document,
            dated=self.head.dated or date(2000, 1, 1),
            author=self.head.issuer,
            title=self.title,
        )

    def _signature(self) -> None:
        """The issuer centred over the date; the date four characters in from the right."""
        head, document = self.head, self.document
        parts.add_line(document)
        em = parts.SIZE_THREE
        date_text = chinese_date(head.dated) if head.dated else ""
        date_width = text_width(date_text)
        issuer_width = text_width(head.issuer)
        centre_in = 4 + date_width / 2 if date_text else 2 + issuer_width / 2
        issuer = parts.add_line(document, head.issuer, align=WD_ALIGN_PARAGRAPH.RIGHT)
        issuer.paragraph_format.right_indent = Emu(int(em * max(centre_in - issuer_width / 2, 2)))
        issuer.paragraph_format.keep_with_next = True
        if date_text:
            dated = parts.add_line(document, date_text, align=WD_ALIGN_PARAGRAPH.RIGHT)
            dated.paragraph_format.right_indent = Emu(em * 4)

    def _imprint(self) -> None:
        """版记 at the foot of the last page (GB/T 9704 7.4): 抄送 over 印发机关 and 印发日期,
        a thick rule above, a thin one between and a thick one under its last line, which is
        the last line of the text area. Text that reaches lower pushes it onto a new page."""
        head, document = self.head, self.document
        if not (head.copy_to or head.printer):
            return
        em = VERSION_SIZE
        table = fixed_table(document, (parts.TEXT_WIDTH,))
        if head.copy_to:
            copy_to = table.add_row().cells[0].paragraphs[0]
            # A second line aligns with the first character after 抄送： (GB/T 9704 7.4.2).
            copy_to.paragraph_format.left_indent = em * 4
            copy_to.paragraph_format.first_line_indent = -em * 3
            copy_to.paragraph_format.right_indent = em
            parts.set_run_font(
                copy_to.add_run(f"抄送：{head.copy_to}。"), parts.BODY_FONT, VERSION_SIZE
            )
        printed = table.add_row().cells[0].paragraphs[0]
        printed.paragraph_format.left_indent = em
        printed.paragraph_format.tab_stops.add_tab_stop(
            Emu(parts.TEXT_WIDTH - em), WD_TAB_ALIGNMENT.RIGHT
        )
        issued = f"{chinese_date(head.dated)}印发" if head.dated else ""
        parts.set_run_font(
            printed.add_run(f"{head.printer or head.issuer}\t{issued}"),
            parts.BODY_FONT,
            VERSION_SIZE,
        )
        for row in table.rows:
            row.cells[0].width = parts.TEXT_WIDTH
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        rules = [("top", 8), ("insideH", 6), ("bottom", 8)]  # 0.35 mm, 0.25 mm, 0.35 mm
        float_to_foot(table, left=parts.LEFT_MARGIN, rules=rules)
        # The table's anchor: a paragraph of no height, so it never takes a page of its own.
        anchor = parts.add_line(document)
        anchor.paragraph_format.line_spacing = Pt(1)

    def _page_numbers(self) -> None:
        """— 1 — on the outside: odd pages at the right, even pages at the left, one em in."""
        section = self.document.sections[0]
        self.document.settings.odd_and_even_pages_header_footer = True
        for footer, align in (
            (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
            (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
        ):
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0]
            paragraph.alignment = align
            paragraph.paragraph_format.line_spacing_rule = None
            paragraph.paragraph_format.first_line_indent = 0
            if align == WD_ALIGN_PARAGRAPH.RIGHT:
                paragraph.paragraph_format.right_indent = parts.SIZE_FOUR
            else:
                paragraph.paragraph_format.left_indent = parts.SIZE_FOUR
            font, size = parts.PAGE_NUMBER_FONT, parts.SIZE_FOUR
            parts.set_run_font(paragraph.add_run("— "), font, size)
            parts.add_field(paragraph, "PAGE", font, size)
            parts.set_run_font(paragraph.add_run(" —"), font, size)
