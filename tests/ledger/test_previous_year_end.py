"""截至上年底累计完成投资 is a figure of the ledger (issue 9 §3): read from a ledger sheet's
column, derived from last year's when the ledger holds it exactly, shown and edited on the
project's page, and the only way a sheet giving just 开累 gives the year's cumulative."""

from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.ledger.models import CompletedBeforeYear, MonthlyProgress
from guanmo.ledger.services import import_ledger, import_progress
from guanmo.reporting.models import FigureChange
from tests.ledger.sheets import LEDGER_HEADER, ledger_xlsx, xlsx
from tests.world import YEAR

HEADER = [*LEDGER_HEADER[:9], "截至上年底累计完成投资"]


def before(name: str, year: int = 2025) -> Decimal:
    return CompletedBeforeYear.objects.get(project__name=name, year=year).completed


def cumulative(name: str, month: int, year: int = 2025) -> Decimal:
    found = MonthlyProgress.objects.get(project__name=name, year=year, month=month)
    return found.cumulative_completed


@pytest.fixture
def ledger(city):
    """甲 with 8010万元 completed before 2025 in the ledger, 乙 without the figure."""
    report = import_ledger(
        ledger_xlsx(
            [1, "甲项目", None, "武陟县", None, "续建", None, 50000, 10000, 8010],
            [2, "乙项目", None, "温县", None, "续建", None, 20000, 4000, None],
            header=HEADER,
        ),
        city=city,
        year=2025,
    )
    assert report.faults == []
    return city


def since_start_sheet(*rows, this_month=100):
    """A sheet giving 开累 and the month's own figure (a 本月 is never derived from 开累 alone)."""
    header = ["项目名称", "所在县区", "本月完成投资", "开累完成投资（万元）", "形象进度"]
    return xlsx([header, *([*row[:2], this_month, *row[2:]] for row in rows)])


def test_the_ledger_import_stores_last_years_figure_for_the_year(ledger):
    assert before("甲项目") == Decimal(8010)
    # A blank cell is not read as 0: 乙 has no figure.
    assert not CompletedBeforeYear.objects.filter(project__name="乙项目").exists()


@pytest.mark.parametrize(
    "words",
    [
        "至上年底累计完成",
        "上年底累计",
        "以前年度完成投资",
        "截至2024年底累计",
        "截至上年底累计完成",
    ],
)
def test_the_ledger_import_knows_the_words_offices_use_for_it(city, words):
    sheet = ledger_xlsx(
        [1, "甲项目", None, "武陟县", None, "续建", None, 50000, 10000, 7000],
        header=[*LEDGER_HEADER[:9], words],
    )
    assert import_ledger(sheet, city=city, year=2025).faults == []
    assert before("甲项目") == Decimal(7000)


def test_a_header_naming_another_year_end_is_set_aside_with_a_note(ledger):
    sheet = ledger_xlsx(
        [1, "甲项目", None, "武陟县", None, "续建", None, 50000, 10000, 6000],
        header=[*LEDGER_HEADER[:9], "截至2023年底累计"],
    )
    report = import_ledger(sheet, city=ledger, year=2025)
    assert "工作表「Sheet1」「截至2023年底累计」写明2023年底，不是2024年底的数，未读取" in (
        report.notes
    )
    assert before("甲项目") == Decimal(8010)


