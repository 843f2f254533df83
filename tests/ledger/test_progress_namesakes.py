"""Two projects of one name: a progress row finds its project by name and county where the
county is given (its cell, else the heading or sheet it stands under); where that still leaves
two, the row is refused naming both stored projects, never the first found taken (issue 9,
fresh-eyes tryout fault 7)."""

from decimal import Decimal

from guanmo.ledger.models import MonthlyProgress, Project
from guanmo.ledger.services import import_ledger, import_progress
from guanmo.regions.models import Region
from tests.ledger.sheets import ledger_xlsx, xlsx
from tests.ledger.test_tryout_kinds import faults, two_projects

MAY = ["项目名称", "所在县区", "本月完成投资（万元）", "1—5月累计完成投资（万元）"]


def namesakes(city) -> None:
    """沁阳市铝精深加工 in 沁阳市 (33000万元) and in 孟州市 (3000万元)."""
    two_projects(city)
    report = import_ledger(
        ledger_xlsx([1, "沁阳市铝精深加工", None, "孟州市", None, "续建", None, 3000, 900]),
        city=city,
        year=2025,
    )
    assert report.ok


def stored(month=5) -> dict[tuple[str, str], tuple[Decimal, Decimal]]:
    return {
        (progress.project.county.name, progress.project.name): (
            progress.completed_this_month,
            progress.cumulative_completed,
        )
        for progress in MonthlyProgress.objects.filter(month=month).select_related(
            "project__county"
        )
    }


def test_a_name_in_two_counties_without_a_county_is_refused_naming_both(city):
    namesakes(city)
    sheet = xlsx(
        [
            ["项目名称", "本月完成投资（万元）", "1—5月累计完成投资（万元）"],
            ["沁阳市铝精深加工", 100, 500],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=5)
    assert faults(report) == [
        "第2行「项目名称」：台账中有2个名为「沁阳市铝精深加工」的项目（沁阳市、孟州市），"
        "无法确定是哪一个；请填写所在县区或项目代码"
    ]
    assert not MonthlyProgress.objects.exists()


def test_the_heading_a_row_stands_under_gives_its_county(city):
    namesakes(city)
    sheet = xlsx(
        [
            ["序号", "项目名称", "本月完成投资（万元）", "1—5月累计完成投资（万元）"],
            ["一、孟州市", None, None, None],
            [1, "沁阳市铝精深加工", 100, 500],
            ["二、沁阳市", None, None, None],
            [1, "沁阳市铝精深加工", 200, 900],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=5)
    assert faults(report) == []
    assert stored() == {
        ("孟州市", "沁阳市铝精深加工"): (Decimal(100), Decimal(500)),
        ("沁阳市", "沁阳市铝精深加工"): (Decimal(200), Decimal(900)),
    }


def test_two_stored_projects_of_one_name_in_one_county_are_refused_naming_both(city):
    two_projects(city)
    qinyang = Region.objects.get(name="沁阳市")
    Project.objects.create(
        city=city, county=qinyang, name="沁阳市铝精深加工", total_investment=Decimal(5000)
    )
    sheet = xlsx([MAY, ["沁阳市铝精深加工", "沁阳市", 100, 500]])
    report = import_progress(sheet, city=city, year=2025, month=5)
    assert faults(report) == [
        "第2行「项目名称」：沁阳市的台账中有2个名为「沁阳市铝精深加工」的项目（总投资33000万元、"
        "总投资5000万元），无法确定是哪一个；请填写项目代码"
    ]
    assert not MonthlyProgress.objects.exists()


def test_two_rows_of_one_name_without_a_county_are_refused_naming_both_rows(city):
    two_projects(city)
    sheet = xlsx(
        [
            ["项目名称", "本月完成投资（万元）", "1—5月累计完成投资（万元）"],
            ["沁阳市铝精深加工", 100, 500],
            ["沁阳市铝精深加工", 120, 520],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=5)
    assert faults(report) == [
        "第3行「项目名称」：与第2行同名，都是台账中沁阳市的「沁阳市铝精深加工」；"
        "请删去重复的一行，或填写所在县区或项目代码区分"
    ]
    assert not MonthlyProgress.objects.exists()


def test_a_name_and_a_code_of_two_different_projects_are_refused_naming_both(city):
    """Tryout 4 P35: a row naming one stored project carries another's code (a copy slip);
    its figures went to the project of the code, without a word."""
    report = import_ledger(
        ledger_xlsx(
            [
                1,
                "恒通冷链物流中心",
                "2024-410882-30-03-100001",
                "沁阳市",
                None,
                "续建",
                None,
                30000,
                9000,
            ],
            [
                2,
                "鼎盛冷链物流中心",
                "2024-410882-30-03-100002",
                "沁阳市",
                None,
                "续建",
                None,
                20000,
                6000,
            ],
        ),
        city=city,
        year=2025,
    )
    assert report.faults == []
    sheet = xlsx(
        [
            [
                "项目代码",
                "项目名称",
                "所在县区",
                "本月完成投资（万元）",
                "1—5月累计完成投资（万元）",
            ],
            ["2024-410882-30-03-100002", "恒通冷链物流中心", "沁阳市", 300, 2100],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=5)
    assert faults(report) == [
        "第2行「项目代码」：2024-410882-30-03-100002是台账中「鼎盛冷链物流中心」的项目代码，"
        "而项目名称「恒通冷链物流中心」是台账中另一个项目（项目代码2024-410882-30-03-100001），"
        "无法确定是哪一个，未导入；请核对项目代码或项目名称"
    ]
    assert not MonthlyProgress.objects.exists()
