"""A project a ledger import creates entered the ledger on the first day of the import's month
and is due to report from that month, as the report says (issue 14 round 14: a project added
in June by an import was asked to report every month of the year)."""

from datetime import date
from decimal import Decimal
from io import StringIO

from django.core.management import call_command

from guanmo.ledger.models import Project
from guanmo.ledger.services import import_ledger
from guanmo.reporting.services import open_period
from tests.ledger.sheets import ledger_xlsx

JIA = [1, "甲项目", None, "武陟县", None, "续建", None, 50000, Decimal(2000)]
YI = [2, "乙项目", None, "温县", None, "新开工", None, 8000, Decimal(600)]


def entered(name: str) -> date | None:
    return Project.objects.get(name=name).entered_on


def test_a_project_created_by_a_june_import_entered_on_1_june(one_project):
    report = import_ledger(ledger_xlsx(JIA, YI), city=one_project, year=2025, month=6)

    assert report.ok, report.faults
    assert entered("乙项目") == date(2025, 6, 1)
    assert entered("甲项目") is None  # made by the first import, in January: due all year
    assert (
        "新增的1个项目转入台账日期记为2025年6月1日，自2025年6月起报送进度"
        "（按导入时指定的月份），此前月份不要求报送"
    ) in report.notes


def test_without_a_month_the_month_being_reported_is_the_imports(one_project):
    open_period(one_project, year=2025, month=4, deadline=date(2025, 5, 5), user=None)

    report = import_ledger(ledger_xlsx(JIA, YI), city=one_project, year=2025)

    assert entered("乙项目") == date(2025, 4, 1)
    assert any(
        "自2025年4月起报送进度（按正在填报的月份；如应自其他月份起" in n for n in report.notes
    )


def test_a_dry_run_says_it_and_stores_nothing(one_project):
    report = import_ledger(ledger_xlsx(JIA, YI), city=one_project, year=2025, month=9, dry_run=True)

    assert any("2025年9月1日" in note for note in report.notes)
    assert not Project.objects.filter(name="乙项目").exists()


def test_a_project_found_in_an_earlier_months_ledger_entered_then(one_project):
    import_ledger(ledger_xlsx(JIA, YI), city=one_project, year=2025, month=6)

    import_ledger(ledger_xlsx(JIA, YI), city=one_project, year=2025, month=3)

    assert entered("乙项目") == date(2025, 3, 1)
    change = Project.objects.get(name="乙项目").changes.get(field="转入台账日期")
    assert (change.old_value, change.new_value) == ("2025年6月1日", "2025年3月1日")


def test_the_command_takes_the_month(one_project, tmp_path):
    path = tmp_path / "ledger.xlsx"
    path.write_bytes(ledger_xlsx(JIA, YI).getvalue())
    out = StringIO()

    call_command("import-ledger", str(path), "--year", "2025", "--month", "7", stdout=out)

    assert entered("乙项目") == date(2025, 7, 1)
    assert "自2025年7月起报送进度" in out.getvalue()


def test_a_project_entered_later_found_in_januarys_ledger_is_due_all_year(one_project):
    import_ledger(ledger_xlsx(JIA, YI), city=one_project, year=2025, month=6)

    import_ledger(ledger_xlsx(JIA, YI), city=one_project, year=2025, month=1)

    assert entered("乙项目") is None


def test_next_years_january_ledger_leaves_the_day_it_entered_alone(one_project):
    import_ledger(ledger_xlsx(JIA, YI), city=one_project, year=2025, month=6)

    import_ledger(ledger_xlsx(JIA, YI, year=2026), city=one_project, year=2026, month=1)

    assert entered("乙项目") == date(2025, 6, 1)  # so 2025's months before June stay not due
