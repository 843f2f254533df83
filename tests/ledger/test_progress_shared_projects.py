"""A project lying in several counties reported on a sheet of a county that does not lead it
is recorded once, on the project, and the report says which county leads it (tryout 11, P10:
L4甲 of 武陟县、温县 reported from 温县's sheet, with no word on the lead)."""

from guanmo.ledger.models import MonthlyProgress
from guanmo.ledger.services import import_ledger, import_progress
from tests.ledger.sheets import ledger_xlsx, xlsx

HEADER = ["序号", "项目名称", "本月完成投资（万元）", "1-12月累计完成投资（万元）"]


def test_a_shared_project_on_the_other_countys_sheet_says_which_county_leads(city):
    assert import_ledger(
        ledger_xlsx(
            [1, "沿黄快速通道", None, "武陟县、温县", None, "续建", None, 20000, 6000],
            [2, "温县乙项目", None, "温县", None, "续建", None, 2000, 1200],
        ),
        city=city,
        year=2025,
    ).ok
    sheet = xlsx([HEADER, [1, "温县乙项目", 50, 50], [2, "沿黄快速通道", 500, 500]], title="温县")
    report = import_progress(sheet, city=city, year=2025, month=12)
    assert report.faults == []
    assert (
        "工作表「温县」第3行「沿黄快速通道」：该项目由武陟县牵头、温县参与，按项目记入"
        "（一条月度进度，由牵头的武陟县计入县区排名）"
    ) in report.notes
    assert not [note for note in report.notes if "温县乙项目" in note and "牵头" in note]
    stored = MonthlyProgress.objects.get(project__name="沿黄快速通道", month=12)
    assert (stored.project.county.name, stored.cumulative_completed) == ("武陟县", 500)
