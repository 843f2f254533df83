"""A re-import that changes a stored 总投资 or 年度计划投资 tenfold or more, up or down (12000 →
1.2, 1200 → 12000), is doubted as a unit slip: refused naming the cell, the stored figure and
the likely slip, unless the user confirms the changes (issue 9 §5 and §8, tryout 11 A: "1.2万"
in a （万元） column overwrote a 12000万元 total without a word)."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from guanmo.ledger.models import AnnualPlan, Project
from guanmo.ledger.services import import_ledger
from guanmo.ledger.services.ledger_import import CONFIRM_CHANGES
from guanmo.ledger.unit_doubts import slip_of, tenfold_change
from tests.ledger.sheets import ledger_xlsx
from tests.ledger.test_tryout_kinds import faults


@pytest.mark.parametrize(
    ("stored", "typed", "power"),
    [
        (Decimal(12000), Decimal("1.2"), -4),
        (Decimal(1200), Decimal(12000), 1),
        (Decimal(50000), Decimal("5.1"), -4),
        (Decimal(3), Decimal(30000), 4),
        (Decimal(2000), Decimal(200), -1),
    ],
)
def test_a_change_of_tenfold_or_more_is_doubted_with_its_nearest_power(stored, typed, power):
    assert tenfold_change(stored, typed) == power


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        (Decimal(12000), Decimal(12500)),
        (Decimal(1200), Decimal(11999)),  # under ten times
        (Decimal(2000), Decimal(201)),
        (Decimal(0), Decimal(500)),  # nothing stored to compare with
        (Decimal(500), Decimal(0)),
    ],
)
def test_a_change_under_tenfold_or_from_nothing_is_not_doubted(stored, typed):
    assert tenfold_change(stored, typed) is None


def test_the_likely_slip_is_named_by_its_power():
    assert slip_of(-4) == "疑为以亿元填报"
    assert slip_of(4) == "疑为以元填报"
    assert slip_of(1) == "疑为小数点位置或单位有误"


def test_a_reimport_changing_a_figure_tenfold_is_refused_naming_the_cell(one_project):
    """甲项目 stands at 50000万元 total and 2000万元 plan."""
    sheet = ledger_xlsx([1, "甲项目", None, "武陟县", None, "续建", None, 5, 2])
    report = import_ledger(sheet, city=one_project, year=2025)
    assert faults(report) == [
        "第4行「总投资」：单元格H4为5万元，台账中已存为50000万元，是其万分之一，疑为以亿元填报；"
        + CONFIRM_CHANGES,
        "第4行「年度计划投资」：单元格I4为2万元，台账中已存为2000万元，是其千分之一，"
        "疑为小数点位置或单位有误；" + CONFIRM_CHANGES,
    ]
    assert Project.objects.get().total_investment == 50000
    assert AnnualPlan.objects.get().planned_investment == 2000


def test_confirmed_changes_are_written_and_noted(one_project):
    sheet = ledger_xlsx([1, "甲项目", None, "武陟县", None, "续建", None, 5, 4])
    report = import_ledger(sheet, city=one_project, year=2025, confirm_changes=True)
    assert faults(report) == []
    assert Project.objects.get().total_investment == 5
    assert ("第4行列H「总投资」由50000万元改为5万元（是原数的万分之一），已按确认修改") in " ".join(
        report.notes
    )


def test_import_ledger_confirm_changes_option(one_project, tmp_path):
    path = tmp_path / "台账.xlsx"
    path.write_bytes(
        ledger_xlsx([1, "甲项目", None, "武陟县", None, "续建", None, 500000, 2000]).getvalue()
    )
    with pytest.raises(CommandError):
        call_command("import-ledger", str(path), "--year", "2025", stdout=StringIO())
    assert Project.objects.get().total_investment == 50000
    call_command(
        "import-ledger", str(path), "--year", "2025", "--confirm-changes", stdout=StringIO()
    )
    assert Project.objects.get().total_investment == 500000
