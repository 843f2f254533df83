"""The results bulletin (观摩评比结果通报) in the GB/T 9704 layout: how the tour ran, the
county and site rankings, the podium, each county's sites and the judges' remarks."""

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
    site_table_rows,
)

_NUMBERS = "一二三四五六七八九十"


def write_docx(report: TourReport, output: str | Path | BinaryIO) -> None:
    results, facts = report.results, report.facts
    document = new_official_document()
    add_title(document, bulletin_title(facts))
    headings = iter(_NUMBERS)
    add_heading(document, f"{next(headings)}、观摩基本情况")
    add_body(document, course_sentence(facts))
    add_body(document, scoring_sentence(report))
    add_heading(document, f"{next(headings)}、评比结果")
    if podium := podium_sentence(results.regions):
        add_body(document, podium)
    add_table(
        document,
        COUNTY_TABLE_HEADERS,
        county_table_rows(results),
        caption=f"{facts.name}各县区综合得分排名",
    )
    add_table(document, SITE_TABLE_HEADERS, site_table_rows(results), caption="各观摩点得分排名")
    add_heading(document, f"{next(headings)}、各县区观摩点得分情况")
    for region in results.regions:
        add_body(document, county_sites_sentence(region, results.sites))
    remarks = remarks_by_site(report.cards, [site.site for site in results.sites])
    if remarks:
        add_heading(document, f"{next(headings)}、评委点评")
        for site in remarks:
            said = "；".join(remark.text.rstrip("。；;. ") for remark in site.remarks)
            add_body(document, f"{site.site}（{site.region}）：{said}。")
    issued = timezone.localdate()
    add_signature(document, facts.issuer, f"{issued.year}年{issued.month}月{issued.day}日")
    document.save(output)
