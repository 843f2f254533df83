"""A heading row naming a key list (一、省重点项目 / 二、市重点项目) gives the level of the rows
under it, said in the report; a row whose own 级别 cell disagrees with its heading is refused
(issue 9, tryout 5 A07)."""

from guanmo.ledger.models import KeyListEntry, Project
from guanmo.ledger.services import import_ledger
from tests.ledger.sheets import xlsx
from tests.ledger.test_tryout_kinds import faults

HEADER = ["序号", "项目名称", "所在县区", "建设性质", "总投资（万元）", "2025年计划投资（万元）"]


def levels() -> dict[str, set[str]]:
    """name → the 2025 key lists it is on."""
    found: dict[str, set[str]] = {}
    for name, level in KeyListEntry.objects.filter(year=2025).values_list("project__name", "level"):
        found.setdefault(name, set()).add(level)
    return found


def test_level_headings_put_each_block_on_its_own_key_list(city):
    sheet = xlsx(
        [
            HEADER,
            ["一、省重点项目"],
            [1, "沁阳市铝精深加工", "沁阳市", "新开工", 50000, 15000],
            [2, "修武县云台山康养小镇", "修武县", "新开工", 40000, 12000],
            ["小计", None, None, None, 90000, 27000],
            ["二、市级重点项目"],
            [1, "沁阳市装配式建筑产业园", "沁阳市", "新开工", 8000, 3000],
            ["小计", None, None, None, 8000, 3000],
            ["合计", None, None, None, 98000, 30000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == []
    assert levels() == {
        "沁阳市铝精深加工": {"省"},
        "修武县云台山康养小镇": {"省"},
        "沁阳市装配式建筑产业园": {"市"},
    }
    notes = "\n".join(report.notes)
    assert "按标题行「省重点」列入省重点项目名录" in notes
    assert "按标题行「市级重点」列入市重点项目名录" in notes
    # The heading names a list, not an industry.
    assert set(Project.objects.values_list("industry", flat=True)) == {""}


def test_a_level_cell_disagreeing_with_its_heading_is_refused_naming_the_row(city):
    sheet = xlsx(
        [
            [*HEADER, "级别"],
            ["一、省重点项目"],
            [1, "沁阳市铝精深加工", "沁阳市", "新开工", 50000, 15000, "省"],
            [2, "修武县云台山康养小镇", "修武县", "新开工", 40000, 12000, "市"],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert not report.ok
    assert any("第4行" in fault and "标题行「省重点」不符" in fault for fault in faults(report))
    assert not Project.objects.exists()


def test_a_county_heading_gives_no_level(city):
    sheet = xlsx(
        [
            ["序号", "项目名称", "建设性质", "总投资（万元）", "2025年计划投资（万元）"],
            ["一、沁阳市"],
            [1, "沁阳市铝精深加工", "新开工", 50000, 15000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025, level="县")
    assert faults(report) == []
    assert levels() == {"沁阳市铝精深加工": {"县"}}
