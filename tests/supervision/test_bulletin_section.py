"""The monthly progress bulletin carries the month's problem figures (问题督办情况) as they
stood at the month's end, on its page, in its .docx and in its .xlsx; a month without problems
says so in one sentence."""

import io
import re
from datetime import date

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from guanmo.accounts.models import User
from guanmo.reporting.services import close_period, open_period
from guanmo.supervision import services
from tests.documents.docx import body_tables
from tests.world import YEAR

HEADLINE = (
    "本月共交办问题2个，已解决1个（其中按期解决1个），按期解决率50.0%，"
    "平均解决用时7.0天；逾期未解决1个。"
)


@pytest.fixture
def closed_april(world):
    period = open_period(world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=None)
    close_period(period, user=world.users["city"])
    return period


@pytest.fixture
def april_problems(world, calendar, raise_problem, environment_bureau):
    """装备园 (自然资源) raised 4/1, due 4/10, solved 4/8 and confirmed: on time in 7 days;
    食品 (生态环境) raised 4/20, due 4/25, marked solved only on 3 May: overdue at April's end."""
    city = world.users["city"]
    on_time = raise_problem(raised_on=date(YEAR, 4, 1), deadline=date(YEAR, 4, 10))
    services.answer(
        on_time, user=world.users["department"], note="已落实", solved=True, today=date(YEAR, 4, 8)
    )
    services.confirm(on_time, user=city, today=date(YEAR, 4, 9))
    late = raise_problem(
        "温县食品",
        department=environment_bureau,
        raised_on=date(YEAR, 4, 20),
        deadline=date(YEAR, 4, 25),
    )
    environment = User.objects.create_user(
        "sthjj", role="department", region=world.city, department=environment_bureau
    )
    services.answer(late, user=environment, note="已批复", solved=True, today=date(YEAR, 5, 3))


def bulletin_file(client, world, extension):
    client.force_login(world.users["city"])
    response = client.get(reverse("bulletin_file", args=[YEAR, 4, extension]))
    assert response.status_code == 200
    return io.BytesIO(b"".join(response.streaming_content))


def section_heading(paragraphs: list[str]) -> int:
    """Where the section's numbered heading stands; its number follows the sections registered
    before it (the progress figures', then the ledger's milestones and curves)."""
    (index,) = [
        at
        for at, text in enumerate(paragraphs)
        if re.fullmatch(r"[一二三四五六七八九十]+、问题督办情况", text)
    ]
    return index


def test_the_bulletin_page_shows_the_month_s_problems(client, world, closed_april, april_problems):
    client.force_login(world.users["leader"])
    page = client.get(reverse("bulletin", args=[YEAR, 4])).content.decode()
    assert "问题督办情况" in page
    assert HEADLINE in page
    assert "2025年4月各责任部门督办问题办理情况" in page


def test_the_docx_has_the_section_and_its_table_by_department(
    client, world, closed_april, april_problems
):
    document = Document(bulletin_file(client, world, "docx"))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    heading = section_heading(paragraphs)
    assert paragraphs[heading + 1] == HEADLINE
    (table,) = [t for t in body_tables(document) if t.rows[0].cells[0].text == "责任部门"]
    _header, *rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows == [
        ["市自然资源和规划局", "1", "1", "1", "0", "100.0", "7.0"],
        ["市生态环境局", "1", "0", "0", "1", "0.0", "—"],
        ["合计", "2", "1", "1", "1", "50.0", "7.0"],
    ]


def test_the_xlsx_has_a_sheet_of_the_table(client, world, closed_april, april_problems):
    workbook = load_workbook(bulletin_file(client, world, "xlsx"))
    sheet = workbook["问题督办情况"]
    assert sheet["A1"].value == "2025年4月各责任部门督办问题办理情况"
    # Figures are numbers, the rate in Excel's percent format (issue 10: no rates as text).
    assert [cell.value for cell in sheet[5]] == ["合计", 2, 1, 1, 1, 0.5, 7]
    assert sheet["F5"].number_format == "0.0%"


def test_a_month_without_problems_says_so_in_one_sentence(client, world, closed_april):
    client.force_login(world.users["city"])
    page = client.get(reverse("bulletin", args=[YEAR, 4])).content.decode()
    assert "本月未交办问题。" in page
    document = Document(bulletin_file(client, world, "docx"))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    heading = section_heading(paragraphs)
    assert paragraphs[heading + 1 : heading + 3] == ["本月未交办问题。", ""]
    assert all(t.rows[0].cells[0].text != "责任部门" for t in body_tables(document))