def test_a_figure_above_the_total_investment_is_refused(city):
    sheet = ledger_xlsx(
        [1, "甲项目", None, "武陟县", None, "续建", None, 5000, 1000, 6000], header=HEADER
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert [str(fault) for fault in report.faults] == [
        "第4行「至上年底累计完成投资」：6000万元，超过总投资5000万元"
    ]


def test_a_changed_figure_goes_to_the_history_and_a_blank_keeps_it(ledger):
    sheet = ledger_xlsx(
        [1, "甲项目", None, "武陟县", None, "续建", None, 50000, 10000, 8100],
        [2, "乙项目", None, "温县", None, "续建", None, 20000, 4000, None],
        header=HEADER,
    )
    import_ledger(sheet, city=ledger, year=2025)
    assert set(
        FigureChange.objects.values_list("project__name", "field", "old_value", "new_value", "year")
    ) == {("甲项目", "截至上年底累计完成投资（万元）", "8010", "8100", 2025)}
    blank = ledger_xlsx(
        [1, "甲项目", None, "武陟县", None, "续建", None, 50000, 10000, None], header=HEADER
    )
    import_ledger(blank, city=ledger, year=2025)
    assert before("甲项目") == Decimal(8100)


def test_a_since_start_sheet_takes_last_years_figure_from_the_ledger(ledger):
    # The bulletin said 139.1% of plan: 开累 13910 taken for the year's; the truth is 5900.
    report = import_progress(
        since_start_sheet(["甲项目", "武陟县", 13910, "主体施工"]), city=ledger, year=2025, month=6
    )
    assert report.faults == []
    assert cumulative("甲项目", 6) == Decimal(5900)
    assert (
        "工作表「Sheet1」第2行「甲项目」：本年累计由开累减截至上年底累计得出（开累13910万元减台账中截至2024年底"
        "累计8010万元）" in report.notes
    )


def test_a_project_without_last_years_figure_stops_the_import_naming_its_row(ledger):
    report = import_progress(
        since_start_sheet(["甲项目", "武陟县", 13910, None], ["乙项目", "温县", 3000, None]),
        city=ledger,
        year=2025,
        month=6,
    )
    assert [(fault.row, fault.column) for fault in report.faults] == [(3, "开工累计完成投资")]
    assert "台账中也没有这个项目截至2024年底的累计完成投资" in report.faults[0].message
    assert not MonthlyProgress.objects.exists()


def test_a_since_start_figure_below_last_years_is_refused_naming_the_cell(ledger):
    report = import_progress(
        since_start_sheet(["甲项目", "武陟县", 8000, None]), city=ledger, year=2025, month=6
    )
    assert [str(fault) for fault in report.faults] == [
        "第2行「开工累计完成投资」：8000万元，低于截至2024年底累计8010万元，减出的本年累计为负数，"
        "未导入"
    ]
    assert not MonthlyProgress.objects.exists()


def test_last_years_figure_is_derived_from_the_year_before_and_december(ledger):
    # 甲: 8010 before 2025 and 2025's 1—12月 cumulative 9000 give 17010 before 2026.
    december = xlsx(
        [["项目名称", "所在县区", "本月完成投资", "累计完成投资"], ["甲项目", "武陟县", 800, 9000]]
    )
    assert import_progress(december, city=ledger, year=2025, month=12).ok
    report = import_progress(
        since_start_sheet(["甲项目", "武陟县", 18010, None]), city=ledger, year=2026, month=3
    )
    assert report.faults == []
    assert cumulative("甲项目", 3, year=2026) == Decimal(1000)
    assert any(
        "由2024年底累计8010万元加2025年1—12月累计9000万元得出" in note for note in report.notes
    )


def test_the_project_page_shows_and_the_edit_form_changes_it(client, world):
    client.force_login(world.users["city"])
    project = world.projects["武陟装备"]
    year = YEAR
    CompletedBeforeYear.objects.create(project=project, year=year, completed=Decimal(1234))
    page = client.get(reverse("project_detail", args=[project.pk])).content.decode()
    assert (
        f'<dt>截至{year - 1}年底累计完成投资</dt><dd id="previous-year-end">1,234.00万元</dd>'
        in page
    )

    url = reverse("project_edit", args=[project.pk])
    form = client.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(previous_year_end="1300", reason="按统计年报更正")
    assert client.post(url, data).status_code == 302

    assert CompletedBeforeYear.objects.get(project=project, year=year).completed == Decimal(1300)
    assert set(project.changes.values_list("field", "old_value", "new_value", "year")) == {
        ("截至上年底累计完成投资（万元）", "1234", "1300", year)
    }


def test_a_sheets_figure_that_differs_from_the_ledgers_is_used_and_noted(ledger):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "至上年底累计完成投资", "开累完成投资", "6月完成投资"],
            ["甲项目", "武陟县", 8000, 13910, 700],
        ]
    )
    report = import_progress(sheet, city=ledger, year=2025, month=6)
    assert report.faults == []
    assert cumulative("甲项目", 6) == Decimal(5910)
    assert (
        "工作表「Sheet1」第2行「甲项目」：表中至上年底累计完成投资8000万元，与台账中截至2024年底累计8010万元不符，"
        "本年累计按表中数算出" in report.notes
    )
