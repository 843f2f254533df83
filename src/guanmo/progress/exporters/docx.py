"""The report as an official bulletin (通报) in the GB/T 9704 layout, with the sections other
apps add (`guanmo.progress.sections`) numbered after its own three."""

from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from guanmo.documents.official import Letterhead, OfficialDocument
from guanmo.figures.changes import rank_move_cell
from guanmo.figures.formatting import TABLE_MONEY_PLACES, UNDEFINED, number, points, yi
from guanmo.progress.exporters.text import (
    county_table_headers,
    county_table_rows,
    group_rank_text,
    in_group_order,
    unit_rank_text,
)
from guanmo.progress.report import ProgressReport
from guanmo.progress.sections import BulletinSection
from guanmo.progress.sentences import (
    comparison_sentence,
    podium_sentence,
    removal_sentences,
    unplanned_sentence,
    unreported_sentence,
    without_plan_sentence,
)
from guanmo.regions.names import whole


def bulletin_title(report: ProgressReport, city_name: str) -> str:
    return (
        f"关于{report.period.year}年{report.period.label}{city_name}"
        f"{report.subject}建设进展情况的通报"
    )


def in_yi(headers: Sequence[str]) -> tuple[str, ...]:
    """The bulletin's text speaks 亿元 ("完成投资63.37亿元"), so its table does too; the plan's
    header is the page's 年度计划, so that nine columns (with 序时进度 and 较序时进度) fit a
    portrait page in 小五 even beside a park's long name."""
    return tuple(
        header.replace("年度计划投资", "年度计划").replace("（万元）", "（亿元）")
        for header in headers
    )


def county_rows_in_yi(report: ProgressReport) -> list[list[str]]:
    """The county table's rows (`county_table_rows`) with plan and completed in 亿元, two
    decimals half-up, as the bulletin's sentences give them. A unit with no project on the
    list in the month has — for its rank: 本月无在列重点项目 would not leave nine columns room
    on a portrait page; section 二's sentence says it (`sentences.unplanned_sentence`), as the
    change table's rank column does."""
    rows = county_table_rows(report, noted=False)
    for row, figures in zip(rows, [*report.regions, report.total], strict=True):
        row[3] = number(yi(figures.annual_plan), TABLE_MONEY_PLACES)
        row[4] = number(yi(figures.completed), TABLE_MONEY_PLACES)
    return rows


def change_headers(city_name: str) -> tuple[str, ...]:
    """The change table's headers, the rank said at the top's level: 全市位次, 全县位次."""
    return ("县区", f"{whole(city_name)}位次", "位次较上月", "完成率较上月（个百分点）")


GROUP_HEADERS = ("所在组", "组内位次")


def change_rows(report: ProgressReport) -> list[list[str]]:
    """Each unit's rank in the city, its move and its rate's change since the previous month
    (`report.changes`, as the page shows them) and, where the city ranks in groups, its group
    and rank within it; group by group."""
    rows = []
    for figures in in_group_order(report):
        change = report.changes.get(figures.region)
        row = [
            figures.region,
            unit_rank_text(figures),
            rank_move_cell(change.places if change else None),
            points(change.points if change else None),
        ]
        if report.groups:
            row += [figures.group or UNDEFINED, group_rank_text(figures)]
        rows.append(row)
    return rows


# The bulletin's own headings are 一、二、三; added sections go on from 四.
_ADDED_NUMERALS = "四五六七八九十"


def bulletin_docx(
    report: ProgressReport,
    head: Letterhead,
    city_name: str,
    *,
    sections: Sequence[BulletinSection] = (),
) -> bytes:
    """The bulletin as .docx bytes under the given letterhead (number and 成文日期)."""
    document = OfficialDocument(head, bulletin_title(report, city_name))
    document.heading("一、总体进展情况")
    document.body(report.headline)
    if without_plan := without_plan_sentence(report):  # why the rate leaves some out
        document.body(without_plan)
    for sentence in [*report.added_sentences, *removal_sentences(report)]:
        document.body(sentence)
    document.heading("二、各县区进展情况")
    for sentence in (comparison_sentence(report), podium_sentence(report)):
        if sentence:
            document.body(sentence)
    if unplanned := unplanned_sentence(report):
        document.body(unplanned)
    document.heading("三、项目报送情况")
    document.body(unreported_sentence(report))
    document.table(
        in_yi(county_table_headers(report)),
        county_rows_in_yi(report),
        caption=f"{report.period.year}年{report.period.label}各县区{report.subject}完成投资情况",
    )
    if report.groups or report.changes:
        document.table(
            change_headers(city_name) + (GROUP_HEADERS if report.groups else ()),
            change_rows(report),
            caption=f"各县区位次较上月变化{'及分组排名' if report.groups else ''}情况",
        )
    for numeral, section in zip(_ADDED_NUMERALS, sections, strict=False):
        document.heading(f"{numeral}、{section.heading}")
        for sentence in section.sentences:
            document.body(sentence)
        if section.table is not None:
            document.table(
                section.table.headers,
                section.table.text_rows(),
                caption=section.table.caption,
            )
    return document.finish()


def write_docx(
    report: ProgressReport,
    city_name: str,
    output: str | Path | BinaryIO,
    *,
    sections: Sequence[BulletinSection] = (),
    head: Letterhead | None = None,
) -> None:
    """Write the bulletin; without a letterhead, an unnumbered, undated draft under the names
    made from the city's (the command line's output)."""
    head = head or Letterhead(
        issuer=f"{city_name}重点项目建设办公室",
        mark=f"{city_name}重点项目建设办公室文件",
        number=None,
        dated=None,
    )
    content = bulletin_docx(report, head, city_name, sections=sections)
    if isinstance(output, str | Path):
        Path(output).write_bytes(content)
    else:
        output.write(content)
