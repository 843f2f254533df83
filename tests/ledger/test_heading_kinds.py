"""County headings in every form offices type them (tryout 6 of issue 9: H_a–H_e, L05/L16,
L32, L34, R1, S_a): a heading that names one of the city's units gives the projects under it
that unit, whatever its numbering, bullet or tail; a row that looks like a county heading but
cannot be read as one stops the import, never lets the county above carry on silently."""

from decimal import Decimal
from io import BytesIO

import pytest

from guanmo.ledger.models import AnnualPlan, MonthlyProgress, Project
from guanmo.ledger.services import import_ledger, import_progress
from tests.ledger.sheets import xlsx
from tests.sheets.files import Drawn, to_xls

HEADER = ["序号", "项目名称", "总投资（万元）", "2026年计划投资（万元）"]


def counties() -> dict[str, str]:
    """project name → county name, of every project stored."""
    return {p.name: p.county.name for p in Project.objects.select_related("county")}


def faults(report) -> list[str]:
    return [str(fault) for fault in report.faults]


def two_headings(second: str, *, column: int = 0) -> list[list[object]]:
    """武陟县 under 一、武陟县, then 温县乙项目 under `second`, typed in `column`."""
    heading = [None, None, None, None]
    heading[column] = second
    first = [None, None, None, None]
    first[column] = "一、武陟县"
    return [HEADER, first, [1, "武陟县甲项目", 1000, 100], heading, [1, "温县乙项目", 2000, 200]]


@pytest.mark.parametrize(
    "second",
    [
        "2、温县",
        "二 温县",
        "温县：",
        "★温县",
        "(二)温县",
        "（二）温县",
        "2.温县（1个）",
        "※ 温县重点项目",
        "（2）温县",
        "二、温县项目",
        "温县（1个）",
    ],
)
def test_a_county_heading_in_any_form_gives_the_projects_under_it_that_county(city, second):
    """H_a–H_e: the second heading's county, never the first's carried on."""
    report = import_ledger(xlsx(two_headings(second)), city=city, year=2026)
    assert faults(report) == []
    assert counties() == {"武陟县甲项目": "武陟县", "温县乙项目": "温县"}
    # the heading quoted whole, as typed (tryout 18 (6a)), not cut to 「温县」
    assert f"工作表「Sheet1」第5行未填所在县区，取自标题行「{second}」" in report.notes


@pytest.mark.parametrize("form", ["{n}.{county}（{count}个）", "{n}、{county}"])
def test_numbered_county_headings_in_the_name_column_are_headings_not_projects(city, form):
    """L32, L34: "1.武陟县（2个）" and "1、武陟县" in the name column head their blocks."""
    rows: list[list[object]] = [HEADER]
    blocks = {"武陟县": ["黄河滩区道路", "智能装备产业园"], "孟州市": ["污水处理厂提标改造"]}
    for n, (county, names) in enumerate(blocks.items(), start=1):
        rows.append([None, form.format(n=n, county=county, count=len(names)), None, None])
        rows += [[j, name, 1000 * j, 100 * j] for j, name in enumerate(names, start=1)]
    report = import_ledger(xlsx(rows), city=city, year=2026)
    assert faults(report) == []
    assert counties() == {
        "黄河滩区道路": "武陟县",
        "智能装备产业园": "武陟县",
        "污水处理厂提标改造": "孟州市",
    }


ELEVEN = [
    "武陟县",
    "温县",
    "孟州市",
    "沁阳市",
    "修武县",
    "博爱县",
    "解放区",
    "中站区",
    "马村区",
    "山阳区",
    "城乡一体化示范区",
]
NUMERALS = "一二三四五六七八九十"


def eleven_blocks() -> list[list[object]]:
    """一、… to 十、… then "11、城乡一体化示范区" in the serial column, one project each, with
    subtotals (L05)."""
    rows: list[list[object]] = [["2026年重点项目"], HEADER]
    for index, county in enumerate(ELEVEN):
        label = f"{NUMERALS[index]}、{county}" if index < 10 else f"{index + 1}、{county}"
        rows.append([label, None, None, None])
        rows.append([1, f"{county}第{index + 1}号项目", 1000 + index, 100 + index])
        rows.append([None, f"{county}小计", 1000 + index, 100 + index])
    return rows


@pytest.mark.parametrize("kind", ["xlsx", "xls"])
def test_an_eleventh_county_numbered_in_digits_after_ten_in_numerals_is_a_heading(city, kind):
    """L05/L16: "11、城乡一体化示范区" after 一、…十、 is the zone's heading; its project is
    the zone's, not 山阳区's."""
    rows = eleven_blocks()
    sheet = xlsx(rows) if kind == "xlsx" else BytesIO(to_xls(Drawn(rows)))
    report = import_ledger(sheet, city=city, year=2026)
    assert faults(report) == []
    assert counties()["城乡一体化示范区第11号项目"] == "城乡一体化示范区"
    assert counties()["山阳区第10号项目"] == "山阳区"


