"""The monthly bulletin carries 招商引资项目推进情况 for a city that keeps a register: the year's
funnel to the bulletin's month, on its page, in its .docx and .xlsx; a city without a register
gets no such section."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from guanmo.attraction.bulletin import attraction_section
from guanmo.attraction.models import Lead, StageDate
from guanmo.attraction.stages import Stage
from guanmo.reporting.services import close_period, open_period
from tests.documents.docx import body_tables
from tests.world import YEAR

HEADLINE = "2025年1—4月，全市新增签约项目2个、合同投资3.5亿元，其中已开工1个，开工率50.0%。"


def _lead(city, county, name, investment, **stages):
    lead = Lead.objects.create(
        city=city, county=county, name=name, register_year=YEAR, contract_investment=investment
    )
    for word, day in stages.items():
        StageDate.objects.create(lead=lead, stage=Stage(word), reached=day)
    return lead


@pytest.fixture
def closed_april(world):
    period = open_period(world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=None)
    close_period(period, user=world.users["city"])
    return period


@pytest.fixture
def register(world):
    county = world.city.children.get(name="武陟县")
    _lead(
        world.city, county, "冷链", Decimal("30000"), 签约=date(YEAR, 1, 10), 开工=date(YEAR, 3, 1)
    )
    _lead(world.city, county, "传感器", Decimal("5000"), 签约=date(YEAR, 4, 10))
    _lead(world.city, county, "五月签约", Decimal("9000"), 签约=date(YEAR, 5, 2))


def _file(client, world, extension):
    client.force_login(world.users["city"])
    response = client.get(reverse("bulletin_file", args=[YEAR, 4, extension]))
    assert response.status_code == 200
    return io.BytesIO(b"".join(response.streaming_content))


def test_a_city_without_a_register_has_no_section(world):
    assert attraction_section(world.city, YEAR, 4) is None


def test_the_section_counts_the_year_to_the_bulletins_month(world, register):
    section = attraction_section(world.city, YEAR, 4)

    assert section.sentences[0] == HEADLINE
    # No funds recorded by April: 资金到位率 unknown, — (tryout 32: never-reported counted 0).
    assert section.table.text_rows() == [
        ["武陟县", "2", "35,000.00", "1", "1", "50.0", "50.0", "—"],
        ["全市", "2", "35,000.00", "1", "1", "50.0", "50.0", "—"],
    ]


def test_the_bulletin_page_docx_and_xlsx_show_it(client, world, closed_april, register):
    client.force_login(world.users["leader"])
    page = client.get(reverse("bulletin", args=[YEAR, 4])).content.decode()
    assert "招商引资项目推进情况" in page and HEADLINE in page

    document = Document(_file(client, world, "docx"))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert HEADLINE in paragraphs
    # Other sections' tables open with 地区 too (计划曲线序时进度): this one counts signings.
    (table,) = [t for t in body_tables(document) if t.rows[0].cells[1].text == "新签项目（个）"]
    assert [cell.text for cell in table.rows[-1].cells][:3] == ["全市", "2", "35,000.00"]

    sheet = load_workbook(_file(client, world, "xlsx"))["招商引资项目推进情况"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    city = next(row for row in values if row[0] == "全市")
    assert city[:5] == ["全市", 2, 35000, 1, 1]
    assert city[6] == 0.5  # 开工率 50.0% as Excel's fraction


def test_the_sections_unit_rows_add_up_to_the_city_a_park_project_counted_in_its_park(world):
    from guanmo.regions.models import Region

    county = world.city.children.get(name="武陟县")
    park = Region.objects.create(
        code="410899001",
        name="城乡一体化示范区",
        kind=Region.Kind.ZONE,
        parent=world.city,
        sort_order=99,
    )
    lead = _lead(world.city, county, "园区项目", Decimal("8000"), 签约=date(YEAR, 2, 1))
    lead.park = park
    lead.save()
    _lead(world.city, county, "县城项目", Decimal("2000"), 签约=date(YEAR, 3, 1))

    *units, city_row = attraction_section(world.city, YEAR, 4).table.text_rows()

    assert city_row[:2] == ["全市", "2"]
    assert sum(int(row[1]) for row in units) == 2
    assert [row[:2] for row in units] == [["武陟县", "1"], ["城乡一体化示范区", "1"]]


def test_an_issued_bulletins_page_shows_the_issued_sections_not_todays_data(
    client, world, closed_april, register
):
    client.force_login(world.users["city"])
    client.post(reverse("bulletin_issue", args=[YEAR, 4]), {"dated": f"{YEAR}-05-08"})
    county = world.city.children.get(name="武陟县")
    _lead(world.city, county, "印发后补录", Decimal("20000"), 签约=date(YEAR, 4, 20))
    today = attraction_section(world.city, YEAR, 4).sentences[0]
    assert today != HEADLINE  # the register changed after issue

    page = client.get(reverse("bulletin", args=[YEAR, 4])).content.decode()
    document = Document(_file(client, world, "docx"))

    assert HEADLINE in page and today not in page
    assert HEADLINE in [paragraph.text for paragraph in document.paragraphs]
    assert "以下是印发的文件内容" in page and "印发通报</button>" not in page
    assert '<td>全市</td><td class="num">2</td><td class="num">35,000.00</td>' in page
