"""A ledger project made from a lead today never enters a closed month: it enters the key list
on the first day of the first open month, keeps the lead's own 开工 as its 开工 milestone, and
the import and the lead's page say from which month it counts (tryout 32: leads imported on 15
December as started on 20 May, 31 March and 10 November entered on those days, and the closed
1—11月 progress report went from 529 to 532 projects, three of them 「11月未报送进度」)."""

from datetime import date

from django.utils import timezone

from guanmo.attraction.models import Lead
from guanmo.attraction.sheet_import import import_attraction
from guanmo.ledger.models import Level, Milestone, MilestoneKind
from guanmo.reporting.models import Period
from tests.attraction.sheets import register, write

HEADER = ["项目名称", "投资方所在地", "合同投资", "签约日期", "开工日期", "所在县区"]
ROWS = [
    ["甲电子信息产业园项目", "深圳", 50000, "2025-03-15", "2025-05-20", "武陟县"],
    ["十二月开工项目", "深圳", 8000, "2025-11-15", "2025-12-03", "温县"],
]


def _closed_to_november(city, settings) -> None:
    settings.GUANMO_TODAY = date(2025, 12, 15)
    for month in range(1, 12):
        Period.objects.create(city=city, year=2025, month=month, deadline=date(2025, month, 28),
                              closed_at=timezone.now())  # fmt: skip
    Period.objects.create(city=city, year=2025, month=12, deadline=date(2026, 1, 5))


def test_a_lead_imported_as_started_enters_the_first_open_month(city, tmp_path, settings):
    _closed_to_november(city, settings)

    report = import_attraction(write(tmp_path, register(ROWS, header=HEADER)), city=city, year=2025)

    assert report.ok, [str(fault) for fault in report.faults]
    may = Lead.objects.get(name="甲电子信息产业园项目").project
    assert may.entered_on == date(2025, 12, 1)  # not 20 May: 1—11月 are closed
    assert [(e.year, e.level) for e in may.key_lists.all()] == [(2025, Level.CITY)]
    started = Milestone.objects.get(project=may, kind=MilestoneKind.STARTED)
    assert started.reached == date(2025, 5, 20)  # the lead's own 开工 stands
    december = Lead.objects.get(name="十二月开工项目").project
    assert december.entered_on == date(2025, 12, 3)  # an open month's start is its own day
    [said] = [note for note in report.notes if "甲电子信息产业园项目" in note]
    assert "已开工，转入重点项目台账" in said
    assert "自12月起计入" in said


def test_with_no_month_closed_the_project_enters_on_its_start(city, tmp_path, settings):
    settings.GUANMO_TODAY = date(2025, 12, 15)

    import_attraction(write(tmp_path, register(ROWS[:1], header=HEADER)), city=city, year=2025)

    assert Lead.objects.get().project.entered_on == date(2025, 5, 20)
