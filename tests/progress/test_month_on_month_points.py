"""完成率较上月 is the exact change of the completion rate rounded once, as 较时间进度 is, in every
face (tryout 25 [6]: 温县 45.556% after 31.111% was said 提高14.5个百分点 from the shown rates
45.6 − 31.1, where the exact change is 14.44 → 14.4)."""

from decimal import Decimal

from openpyxl import load_workbook

from guanmo.figures.changes import share_points_change
from guanmo.progress.exporters import FILE_FORMATS
from guanmo.progress.selectors import progress_report_for


def test_the_change_is_the_exact_one_rounded_once():
    assert share_points_change((Decimal(2800), Decimal(9000)), (Decimal(4100), Decimal(9000))) == (
        Decimal("14.4")
    )
    # different plans: 300 of 1000 (30.0%) to 500 of 1200 (41.666…%) is 11.7
    assert share_points_change((Decimal(300), Decimal(1000)), (Decimal(500), Decimal(1200))) == (
        Decimal("11.7")
    )
    assert share_points_change((Decimal(300), Decimal(0)), (Decimal(500), Decimal(1000))) is None


def test_the_report_and_its_workbook_say_the_exact_change(city, add_project, tmp_path):
    add_project("温县", "9000", {3: "2800", 4: "4100"})  # 31.111% → 45.556%

    report = progress_report_for(city, 2025, 4, with_changes=True)
    change = report.changes["温县"]
    assert (change.points, change.rate) == (Decimal("14.4"), "提高14.4个百分点")

    path = tmp_path / "进度.xlsx"
    FILE_FORMATS["xlsx"](report, city.name, path)
    sheet = load_workbook(path)["县区汇总"]
    header = [cell.value for cell in sheet[3]]
    rows = {row[1]: row for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert rows["温县"][header.index("完成率较上月（个百分点）")] == 14.4