@pytest.mark.parametrize("text", ["以下为温县项目", "温县、孟州市"])
def test_a_row_naming_a_county_that_is_not_read_as_a_heading_stops_the_import(city, text):
    """The safety net: a row passed over whose text names a unit, while the rows below take
    their county from a heading above it, is refused naming the row; nothing is written."""
    report = import_ledger(xlsx(two_headings(text)), city=city, year=2026)
    assert any(
        f"第4行：「{text}」像是县区标题，但未能识别" in fault
        and "第5行" in fault
        and "「一、武陟县」" in fault
        for fault in faults(report)
    ), faults(report)
    assert not Project.objects.exists()


def test_a_row_naming_a_county_under_a_county_column_is_only_passed_over(city):
    """Rows with a county cell of their own take nothing from a heading: a stray line naming a
    county is noted as not a project row, as before."""
    rows = [
        ["序号", "项目名称", "所在县区", "总投资（万元）", "2026年计划投资（万元）"],
        [1, "武陟县甲项目", "武陟县", 1000, 100],
        ["以下为温县项目", None, None, None, None],
        [2, "温县乙项目", "温县", 2000, 200],
    ]
    report = import_ledger(xlsx(rows), city=city, year=2026)
    assert faults(report) == []
    assert counties() == {"武陟县甲项目": "武陟县", "温县乙项目": "温县"}


def test_an_update_under_an_arabic_numbered_heading_updates_the_county_s_own_project(city):
    """R1: a ledger kept with a county column, updated from a sheet with county headings one of
    which is "2、温县": 温县乙项目 is updated in 温县, never copied into 武陟县."""
    first = [
        ["项目名称", "所在县区", "总投资（万元）", "2026年计划投资（万元）"],
        ["武陟县甲项目", "武陟县", 1000, 100],
        ["温县乙项目", "温县", 2000, 200],
    ]
    assert import_ledger(xlsx(first), city=city, year=2026).ok
    update = two_headings("2、温县")
    update[4][3] = 300
    report = import_ledger(xlsx(update), city=city, year=2026)
    assert faults(report) == []
    assert (report.created, report.updated) == (0, 1)
    assert counties() == {"武陟县甲项目": "武陟县", "温县乙项目": "温县"}
    plan = AnnualPlan.objects.get(project__name="温县乙项目", year=2026)
    assert plan.planned_investment == Decimal(300)


@pytest.mark.parametrize("heading", ["(二)山阳区", "2、山阳区"])
def test_progress_under_a_numbered_heading_goes_to_that_county_s_namesake(city, heading):
    """S_a/S_b: two counties each have 老旧小区改造; the progress sheet's heading says which."""
    ledger = [
        ["项目名称", "所在县区", "总投资（万元）", "2026年计划投资（万元）"],
        ["武陟县甲项目", "武陟县", 1000, 100],
        ["老旧小区改造", "解放区", 5000, 1000],
        ["老旧小区改造", "山阳区", 8000, 2000],
    ]
    assert import_ledger(xlsx(ledger), city=city, year=2026).ok
    sheet = [
        ["序号", "项目名称", "本月完成投资（万元）", "本年累计完成投资（万元）"],
        ["一、武陟县", None, None, None],
        [1, "武陟县甲项目", 10, 10],
        [heading, None, None, None],
        [1, "老旧小区改造", 300, 300],
    ]
    report = import_progress(xlsx(sheet), city=city, year=2026, month=1)
    assert faults(report) == []
    stored = MonthlyProgress.objects.get(project__name="老旧小区改造")
    assert stored.project.county.name == "山阳区"
    assert stored.completed_this_month == Decimal(300)


def test_progress_namesakes_below_an_unread_county_line_stop_the_import(city):
    """The safety net in the progress import: a namesake told apart by the heading above a
    passed-over line naming another county is refused, the figure given to neither."""
    ledger = [
        ["项目名称", "所在县区", "总投资（万元）", "2026年计划投资（万元）"],
        ["老旧小区改造", "解放区", 5000, 1000],
        ["老旧小区改造", "山阳区", 8000, 2000],
    ]
    assert import_ledger(xlsx(ledger), city=city, year=2026).ok
    sheet = [
        ["序号", "项目名称", "本月完成投资（万元）", "本年累计完成投资（万元）"],
        ["一、解放区", None, None, None],
        ["以下为山阳区项目", None, None, None],
        [1, "老旧小区改造", 300, 300],
    ]
    report = import_progress(xlsx(sheet), city=city, year=2026, month=1)
    assert any("第3行：「以下为山阳区项目」像是县区标题" in fault for fault in faults(report))
    assert not MonthlyProgress.objects.exists()
