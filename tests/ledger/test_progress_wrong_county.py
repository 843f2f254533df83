"""A progress row whose county cell names another county than the one the ledger has its
project in is refused saying where the ledger has it, never "没有这个项目，请先导入台账",
which invites a duplicate project (issue 9 §6, tryout 11 P6)."""

from guanmo.ledger.models import MonthlyProgress, Project
from guanmo.ledger.services import import_progress
from tests.ledger.sheets import PROGRESS_HEADER, xlsx
from tests.ledger.test_tryout_kinds import faults, two_projects


def test_a_row_naming_another_county_than_the_ledgers_says_where_the_ledger_has_it(city):
    two_projects(city)
    report = import_progress(
        xlsx(
            [
                PROGRESS_HEADER,
                [1, "沁阳市铝精深加工", "温县", 300, 3000, "主体施工"],
                [2, "修武县云台山康养小镇", "修武县", 200, 2000, "主体施工"],
            ],
            title="进展",
        ),
        city=city,
        year=2025,
        month=6,
    )
    assert faults(report) == [
        "第2行「所在县区」：填写为温县，而台账中的「沁阳市铝精深加工」在沁阳市，"
        "不一致；请改正所在县区后再导入（不要在温县另建同名项目），未写入任何数据"
    ]
    assert not MonthlyProgress.objects.exists()
    assert Project.objects.count() == 2


def test_a_county_uploading_another_countys_project_is_told_whose_it_is(city):
    two_projects(city)
    report = import_progress(
        xlsx(
            [PROGRESS_HEADER[:2] + PROGRESS_HEADER[3:], [1, "沁阳市铝精深加工", 300, 3000, "施工"]]
        ),
        city=city,
        year=2025,
        month=6,
        county=city.children.get(name="温县"),
    )
    assert faults(report) == [
        "第2行「项目名称」：台账中的「沁阳市铝精深加工」在沁阳市，不属于温县，只能填报本县区的项目"
    ]
