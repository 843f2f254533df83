"""Issued documents for the permission walk: the list for those who see city bulletins (the
city office, the leader, the county offices), a city-wide bulletin's file for the same, the
issuing office's names for the city office only; issuing is the city office's."""

from datetime import date

from django.urls import reverse

from guanmo.documents.models import Kind
from guanmo.documents.services import issue
from tests.web.walks import Walk

ROLES = ("admin", "city", "wuzhi", "wenxian", "leader", "commissioner", "department")
READERS = {**dict.fromkeys(ROLES, 200), "commissioner": 404, "department": 404}
CITY_OFFICE = {**dict.fromkeys(ROLES, 403), "admin": 200, "city": 200}


def walk(world) -> Walk:
    bulletin = issue(
        world.city,
        kind=Kind.PROGRESS_BULLETIN,
        subject="2025-02",
        title="关于2025年1—2月焦作市重点项目建设进展情况的通报",
        dated=date(2025, 3, 8),
        user=world.users["city"],
        build=lambda head: head.number.encode(),
    )
    return Walk(
        pages={
            "document_list": (reverse("document_list"), READERS),
            "document_file": (reverse("document_file", args=[bulletin.pk, "docx"]), READERS),
            "issuing_office": (reverse("issuing_office"), CITY_OFFICE),
        },
        actions={
            "issuing_office": (
                reverse("issuing_office"),
                {role: status for role, status in CITY_OFFICE.items() if status != 200},
            ),
            # Those who cannot see the month's bulletin get 404; the leader and the county
            # offices, who read it, 403.
            "bulletin_issue": (
                reverse("bulletin_issue", args=[2025, 3]),
                {
                    "wuzhi": 403,
                    "wenxian": 403,
                    "leader": 403,
                    "commissioner": 404,
                    "department": 404,
                },
            ),
        },
        # PDF conversions take seconds each: tests/documents/test_pdf_pages.py opens them.
        tested_elsewhere={"order_file_pdf"},
    )
