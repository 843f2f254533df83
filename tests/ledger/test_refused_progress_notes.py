"""A refused progress import says what is wrong and that nothing was saved; it never describes
figures derived for the rows it refuses (tryout 11, P8: 「本年累计按…算出」 printed while both
rows were refused). Notes of what was read follow under a heading saying nothing was written."""

from guanmo.ledger.services import import_ledger, import_progress
from tests.ledger.sheets import ledger_xlsx, xlsx

SINCE_START = ["序号", "项目名称", "本月完成投资（万元）", "自开工累计完成投资（万元）"]
REFUSED_HEADING = "读取说明（本次未写入任何数据）："


def _ledger(city):
    import_ledger(
        ledger_xlsx(
            [1, "甲项目", None, "武陟县", None, "续建", None, 10000, 3000],
            [2, "乙项目", None, "武陟县", None, "续建", None, 5000, 1200],
        ),
        city=city,
        year=2025,
    )


def test_a_since_start_sheet_refused_on_every_row_says_no_year_figure_was_derived(city):
    _ledger(city)
    sheet = xlsx([SINCE_START, [1, "甲项目", 300, 5972.61], [2, "乙项目", 100, 1818.72]])
    report = import_progress(sheet, city=city, year=2025, month=4)
    assert len(report.faults) == 2
    assert all("无法由开累算出本年累计" in report.describe(fault) for fault in report.faults)
    assert [note for note in report.notes if "算出" in note] == []
    assert report.summary == "发现2处错误，未写入任何数据。"
    assert "说明：" not in report.lines()


def test_a_refusal_keeps_the_reading_of_accepted_rows_under_a_heading_saying_nothing_was_written(
    city,
):
    _ledger(city)
    header = ["序号", "项目名称", "本月完成投资（万元）", "1-4月累计完成投资（万元）"]
    sheet = xlsx(
        [header, [1, "甲项目", 100, 400]],
        title="武陟县",
        more_sheets={"其他": [SINCE_START, [1, "乙项目", 100, 1818.72]]},
    )
    report = import_progress(sheet, city=city, year=2025, month=4)
    assert [report.describe(fault)[:21] for fault in report.faults] == [
        "工作表「其他」第2行「开工累计完成投资」："
    ]
    lines = report.lines()
    assert "说明：" not in lines
    notes = lines[lines.index(REFUSED_HEADING) + 1 :]
    assert (
        "  工作表「武陟县」第2行「甲项目」：1—3月未报送，无从核对本月与累计：本月完成100万元、"
        "1—4月累计400万元均按所填读取（本次未写入）"
    ) in notes
    assert not [note for note in notes if "其他" in note and "算出" in note]
