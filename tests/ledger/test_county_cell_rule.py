"""A county cell, heading or sheet name finds its unit by the one rule of
`regions.names.naming` (issue 9 §7, S2): never by a part of a name nor by a longer name
containing one, and a short name taken is said in the report."""

from guanmo.ledger.models import Project
from guanmo.ledger.services import import_ledger
from guanmo.regions.services import init_city
from tests.ledger.sheets import xlsx
from tests.ledger.test_tryout_kinds import faults

TOTALS = ["总投资（万元）", "2025年计划投资（万元）"]


def counties() -> dict[str, str]:
    return dict(Project.objects.values_list("name", "county__name"))


def test_a_part_of_one_units_name_is_refused_with_the_unit_asked(city):
    sheet = xlsx([["项目名称", "县区", *TOTALS], ["智能装备产业园", "陟", 50000, 20000]])
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == [
        "第2行「所在县区」：「陟」不是焦作市县区或园区的名称、简称或区划代码，"
        "是否为武陟县？请填写县区全称"
    ]
    assert not Project.objects.exists()


def test_a_park_named_after_its_county_is_not_the_county(city):
    sheet = xlsx(
        [["项目名称", "县区", *TOTALS], ["智能装备产业园", "武陟县产业集聚区", 50000, 20000]]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == [
        "第2行「所在县区」：武陟县产业集聚区不是焦作市的县区或园区（焦作市的县区：解放区、中站区、"
        "马村区、山阳区、修武县、博爱县、武陟县、温县、沁阳市、孟州市、城乡一体化示范区）"
    ]
    assert not Project.objects.exists()


def test_a_short_name_is_read_with_the_rule_said_in_the_report(city):
    sheet = xlsx(
        [
            ["项目名称", "县区", *TOTALS],
            ["食品加工项目", "温", 30000, 12000],
            ["智慧物流园", "示范区", 30000, 12000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == []
    assert counties() == {"食品加工项目": "温县", "智慧物流园": "城乡一体化示范区"}
    notes = [note for note in report.notes if "按简称" in note]
    assert notes == [
        "工作表「Sheet1」第2行列B「县区」“温”按简称识别为温县",
        "工作表「Sheet1」第3行列B「县区」“示范区”按简称识别为城乡一体化示范区",
    ]


def test_a_zone_heading_finds_its_own_citys_zone_not_anothers(city):
    init_city("410700", ["新乡高新技术产业开发区"])
    init_city("410800", ["焦作高新技术产业开发区"])
    sheet = xlsx(
        [
            ["序号", "项目名称", *TOTALS],
            ["一、高新区", None, None, None],
            [1, "智能装备产业园", 50000, 20000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == []
    assert counties() == {"智能装备产业园": "焦作高新技术产业开发区"}


def test_a_heading_two_zones_answer_to_is_not_guessed(city):
    init_city("410800", ["农业示范区"])
    sheet = xlsx(
        [
            ["序号", "项目名称", *TOTALS],
            ["二、示范区", None, None, None],
            [1, "智能装备产业园", 50000, 20000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert not report.ok
    assert not Project.objects.exists()


def test_a_heading_naming_a_park_of_the_city_is_the_park_not_its_county(city):
    """A park named after its county (武陟县产业集聚区) that the city ranks as a unit of its own:
    its heading is the park, the longer name, never the county its name begins with."""
    init_city("410800", ["武陟县产业集聚区"])
    sheet = xlsx(
        [
            ["序号", "项目名称", *TOTALS],
            ["一、武陟县产业集聚区项目", None, None, None],
            [1, "智能装备产业园", 50000, 20000],
            ["二、武陟县", None, None, None],
            [1, "沁河治理工程", 30000, 10000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == []
    assert counties() == {"智能装备产业园": "武陟县产业集聚区", "沁河治理工程": "武陟县"}
