"""Months loaded by import-progress without a period are closed for the bulletins as they are
for the dashboard, progress-report and the plan-change check (`reporting.selectors.
closed_months`): listed on /bulletins/ and each with its bulletin page and draft (tryout 31,
finding 5: /bulletins/ listed only a period's month and the page said 未开启填报期，本月尚未
关账; tryout 25 [10] before)."""

from datetime import date
from io import BytesIO

from django.urls import reverse
from docx import Document

from guanmo.reporting.selectors import latest_closed_month
from guanmo.reporting.services import close_period, open_period
from tests.world import YEAR


def test_imported_months_without_a_period_are_listed_with_the_closed_period(client, world):
    assert latest_closed_month(world.city) == (YEAR, 3)  # January to March loaded from sheets
    period = open_period(world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=None)
    close_period(period, user=world.users["city"])
    client.force_login(world.users["city"])

    page = client.get(reverse("bulletin_list")).content.decode()

    for shown in (4, 3, 2, 1):
        assert f'href="{reverse("bulletin", args=[YEAR, shown])}">{YEAR}年{shown}月通报</a>' in page
    assert page.index(f"{YEAR}年4月通报") < page.index(f"{YEAR}年3月通报")
    assert "尚未有关闭的填报期" not in page


def test_an_imported_month_s_bulletin_page_and_draft_are_there(client, world):
    year, month = latest_closed_month(world.city)
    client.force_login(world.users["city"])

    page = client.get(reverse("bulletin", args=[year, month]))
    assert page.status_code == 200
    assert "尚未关账" not in page.content.decode()

    draft = client.get(reverse("bulletin_file", args=[year, month, "docx"]))
    assert draft.status_code == 200
    text = "\n".join(
        p.text for p in Document(BytesIO(b"".join(draft.streaming_content))).paragraphs
    )
    assert f"1—{month}月" in text
    assert "2025年4月1日" in text  # dated the day after the month, no period having closed it
