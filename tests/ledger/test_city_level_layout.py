"""市直, 市本级, 全市 as a heading row or a sheet's name place the projects under it in the city
itself (市级项目), as the same words in the county column do (issue 9 §6, tryouts LA2, LV)."""

from guanmo.ledger.models import Project
from guanmo.ledger.services import import_ledger
from tests.ledger.sheets import xlsx


def levels() -> dict[str, str]:
    return {
        project.name: "市级" if project.is_city_level else project.county.name
        for project in Project.objects.select_related("county")
    }


def test_a_city_heading_row_places_the_projects_under_it_in_the_city(city):
    sheet = xlsx(
        [
            ["项目名称", "建设地点", "总投资"],
            ["一、武陟县项目（1个）", None, None],
            ["武陟县综合计量检测中心", "木城街道", 3000],
            ["二、市直项目（1个）", None, None],
            ["焦作市城市综合管廊二期", "主城区", 200000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert [str(fault) for fault in report.faults] == []
    assert levels() == {"武陟县综合计量检测中心": "武陟县", "焦作市城市综合管廊二期": "市级"}
    assert (
        "工作表「Sheet1」第5行「焦作市城市综合管廊二期」为市级项目（标题行「二、市直项目（1个）」），"
        "计入全市合计，不参加县区排名"
    ) in report.notes


def test_a_sheet_named_for_the_city_places_its_projects_in_the_city(city):
    header = ["序号", "项目名称", "总投资（万元）"]
    sheet = xlsx(
        [header, [1, "示范区智能网联汽车产业园", 70000]],
        title="示范区",
        more_sheets={"市直": [header, [1, "焦作市图书馆新馆", 30000]]},
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert [str(fault) for fault in report.faults] == []
    assert levels() == {"示范区智能网联汽车产业园": "城乡一体化示范区", "焦作市图书馆新馆": "市级"}


def test_a_location_cell_saying_shizhi_places_the_project_in_the_city(city):
    sheet = xlsx([["项目名称", "建设地点", "总投资"], ["市中心医院新院区", "市直", 9000]])
    report = import_ledger(sheet, city=city, year=2025)
    assert [str(fault) for fault in report.faults] == []
    assert levels() == {"市中心医院新院区": "市级"}
