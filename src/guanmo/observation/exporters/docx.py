"""The results bulletin (观摩评比结果通报) in the GB/T 9704 layout: how the tour ran, the
county and site rankings, the podium, each county's sites and the judges' remarks."""

from pathlib import Path
from typing import BinaryIO

from guanmo.documents.official import Letterhead, OfficialDocument
from guanmo.observation.bulletin import (
    TourReport,
    bulletin_title,
    county_sites_sentence,
    course_sentence,
    podium_sentence,
    remarks_by_site,
    scoring_sentence,
)
from guanmo.observation.exporters.text import (
    COUNTY_TABLE_HEADERS,
    SITE_TABLE_HEADERS,
    county_table_rows,
    group_table_headers,
    group_table_rows,
    site_table_rows,
)

_NUMBERS = "一二三四五六七八九十"


def results_docx(report: TourReport, head: Letterhead) -> bytes:
    """The results bulletin as .docx bytes under the given letterhead."""
    results, facts = report.results, report.facts
    document = OfficialDocument(head, bulletin_title(facts))
    headings = iter(_NUMBERS)
    document.heading(f"{next(headings)}、观摩基本情况")
    document.body(course_sentence(facts))
    document.body(scoring_sentence(report))
    document.heading(f"{next(headings)}、评比结果")
    if podium := podium_sentence(results.regions):
        document.body(podium)
    document.table(
        COUNTY_TABLE_HEADERS,
        county_table_rows(results),
        caption=f"{facts.name}各县区综合得分排名",
    )
    if results.groups:
        document.table(
            group_table_headers(facts.city), group_table_rows(results), caption="各县区分组排名"
        )
    document.table(SITE_TABLE_HEADERS, site_table_rows(results), caption="各观摩点得分排名")
    document.heading(f"{next(headings)}、各县区观摩点得分情况")
    for region in results.regions:
        document.body(county_sites_sentence(region, results.sites))
    remarks = remarks_by_site(report.cards, [site.site for site in results.sites])
    if remarks:
        document.heading(f"{next(headings)}、评委点评")
        for site in remarks:
            said = "；".join(remark.text.rstrip("。；;. ") for remark in site.remarks)
            document.body(f"{site.site}（{site.region}）：{said}。")
    return document.finish()


def write_docx(report: TourReport, output: str | Path | BinaryIO) -> None:
    """Write an unnumbered, undated draft under names made from the city's (the command
    line's output)."""
    head = Letterhead(
        issuer=report.facts.issuer, mark=f"{report.facts.issuer}文件", number=None, dated=None
    )
    content = results_docx(report, head)
    if isinstance(output, str | Path):
        Path(output).write_bytes(content)
    else:
        output.write(content)
