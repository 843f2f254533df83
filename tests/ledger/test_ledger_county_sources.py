"""The ledger import takes a row's county only where every place the sheet writes it agrees: its
county cell, its project code, the heading above it, its sheet's name and its sheet's title; one
that names another county refuses the row naming them all, and nothing is written (issue 9,
tryout 7: S01, S09 and their progress kin were put on a county without a word)."""

import pytest

from guanmo.ledger.models import Project
from guanmo.ledger.services import import_ledger
from tests.ledger.sheets import xlsx


def described(report) -> list[str]:
    return [report.describe(fault) for fault in report.faults]


def placed() -> dict[str, str]:
    return {project.name: project.county.name for project in Project.objects.all()}


TITLE_WENXIAN = "温县2025年重点项目台账"
CODE_WUZHI = "2024-410823-34-03-000009"  # 410823 is 武陟县


@pytest.mark.parametrize(
    ("rows", "sheet", "fault"),
    [
        pytest.param(
            [[TITLE_WENXIAN], ["项目名称", "总投资（万元）"], ["纺织项目", 9000]],
            "武陟县",
            "工作表「武陟县」第3行：标题「温县2025年重点项目台账」写明温县，工作表名为武陟县，"
            "不一致，未写入任何数据",
            id="sheet-name-against-title",
        ),
        pytest.param(
            [
                [TITLE_WENXIAN],
                ["项目名称", "所在县区", "总投资（万元）"],
                ["纺织项目", "武陟县", 9000],
            ],
            "Sheet1",
            "工作表「Sheet1」第3行：标题「温县2025年重点项目台账」写明温县，「所在县区」列为武陟县，"
            "不一致，未写入任何数据",
            id="title-against-column",
        ),
        pytest.param(
            [["项目名称", "总投资（万元）"], ["二、武陟县", None], ["纺织项目", 9000]],
            "温县",
            "工作表「温县」第3行：工作表名为温县，所在标题行为武陟县，不一致，未写入任何数据",
            id="sheet-name-against-heading",
        ),
        pytest.param(
            [
                [TITLE_WENXIAN],
                ["项目代码", "项目名称", "总投资（万元）"],
                [CODE_WUZHI, "纺织项目", 9000],
            ],
            "Sheet1",
            "工作表「Sheet1」第3行：标题「温县2025年重点项目台账」写明温县，"
            f"「项目代码」为{CODE_WUZHI}（武陟县），不一致，未写入任何数据",
            id="title-against-code",
        ),
        pytest.param(
            [["项目名称", "所在县区", "总投资（万元）"], ["纺织项目", "武陟县", 9000]],
            "温县",
            "工作表「温县」第2行：工作表名为温县，「所在县区」列为武陟县，不一致，未写入任何数据",
            id="sheet-name-against-column",
        ),
        pytest.param(
            [
                [TITLE_WENXIAN],
                ["项目名称", "总投资（万元）"],
                ["一、武陟县", None],
                ["纺织项目", 9000],
            ],
            "Sheet1",
            "工作表「Sheet1」第4行：标题「温县2025年重点项目台账」写明温县，所在标题行为武陟县，"
            "不一致，未写入任何数据",
            id="title-against-heading",
        ),
        pytest.param(
            [
                ["项目名称", "县区", "总投资（万元）"],
                ["一、温县", None, None],
                ["纺织项目", "孟州市", 9000],
            ],
            "Sheet1",
            "工作表「Sheet1」第3行：所在标题行为温县，「县区」列为孟州市，不一致，未写入任何数据",
            id="heading-against-column",
        ),
        pytest.param(
            [
                ["项目代码", "项目名称", "总投资（万元）"],
                ["2024-410825-34-03-000010", "纺织项目", 9000],
            ],
            "武陟县",
            "工作表「武陟县」第2行：工作表名为武陟县，「项目代码」为2024-410825-34-03-000010（温县），"
            "不一致，未写入任何数据",
            id="sheet-name-against-code",
        ),
    ],
)
def test_a_row_whose_county_sources_disagree_is_refused_naming_them(city, rows, sheet, fault):
    report = import_ledger(xlsx(rows, title=sheet), city=city, year=2025)
    assert described(report) == [fault]
    assert not Project.objects.exists()


