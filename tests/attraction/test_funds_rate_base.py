"""资金到位率 is over the projects with a funds record by the period's end (funnel.funds_known);
where a row's base leaves some out, every face says so under the table, naming the row, the
projects and the contract the rate is over (tryout 28: 境外 showed 合同投资23,000.00 beside
6.7% = 1000 ÷ 15000, and only the city's sentence said another project was left out)."""

import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from guanmo.attraction.models import FundsInPlace, Lead, StageDate
from guanmo.attraction.stages import Stage
from tests.world import YEAR

NOTE = (
    "注：温县资金到位率按有资金到位记录的1个项目、合同投资15,000.00万元计算"
    "（另1个项目截至8月无资金到位记录，未计入）。"
)


def _signed(city, county, name, contract, signed, funds):
    lead = Lead.objects.create(
        city=city, county=county, name=name, register_year=YEAR, contract_investment=contract
    )
    StageDate.objects.create(lead=lead, stage=Stage.SIGNED, reached=signed)
    FundsInPlace.objects.create(lead=lead, year=YEAR, month=funds[0], cumulative=funds[1])


@pytest.fixture
def register(world, settings):
    settings.GUANMO_TODAY = date(YEAR, 12, 15)
    wenxian = world.city.children.get(name="温县")
    _signed(world.city, wenxian, "日资项目", Decimal(15000), date(YEAR, 5, 5), (6, Decimal(1000)))
    # Signed in August, its funds first reported for November: unknown for 1—8月.
    _signed(world.city, wenxian, "智利铜材", Decimal(8000), date(YEAR, 8, 8), (11, Decimal(500)))


def _report(*options):
    call_command("attraction-report", "--year", str(YEAR), "--month", "8", *options)


def test_the_text_and_json_say_the_rates_base(register, capsys):
    _report()
    text = capsys.readouterr().out
    _report("--format", "json")
    report = json.loads(capsys.readouterr().out)

    assert NOTE in text
    assert NOTE.replace("温县", "全市") in text
    rows = {row["region"]: row for row in report["funnel"]}
    assert (rows["温县"]["contract_investment"], rows["温县"]["funds_rate"]) == ("23000", "6.7")
    assert NOTE in report["funds_notes"]


def test_the_xlsx_and_docx_say_the_rates_base(register, tmp_path):
    book, document = tmp_path / "招商.xlsx", tmp_path / "招商.docx"
    _report("--format", "xlsx", "--output", str(book))
    _report("--format", "docx", "--output", str(document))

    cells = [
        cell for row in load_workbook(book)["县区园区"].iter_rows(values_only=True) for cell in row
    ]
    assert NOTE in cells
    assert NOTE in [paragraph.text for paragraph in Document(document).paragraphs]


def test_the_page_says_the_rates_base(client, world, register):
    client.force_login(world.users["city"])
    page = client.get(reverse("attraction_funnel"), {"year": YEAR, "month": 8}).content.decode()

    assert NOTE in page


def test_the_bulletins_section_says_the_rates_base(world, register):
    from guanmo.attraction.bulletin import attraction_section

    section = attraction_section(world.city, YEAR, 8)

    assert NOTE in section.sentences
    assert NOTE.replace("温县", "全市") in section.sentences
