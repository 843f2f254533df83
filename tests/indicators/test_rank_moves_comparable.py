"""A rank move is stated only between periods that rank the same regions: 温县 2nd of the 2
ranked in May and 4th of the 5 ranked in June was "较上月后移2位", though still behind 修武县
(tryout 26 item 2). Otherwise no move, and every face says so:
上期参与排名的单位不同，位次变化不可比."""

import io
from decimal import Decimal

from docx import Document
from openpyxl import load_workbook

from guanmo.documents.official import Letterhead
from guanmo.indicators.arithmetic import MOVES_NOT_COMPARABLE, NO_FIGURE_BEFORE, Reading, Rule
from guanmo.indicators.report import build_report
from guanmo.indicators.report_output import as_docx, as_text, as_xlsx
from guanmo.indicators.table import peer_table
from guanmo.indicators.warnings import IndicatorWarningKind, report_warnings
from tests.indicators.pages import indicator_city, store_growths
from tests.world import YEAR

NOTE = "注：上期参与排名的单位不同，位次变化不可比。"


def _readings(growths: dict[str, int | None]) -> list[Reading]:
    return [
        Reading(name, None if g is None else Decimal(100 + g), Decimal(100), None)
        for name, g in growths.items()
    ]


def test_no_move_between_periods_ranking_different_regions():
    may = _readings({"修武县": 25, "温县": 10, "博爱县": None, "武陟县": None, "孟州市": None})
    june = _readings({"修武县": 30, "温县": 12, "博爱县": 20, "武陟县": 15, "孟州市": 5})
    lines = peer_table(june, Rule(), previous=may)
    assert [(line.region, line.rank, line.rank_change) for line in lines] == [
        ("修武县", 1, None),
        ("温县", 4, None),  # today: -2, though still behind 修武县
        ("博爱县", 2, None),
        ("武陟县", 3, None),
        ("孟州市", 5, None),
    ]
    # a unit without last month's figure says so, the others why no move (tryout 29 item 11)
    assert [line.move_note for line in lines] == [
        MOVES_NOT_COMPARABLE,
        MOVES_NOT_COMPARABLE,
        NO_FIGURE_BEFORE,
        NO_FIGURE_BEFORE,
        NO_FIGURE_BEFORE,
    ]
    assert NO_FIGURE_BEFORE == "上月无数据"


def test_a_unit_back_after_a_month_without_its_figure_says_so_alone():
    april = _readings({"城关镇": 5, "周庄镇": 8, "西村乡": None})
    may = _readings({"城关镇": 6, "周庄镇": 4, "西村乡": 9})
    lines = peer_table(may, Rule(), previous=april)
    assert lines[2].move_note == NO_FIGURE_BEFORE
    assert lines[0].move_note == MOVES_NOT_COMPARABLE


def test_moves_between_periods_ranking_the_same_regions_are_stated():
    may = _readings({"修武县": 25, "温县": 10, "博爱县": None})
    june = _readings({"修武县": 5, "温县": 12, "博爱县": None})
    lines = peer_table(june, Rule(), previous=may)
    assert [(line.rank, line.rank_change, line.move_note) for line in lines] == [
        (2, -1, ""),
        (1, 1, ""),
        (None, None, ""),
    ]


def _june_among_more(world):
    """May's 固定资产投资 ranks all ten units (武陟县 10th); June's only the first eight, where
    武陟县 (7th in the tree) grows least: 8th of 8, which before was said 较上月前移2位."""
    figures = indicator_city(world)
    units = figures.units
    store_growths(
        figures.investment,
        units[:8],
        6,
        {p: Decimal(20 + p) for p in range(1, 9)} | {7: Decimal(1)},
    )
    return figures


def test_every_face_says_the_move_is_not_comparable(world):
    _june_among_more(world)
    report = build_report(world.city, YEAR, 6, region="武陟县")
    said = "".join(report.sentences)
    assert "武陟县固定资产投资" in said and "增速在全市有数据的8个中居第8位" in said
    assert f"第8位，{MOVES_NOT_COMPARABLE}" in said
    assert "前移" not in said and "后移" not in said

    whole = build_report(world.city, YEAR, 6)
    text = as_text(whole)
    assert NOTE in text
    sheet = load_workbook(io.BytesIO(as_xlsx(whole))).active
    cells = [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value]
    assert any(NOTE in text for text in cells)
    wuzhi = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "武陟县")
    assert all(value in (None, "", "—") or "移" not in str(value) for value in wuzhi)
    head = Letterhead(issuer="焦作市重点项目建设办公室", mark="文件", number=None, dated=None)
    paragraphs = [p.text for p in Document(io.BytesIO(as_docx(whole, head))).paragraphs]
    assert any(NOTE in text for text in paragraphs)


def test_the_dashboard_warns_no_fall_between_periods_ranking_different_regions(world):
    figures = indicator_city(world)
    # June ranks only the first eight; 孟州市 (1st in the tree) falls from 1st of 10 to 8th of 8.
    store_growths(
        figures.investment,
        figures.units[:8],
        6,
        {p: Decimal(20 + p) for p in range(1, 9)} | {1: Decimal(1)},
    )
    warnings = report_warnings(build_report(world.city, YEAR, 6), Decimal(5))
    assert IndicatorWarningKind.FALLING not in {warning.kind for warning in warnings}
