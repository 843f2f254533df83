"""The ledger import reads each milestone's planned and actual date from columns of its own
(计划开工时间, 实际开工时间, 计划竣工时间…): one place for each date, with history on a reimport,
a blank cell leaving the stored date alone, and a wrong date stopping the import with its
sheet, row and column."""

from datetime import date

import pytest

from guanmo.ledger.models import Milestone, Project
from guanmo.ledger.services import import_ledger
from guanmo.reporting.models import FigureChange
from tests.ledger.sheets import ledger_xlsx

HEADER = [
    "序号",
    "项目名称",
    "所在县区",
    "建设性质",
    "总投资",
    "2025年计划投资",
    "计划开工时间",
    "实际开工时间",
    "计划竣工日期",
    "实际入统时间",
]


def milestones(name: str) -> dict[str, tuple]:
    rows = Milestone.objects.filter(project__name=name)
    return {row.kind: (row.planned, row.reached) for row in rows}


@pytest.fixture
def loaded(city, settings):
    settings.GUANMO_TODAY = date(2025, 6, 15)
    sheet = ledger_xlsx(
        [
            1,
            "甲项目",
            "武陟县",
            "新开工",
            10000,
            3000,
            "2025-03-10",
            "2025-04-02",
            "2026年6月",
            None,
        ],
        [2, "乙项目", "温县", "前期", 2000, 200, "2025年9月", None, None, None],
        header=HEADER,
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert report.ok, report.faults
    return city


def test_each_date_goes_to_its_milestone_and_a_month_alone_means_its_last_day(loaded):
    assert milestones("甲项目") == {
        "开工": (date(2025, 3, 10), date(2025, 4, 2)),
        "竣工": (date(2026, 6, 30), None),
    }
    assert milestones("乙项目") == {"开工": (date(2025, 9, 30), None)}
    assert Project.objects.get(name="甲项目").planned_start == date(2025, 3, 10)


def test_without_a_years_column_the_milestones_give_the_start_and_end_years(loaded):
    project = Project.objects.get(name="甲项目")
    assert (project.start_year, project.end_year) == (2025, 2026)
    assert Project.objects.get(name="乙项目").start_year == 2025


def test_a_reimport_records_changed_dates_and_a_blank_cell_keeps_the_stored_one(loaded):
    sheet = ledger_xlsx(
        [1, "甲项目", "武陟县", "新开工", 10000, 3000, None, "2025-04-05", None, "2025-05-20"],
        [2, "乙项目", "温县", "前期", 2000, 200, "2025-10-01", None, None, None],
        header=HEADER,
    )
    assert import_ledger(sheet, city=loaded, year=2025).ok

    assert milestones("甲项目") == {
        "开工": (date(2025, 3, 10), date(2025, 4, 5)),
        "竣工": (date(2026, 6, 30), None),
        "入统": (None, date(2025, 5, 20)),
    }
    assert set(
        FigureChange.objects.values_list("project__name", "field", "old_value", "new_value")
    ) == {
        ("甲项目", "开工实际日期", "2025年4月2日", "2025年4月5日"),
        ("甲项目", "入统实际日期", "", "2025年5月20日"),
        ("乙项目", "开工计划日期", "2025年9月30日", "2025年10月1日"),
    }


def test_an_actual_date_after_today_stops_the_import_naming_row_and_column(loaded):
    sheet = ledger_xlsx(
        [1, "甲项目", "武陟县", "新开工", 10000, 3000, None, "2025-07-01", None, None],
        header=HEADER,
    )
    report = import_ledger(sheet, city=loaded, year=2025)

    assert [(f.row, f.column, f.message) for f in report.faults] == [
        (4, "实际开工时间", "实际日期2025年7月1日晚于今天，实际日期不能是将来")
    ]
    assert milestones("甲项目")["开工"] == (date(2025, 3, 10), date(2025, 4, 2))


def test_an_actual_date_given_by_its_month_alone_is_refused(city, settings):
    settings.GUANMO_TODAY = date(2025, 6, 15)
    sheet = ledger_xlsx(
        [1, "甲项目", "武陟县", "新开工", 10000, 3000, None, "2025年4月", None, None],
        header=HEADER,
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert [(f.row, f.column) for f in report.faults] == [(4, "实际开工时间")]
    assert "只写了年月" in report.faults[0].message
    assert not Project.objects.exists()
