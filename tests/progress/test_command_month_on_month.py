"""`guanmo progress-report --format xlsx` fills 位次较上月 and 完成率较上月 as the pages do
(tryout 25 [4]: the command left them 「—」 and blank while the dashboard said 持平, 提高16.6)."""

from io import StringIO

from django.core.management import call_command
from openpyxl import load_workbook


def test_the_workbook_says_each_units_change_since_last_month(city, add_project, tmp_path):
    add_project("武陟县", "1000", {3: "300", 4: "500"})  # 30.0% → 50.0%, first both months
    add_project("孟州市", "3000", {3: "600", 4: "700"})  # 20.0% → 23.3%, second both months
    path = tmp_path / "进度.xlsx"

    call_command(
        "progress-report",
        "--year",
        "2025",
        "--month",
        "4",
        "--format",
        "xlsx",
        "-o",
        str(path),
        stdout=StringIO(),
    )

    sheet = load_workbook(path)["县区汇总"]
    header = [cell.value for cell in sheet[3]]
    rank, points = header.index("位次较上月"), header.index("完成率较上月（个百分点）")
    rows = {row[1]: row for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert (rows["武陟县"][rank], rows["武陟县"][points]) == ("持平", 20)
    assert (rows["孟州市"][rank], rows["孟州市"][points]) == ("持平", 3.3)