def test_a_title_naming_a_county_under_a_sheet_named_for_another_refuses_namesakes_too(city):
    """R06 as a ledger: the title says 温县, the sheet is 武陟县's, and both counties keep a
    project of that name; the row goes on neither."""
    same = "标准化厂房建设项目"
    assert import_ledger(
        xlsx([["项目名称", "所在县区", "总投资"], [same, "温县", 3000], [same, "武陟县", 5000]]),
        city=city,
        year=2025,
    ).ok
    sheet = xlsx([["温县2025年重点项目台账"], ["项目名称", "总投资"], [same, 3300]], title="武陟县")
    report = import_ledger(sheet, city=city, year=2025)
    assert described(report) == [
        "工作表「武陟县」第3行：标题「温县2025年重点项目台账」写明温县，工作表名为武陟县，"
        "不一致，未写入任何数据"
    ]
    assert sorted(Project.objects.values_list("county__name", "total_investment")) == [
        ("武陟县", 5000),
        ("温县", 3000),
    ]


def test_every_source_naming_one_county_places_the_row_there(city):
    sheet = xlsx(
        [
            ["温县2025年重点项目台账"],
            ["项目代码", "项目名称", "所在县区", "总投资"],
            [None, "一、温县", None, None],
            ["2024-410825-34-03-000010", "纺织项目", "温县", 9000],
        ],
        title="温县",
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert described(report) == []
    assert placed() == {"纺织项目": "温县"}
    assert not [note for note in report.notes if "取自" in note]


def test_a_title_and_a_sheet_naming_the_city_or_nothing_are_no_source(city):
    sheet = xlsx(
        [["焦作市2025年重点项目台账"], ["项目名称", "县区", "总投资"], ["甲项目", "武陟县", 1000]],
        title="全市",
        more_sheets={
            "汇总": [
                ["全市重点项目汇总表"],
                ["项目名称", "县区", "总投资"],
                ["乙项目", "温县", 500],
            ]
        },
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert described(report) == []
    assert placed() == {"甲项目": "武陟县", "乙项目": "温县"}


def test_a_project_of_two_counties_in_one_of_their_sheets_is_placed_as_its_cell_says(city):
    sheet = xlsx(
        [["项目名称", "所在县区", "总投资"], ["黄河滩区治理", "武陟县、温县", 8000]], title="温县"
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert described(report) == []
    project = Project.objects.get()
    assert (project.county.name, [c.name for c in project.other_counties.all()]) == (
        "武陟县",
        ["温县"],
    )


def test_county_headings_under_a_heading_naming_the_city_give_their_county(city):
    """一、焦作市 > （一）温县: the city's heading wraps the counties' and places nothing."""
    sheet = xlsx(
        [
            ["序号", "项目名称", "总投资"],
            ["一、焦作市", None, None],
            ["（一）温县", None, None],
            [1, "甲项目", 1000],
            ["（二）武陟县", None, None],
            [1, "乙项目", 500],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert described(report) == []
    assert placed() == {"甲项目": "温县", "乙项目": "武陟县"}
    assert "工作表「Sheet1」第4行未填所在县区，取自标题行「（一）温县」" in report.notes


def test_a_town_heading_under_a_county_heading_keeps_the_county_and_names_no_industry(city):
    sheet = xlsx(
        [
            ["序号", "项目名称", "总投资"],
            ["一、温县", None, None],
            ["（一）祥云镇", None, None],
            [1, "甲项目", 1000],
            ["（二）番田镇", None, None],
            [1, "乙项目", 500],
            ["二、武陟县", None, None],
            [1, "丙项目", 700],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert described(report) == []
    assert placed() == {"甲项目": "温县", "乙项目": "温县", "丙项目": "武陟县"}
    assert set(Project.objects.values_list("industry", flat=True)) == {""}


def test_a_park_heading_under_a_county_heading_keeps_the_outer_county(city):
    """一、温县 > （一）温县产业集聚区: the park is part of the county's list, not a second
    county (the city ranks no such park of its own)."""
    sheet = xlsx(
        [
            ["序号", "项目名称", "总投资"],
            ["一、温县", None, None],
            ["（一）温县产业集聚区", None, None],
            [1, "甲项目", 1000],
            ["二、武陟县", None, None],
            [1, "乙项目", 500],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert described(report) == []
    assert placed() == {"甲项目": "温县", "乙项目": "武陟县"}
