"""Two counties each reporting their part of one project lying in both are refused with advice
that works: the lead county reports the whole project's figures (tryout 25 [5]: the refusal
advised 填写所在县区或项目代码区分, and the sheet with 所在县区 filled was refused the same)."""

from guanmo.ledger.models import MonthlyProgress
from guanmo.ledger.services import import_ledger, import_progress
from guanmo.regions.models import Region
from tests.ledger.sheets import ledger_xlsx, progress_xlsx
from tests.ledger.test_tryout_kinds import faults


def test_two_counties_parts_of_one_project_get_the_lead_county_advice(city):
    import_ledger(
        ledger_xlsx([1, "沁河生态廊道", None, "武陟县、温县", None, "续建", None, 90000, 20000]),
        city=city,
        year=2025,
    )
    sheet = progress_xlsx(
        [1, "沁河生态廊道", "武陟县", 2000, 7000], [2, "沁河生态廊道", "温县", 1500, 7000]
    )

    report = import_progress(sheet, city=city, year=2025, month=6)

    assert faults(report) == [
        "第4行「项目名称」：与第3行同为台账中的跨县项目「沁河生态廊道」（位于武陟县、温县）；"
        "跨县项目由牵头县区武陟县报送全项目数字，请将各县区的数字合计后填在一行、删去另一行后再导入"
    ]
    assert not MonthlyProgress.objects.exists()


def test_the_lead_countys_row_alone_is_the_projects_figure(city):
    import_ledger(
        ledger_xlsx([1, "沁河生态廊道", None, "武陟县、温县", None, "续建", None, 90000, 20000]),
        city=city,
        year=2025,
    )
    sheet = progress_xlsx([1, "沁河生态廊道", "武陟县", 3500, 14000])

    report = import_progress(sheet, city=city, year=2025, month=6)

    assert report.ok, report.faults
    assert MonthlyProgress.objects.get().cumulative_completed == 14000


def test_a_county_s_own_upload_of_a_project_another_county_leads_names_the_lead(city):
    """Tryout 31, finding 3: 武陟县's own upload holding a project lying in 温县 and 武陟县, led by
    温县, was refused as 「这个项目不属于武陟县」, which the project list contradicts."""
    import_ledger(
        ledger_xlsx([1, "黄河大堤公路", None, "温县、武陟县", None, "续建", None, 90000, 20000]),
        city=city,
        year=2025,
    )
    wuzhi = Region.objects.get(name="武陟县")
    sheet = progress_xlsx([1, "黄河大堤公路", None, 2000, 7000])

    report = import_progress(sheet, city=city, year=2025, month=6, county=wuzhi)

    assert faults(report) == [
        "第3行「项目名称」：该项目位于温县、武陟县，由牵头县区温县报送，请删去这一行"
    ]
    assert not MonthlyProgress.objects.exists()
