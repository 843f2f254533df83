"""A county's web upload goes through the progress import's one rule for a row's county: a title
or sheet name naming another county than the rows' cells is refused naming both, and a sheet
laid out as another county's is not the uploader's, even where no row names a county (issue 9,
tryout 7)."""

import io

from guanmo.reporting.models import ReportEntry
from guanmo.reporting.services import upload_sheet
from tests.sheets.files import Drawn, to_xlsx

HEADER = ["序号", "项目名称", "所在县区", "本月完成投资", "1—4月累计完成投资"]


def upload(world, report, drawn: Drawn):
    return upload_sheet(
        report, io.BytesIO(to_xlsx(drawn)), user=world.users["wuzhi"], version=report.version
    )


def nothing_loaded(report) -> bool:
    return not ReportEntry.objects.filter(
        report=report, cumulative_completed__isnull=False
    ).exists()


def test_a_title_naming_another_county_than_the_county_cells_is_refused(world, wuzhi_report):
    drawn = Drawn(
        rows=[
            ["温县2025年1—4月重点项目进展情况"],
            HEADER,
            [1, "武陟县智能装备产业园", "武陟县", 120, 520],
        ]
    )
    outcome = upload(world, wuzhi_report, drawn)
    assert [outcome.describe(fault) for fault in outcome.faults] == [
        "工作表「台账」第3行：标题「温县2025年1—4月重点项目进展情况」写明温县，"
        "「所在县区」列为武陟县，不一致，未写入任何数据"
    ]
    assert nothing_loaded(wuzhi_report)


def test_a_sheet_named_for_another_county_is_not_the_uploaders(world, wuzhi_report):
    drawn = Drawn(
        rows=[
            ["序号", "项目名称", "本月完成投资", "1—4月累计完成投资"],
            [1, "武陟县冷链物流园", 30, 150],
        ],
        name="温县",
    )
    outcome = upload(world, wuzhi_report, drawn)
    assert [outcome.describe(fault) for fault in outcome.faults] == [
        "工作表「温县」第2行：工作表名为温县，不属于武陟县，只能填报本县区的项目"
    ]
    assert nothing_loaded(wuzhi_report)


def test_the_uploaders_own_sheet_with_its_name_and_title_is_loaded(world, wuzhi_report):
    drawn = Drawn(
        rows=[
            ["武陟县2025年1—4月重点项目进展情况"],
            HEADER,
            [1, "武陟县智能装备产业园", "武陟县", 120, 520],
        ],
        name="武陟县",
    )
    outcome = upload(world, wuzhi_report, drawn)
    assert outcome.faults == []
    entry = ReportEntry.objects.get(report=wuzhi_report, project=world.projects["武陟装备"])
    assert entry.cumulative_completed == 520


def test_a_cumulative_not_adding_up_to_last_month_and_this_month_is_refused(world, wuzhi_report):
    """Tryout 14 P6 on the county's upload: a 累计 holding 开累 was loaded with a note."""
    drawn = Drawn(
        rows=[
            ["项目名称", "所在县区", "本月完成投资", "累计完成投资"],
            ["武陟县冷链物流园", "武陟县", 30, 200],
        ]
    )
    outcome = upload(world, wuzhi_report, drawn)
    assert [outcome.describe(fault) for fault in outcome.faults] == [
        "工作表「台账」第2行「累计完成投资」：本月完成30万元（C2）加3月累计120万元为150万元，"
        "与所填累计200万元（D2）不符，多出50万元，疑为开累（自开工累计），未导入（请核对两数）"
    ]
    assert nothing_loaded(wuzhi_report)
