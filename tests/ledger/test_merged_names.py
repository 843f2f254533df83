"""A project name merged down over several rows (issue 9 §4, tryout 3 N3): rows that are one
project's own tall row are read once; rows with data of their own under one name stop the
import naming the merged cell, the rows it spans and what to do, never "不能为空"."""

from decimal import Decimal

from guanmo.ledger.models import AnnualPlan, MonthlyProgress, Project
from guanmo.ledger.services import import_ledger, import_progress
from tests.ledger.sheets import xlsx

HEADER = [
    "项目名称",
    "项目代码",
    "所在县区",
    "建设性质",
    "总投资（万元）",
    "2025年计划投资（万元）",
]


def faults(report) -> list[str]:
    return [str(fault) for fault in report.faults]


def test_a_name_merged_over_two_projects_with_their_own_codes_names_the_merged_cell(city):
    sheet = xlsx(
        [
            HEADER,
            ["孟州市桥梁改造工程", "2025-410883-48-01-300010", "孟州市", "新开工", 5000, 2000],
            ["孟州市产业园道路及配套", "2025-410883-48-01-300011", "孟州市", "新开工", 3000, 1000],
            [None, "2025-410883-48-01-300012", "孟州市", "新开工", 4000, 1500],
        ],
        merges=["A3:A4"],
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == [
        "第4行「项目名称」：单元格A3:A4纵向合并了第3—4行，第4行另有本行的项目代码、所在县区、"
        "建设性质、总投资、年度计划投资，不知是同一项目的分项还是另一个项目；是同一项目的请合并为"
        "一行填写，是不同项目的请取消合并、每行填写项目名称后再导入"
    ]
    assert not Project.objects.exists()


def test_a_project_typed_on_a_tall_row_of_merged_cells_is_read_once(city):
    """Every cell of the project merged over rows 3-4 (a tall row for a long name): the one
    project, its figures once."""
    sheet = xlsx(
        [
            HEADER,
            ["孟州市桥梁改造工程", "2025-410883-48-01-300010", "孟州市", "新开工", 5000, 2000],
            [
                "孟州市产业园道路及配套工程",
                "2025-410883-48-01-300011",
                "孟州市",
                "新开工",
                3000,
                900,
            ],
            [None] * 6,
        ],
        merges=[f"{column}3:{column}4" for column in "ABCDEF"],
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert report.created == 2
    plans = dict(AnnualPlan.objects.values_list("project__name", "planned_investment"))
    assert plans == {
        "孟州市桥梁改造工程": Decimal(2000),
        "孟州市产业园道路及配套工程": Decimal(900),
    }
    assert Project.objects.get(name="孟州市产业园道路及配套工程").total_investment == Decimal(3000)


def test_sub_items_under_one_merged_name_in_a_progress_sheet_are_refused(city):
    """A project's sub-items typed under its merged name, each with its own month's figure:
    which is the project's is not known, so nothing is summed or doubled."""
    import_ledger(
        xlsx([HEADER, ["温县污水处理厂扩建", None, "温县", "新开工", 3000, 1200]]),
        city=city,
        year=2025,
    )
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "本月完成投资（万元）", "1—6月累计完成投资（万元）"],
            ["温县污水处理厂扩建", "温县", 100, 600],
            [None, None, 50, 300],
            [None, None, 50, 300],
        ],
        merges=["A2:A4", "B2:B4"],
    )
    report = import_progress(sheet, city=city, year=2025, month=6)

    assert faults(report) == [
        "第3行「项目名称」：单元格A2:A4纵向合并了第2—4行，第3、4行另有本行的本月完成投资、"
        "累计完成投资，不知是同一项目的分项还是另一个项目；是同一项目的请合并为一行填写，是不同"
        "项目的请取消合并、每行填写项目名称后再导入"
    ]
    assert not MonthlyProgress.objects.exists()
