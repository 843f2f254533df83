"""待定/暂无 in an optional money cell of a 前期 project (总投资 of a project the ledger keeps,
截至上年底累计完成投资) is read as blank with a note, as the annual plan already is; a stored
figure stays; a required cell stays required (issue 9 §5; tryout 31, L6/L6b)."""

from decimal import Decimal

from guanmo.ledger.models import CompletedBeforeYear, Project
from guanmo.ledger.services import import_ledger
from tests.ledger.sheets import xlsx

HEADER = [
    "序号",
    "项目名称",
    "所在县区",
    "项目阶段",
    "总投资（万元）",
    "2025年计划投资（万元）",
    "截至上年底累计完成投资（万元）",
]


def faults(report) -> list[str]:
    return [str(fault) for fault in report.faults]


def test_待定_before_the_year_of_a_前期_project_is_blank_with_a_note(city):
    report = import_ledger(
        xlsx([HEADER, [1, "修武县云台山旅游提升工程", "修武县", "前期", 30000, 8000, "待定"]]),
        city=city,
        year=2025,
    )

    assert faults(report) == []
    assert not CompletedBeforeYear.objects.exists()
    assert (
        "工作表「Sheet1」第2行列G「截至上年底累计完成投资（万元）」填写「待定」，按未填写处理"
        in ("\n".join(report.notes))
    )


def test_暂无_keeps_the_stored_figures_of_a_前期_project(city):
    first = xlsx([HEADER, [1, "修武县云台山旅游提升工程", "修武县", "前期", 30000, 8000, 500]])
    assert faults(import_ledger(first, city=city, year=2025)) == []

    again = xlsx([HEADER, [1, "修武县云台山旅游提升工程", "修武县", "前期", "待定", 8000, "暂无"]])
    report = import_ledger(again, city=city, year=2025)

    assert faults(report) == []
    assert Project.objects.get().total_investment == Decimal(30000)
    assert CompletedBeforeYear.objects.get().completed == Decimal(500)
    notes = "\n".join(report.notes)
    assert "「总投资（万元）」填写「待定」，按未填写处理，保留台账中已有的30000万元" in notes
    assert (
        "「截至上年底累计完成投资（万元）」填写「暂无」，按未填写处理，保留原值（500万元）" in notes
    )


def test_a_new_project_s_待定_total_is_still_required(city):
    report = import_ledger(
        xlsx([HEADER, [1, "修武县新项目", "修武县", "前期", "待定", 8000, None]]),
        city=city,
        year=2025,
    )

    assert faults(report) == ["第2行「总投资」：「待定」：新增项目应填写总投资"]
    assert not Project.objects.exists()


def test_待定_before_the_year_of_a_续建_project_is_refused(city):
    report = import_ledger(
        xlsx([HEADER, [1, "修武县续建项目", "修武县", "续建", 30000, 8000, "待定"]]),
        city=city,
        year=2025,
    )

    assert faults(report) == [
        "第2行「至上年底累计完成投资」：「待定」：续建项目应填写至上年底累计完成投资"
    ]
