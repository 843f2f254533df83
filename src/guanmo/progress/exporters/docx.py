"""The report as an official bulletin (通报) in the GB/T 9704 layout, with the sections other
apps add (`guanmo.progress.sections`) numbered after its own three."""

from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from django.utils import timezone

from guanmo.documents.docx import (
    add_body,
    add_heading,
    add_signature,
    add_table,
    add_title,
    new_official_document,
)
from guanmo.progress.exporters.text import COUNTY_TABLE_HEADERS, county_table_rows
from guanmo.progress.report import ProgressReport
from guanmo.progress.sections import BulletinSection
from guanmo.progress.sentences import (
    comparison_sentence,
    podium_sentence,
    unplanned_sentence,
    unreported_sentence,
)


def bulletin_title(report: ProgressReport, city_name: str) -> str:
    return (
        f"关于{report.period.year}年{report.period.label}{city_name}"
        f"{report.subject}建设进展情况的通报"
    )


# The bulletin's own headings are 一、二、三; added sections go on from 四.
_ADDED_NUMERALS = "四五六七八九十"


def write_docx(
    report: ProgressReport,
    city_name: str,
    output: str | Path | BinaryIO,
    *,
    sections: Sequence[BulletinSection] = (),
) -> None:
    document = new_official_document()
    add_title(document, bulletin_title(report, city_name))
    add_heading(document, "一、总体进展情况")
    add_body(document, report.headline)
    add_heading(document, "二、各县区进展情况")
    for sentence in (comparison_sentence(report), podium_sentence(report)):
        if sentence:
            add_body(document, sentence)
    if unplanned := unplanned_sentence(report):
        add_body(document, unplanned)
    add_heading(document, "三、项目报送情况")
    add_body(document, unreported_sentence(report))
    add_table(
        document,
        COUNTY_TABLE_HEADERS,
        county_table_rows(report),
        caption=f"{report.period.year}年{report.period.label}各县区{report.subject}完成投资情况",
    )
    for numeral, section in zip(_ADDED_NUMERALS, sections, strict=False):
        add_heading(document, f"{numeral}、{section.heading}")
        for sentence in section.sentences:
            add_body(document, sentence)
        if section.table is not None:
            add_table(
                document,
                section.table.headers,
                section.table.text_rows(),
                caption=section.table.caption,
            )
    issued = timezone.localdate()
    add_signature(
        document,
        f"{city_name}重点项目建设办公室",
        f"{issued.year}年{issued.month}月{issued.day}日",
    )
    document.save(output)
