"""Rows a printed or broken-down ledger carries besides its projects (issue 9, fresh-eyes tryout
4): the header repeated on each printed page (L30) and the parts of a 其中 breakdown (L27) are
left out and listed, never read as projects, their figures never added."""

from guanmo.ledger.models import Project
from guanmo.ledger.services import import_ledger
from tests.ledger.sheets import xlsx

HEADER = ["序号", "项目名称", "所在县区", "建设性质", "总投资（万元）", "2025年计划投资（万元）"]


def test_a_header_repeated_mid_table_is_left_out_and_listed(city):
    report = import_ledger(
        xlsx(
            [
                ["2025年市重点项目台账"],
                HEADER,
                [1, "武陟县新型建材产业园项目", "武陟县", "续建", 15000, 5000],
                [2, "温县小麦精深加工项目", "温县", "续建", 22000, 7000],
                HEADER,
                [3, "博爱县树莓深加工项目", "博爱县", "新开工", 8000, 3000],
            ]
        ),
        city=city,
        year=2025,
    )
    assert report.faults == [], report.faults
    assert report.created == 3
    assert [(row.row, row.reason) for row in report.left_out] == [(5, "重复的表头行")]


def test_every_line_of_a_breakdown_under_a_project_is_left_out(city):
    report = import_ledger(
        xlsx(
            [
                HEADER,
                [1, "焦作市中心医院新院区建设项目", "解放区", "续建", 180000, 40000],
                [None, "其中：中央预算内资金", None, None, 30000, 10000],
                [None, "    专项债券资金", None, None, 50000, 15000],
                [2, "武陟县智慧停车场建设项目", "武陟县", "新开工", 6000, 3000],
            ]
        ),
        city=city,
        year=2025,
    )
    assert report.faults == [], report.faults
    assert {p.name: p.total_investment for p in Project.objects.all()} == {
        "焦作市中心医院新院区建设项目": 180000,
        "武陟县智慧停车场建设项目": 6000,
    }
    assert [(row.row, row.reason) for row in report.left_out] == [(3, "其中行"), (4, "其中行")]


def test_a_breakdown_label_in_the_county_column_is_a_breakdown_row(city):
    """Tryout 24 F4: 「其中：新开工项目」 typed in the 所在县区 column with the name blank was
    read as a project and refused (项目名称 empty, 其中 not a county); it is a 其中 row as in
    the name column, its figures never added."""
    header = [
        "序号",
        "所在县区",
        "项目名称",
        "建设性质",
        "总投资（万元）",
        "2025年计划投资（万元）",
    ]
    report = import_ledger(
        xlsx(
            [
                header,
                [1, "武陟县", "武陟县新型建材产业园项目", "续建", 15000, 5000],
                [2, "温县", "温县小麦精深加工项目", "新开工", 8000, 3000],
                [None, "其中：新开工项目", None, None, 8000, 3000],
            ]
        ),
        city=city,
        year=2025,
    )
    assert report.faults == [], [str(f) for f in report.faults]
    assert report.created == 2
    assert [(row.row, row.reason) for row in report.left_out] == [(4, "其中行")]
