"""Kinds of ledger sheet the second and third tryouts of issue 9 tried (tryout 2: LP, LQ, LR,
LT, LU, LW, LZ; tryout 3: N1, N2, N4, N6, L10, L11), built here in other figures and names: each
gives exactly the figures a user expects, or stops naming the row."""

from decimal import Decimal
from io import BytesIO

import pytest

from guanmo.ledger.models import AnnualPlan, Project
from guanmo.ledger.services import import_ledger
from tests.ledger.sheets import xlsx
from tests.sheets.files import Drawn, to_csv, to_ods, to_xls


def faults(report) -> list[str]:
    return [str(fault) for fault in report.faults]


def figures() -> dict[str, tuple[str, Decimal, Decimal | None]]:
    """name → (county, total investment, 2025 plan)."""
    plans = dict(
        AnnualPlan.objects.filter(year=2025).values_list("project__name", "planned_investment")
    )
    return {
        project.name: (project.county.name, project.total_investment, plans.get(project.name))
        for project in Project.objects.select_related("county")
    }


def read_as(report) -> dict[str, str]:
    """header → the field its column was read as ("" when not read)."""
    return {use.header: use.field for use in report.columns}


@pytest.mark.parametrize("last_year", ["上年度计划投资（万元）", "去年计划投资（万元）"])
def test_last_year_s_plan_named_in_words_is_not_this_year_s(city, last_year):
    """LP, LR: 上年度/去年 before this year's plan (本年度计划投资, or a bare 计划投资)."""
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "建设性质", "总投资（万元）", last_year, "计划投资（万元）"],
            ["博爱县上年词项目", "博爱县", "续建", 42000, 7000, 5500],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert figures() == {"博爱县上年词项目": ("博爱县", Decimal(42000), Decimal(5500))}
    assert read_as(report)[last_year] == ""


def test_a_sheet_with_only_last_year_s_plan_sets_no_plan_for_this_year(city):
    """LQ: only 上年计划投资: nothing is stored as 2025's plan, and the report says so."""
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "建设性质", "总投资（万元）", "上年计划投资（万元）"],
            ["博爱县只有上年计划", "博爱县", "续建", 42000, 7000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert figures() == {"博爱县只有上年计划": ("博爱县", Decimal(42000), None)}
    assert "表中没有年度计划投资列，未设置2025年计划投资" in report.notes


@pytest.mark.parametrize(
    ("total", "plan"),
    [
        ("总投资(亿元)", "年度计划投资(亿元)"),
        ("总投资\n（亿元）", "年度计划投资\n（亿元）"),
        ("总投资/亿元", "年度计划投资/亿元"),
        ("总投资 亿元", "年度计划投资 亿元"),
        ("总投资【亿元】", "年度计划投资【亿元】"),
        ("（亿元）总投资", "（亿元）年度计划投资"),
    ],
)
def test_a_unit_written_in_the_header_any_way_offices_write_it_is_read(city, total, plan):
    """LU: 3.75 and 1.2 亿元 are 37500 and 12000 万元 however the header writes 亿元."""
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "建设性质", total, plan, "起止年限"],
            ["修武县单位写法项目", "修武县", "续建", 3.75, 1.2, "2024-2026"],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert figures() == {"修武县单位写法项目": ("修武县", Decimal(37500), Decimal(12000))}


def test_a_row_of_units_under_the_header_gives_each_column_its_unit(city):
    """LU7: the units stand in a row of their own under the header, one per money column."""
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "建设性质", "总投资", "年度计划投资", "起止年限"],
            [None, None, None, "亿元", "万元", None],
            ["修武县单位行项目", "修武县", "续建", 3.75, 1200, "2024-2026"],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert figures() == {"修武县单位行项目": ("修武县", Decimal(37500), Decimal(1200))}


def test_a_project_whose_figures_equal_the_sum_of_those_above_is_a_project(city):
    """LW: the last project of a county block adds up to the two above it; it has a serial and
    a name, so it is a project, not a subtotal."""
    sheet = xlsx(
        [
            ["序号", "项目名称", "建设性质", "总投资（万元）", "年度计划投资（万元）", "起止年限"],
            ["一", "沁阳市", None, None, None, None],
            [1, "沁阳市碰巧甲厂", "续建", 1500, 400, "2024-2026"],
            [2, "沁阳市碰巧乙厂", "续建", 2500, 600, "2024-2026"],
            [3, "沁阳市检测认证中心", "新开工", 4000, 1000, "2025-2026"],
            ["二", "孟州市", None, None, None, None],
            [1, "孟州市碰巧丙厂", "续建", 800, 80, "2024-2026"],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert figures() == {
        "沁阳市碰巧甲厂": ("沁阳市", Decimal(1500), Decimal(400)),
        "沁阳市碰巧乙厂": ("沁阳市", Decimal(2500), Decimal(600)),
        "沁阳市检测认证中心": ("沁阳市", Decimal(4000), Decimal(1000)),
        "孟州市碰巧丙厂": ("孟州市", Decimal(800), Decimal(80)),
    }


def test_a_re_import_naming_projects_with_a_space_or_half_width_brackets_updates_them(city):
    """LZ: the stored 中站区智能装备产业园 and 黄河湿地公园（中站区段） come back written
    "中站区 智能装备产业园" and with half-width brackets: updated, not created again, their
    stored names kept (tryout 7 of issue 9, L13)."""
    header = ["项目名称", "所在县区", "建设性质", "总投资（万元）", "年度计划投资（万元）"]
    import_ledger(
        xlsx(
            [
                header,
                ["中站区智能装备产业园", "中站区", "续建", 60000, 15000],
                ["黄河湿地公园（中站区段）", "中站区", "续建", 30000, 8000],
            ]
        ),
        city=city,
        year=2025,
    )
    report = import_ledger(
        xlsx(
            [
                header,
                ["中站区 智能装备产业园", "中站区", "续建", 61000, 15500],
                ["黄河湿地公园(中站区段)", "中站区", "续建", 30000, 8500],
            ]
        ),
        city=city,
        year=2025,
    )

    assert faults(report) == []
    assert (report.created, report.updated) == (0, 2)
    assert figures() == {
        "中站区智能装备产业园": ("中站区", Decimal(61000), Decimal(15500)),
        "黄河湿地公园（中站区段）": ("中站区", Decimal(30000), Decimal(8500)),
    }


def test_county_headings_with_serials_restarting_and_a_unit_per_column(city):
    """N1: no county column, 序号 restarting under each heading, 总投资 in 亿元 and the plan in
    万元 in one header."""
    sheet = xlsx(
        [
            ["焦作市2025年重点项目台账"],
            [
                "序号",
                "项目名称",
                "建设性质",
                "总投资（亿元）",
                "2025年计划投资（万元）",
                "起止年限",
            ],
            ["一、博爱县"],
            [1, "博爱县铝基新材料园", "新开工", 1.8765, 6500, "2025-2027"],
            [2, "博爱县物流分拨中心", "新开工", 0.9, 3000, "2025-2026"],
            ["二、修武县"],
            [1, "修武县康养小镇", "续建", 4, 15000, "2024-2026"],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert figures() == {
        "博爱县铝基新材料园": ("博爱县", Decimal(18765), Decimal(6500)),
        "博爱县物流分拨中心": ("博爱县", Decimal(9000), Decimal(3000)),
        "修武县康养小镇": ("修武县", Decimal(40000), Decimal(15000)),
    }
    assert [(left.row, left.reason) for left in report.left_out] == [(3, "标题行"), (6, "标题行")]


TEXT_FIGURES = [
    ["项目名称", "所在县区", "建设性质", "总投资（万元）", "2025年计划投资（万元）", "起止年限"],
    ["温县新型建材产业园  ", "温县", "新开工", "16,000", "4,200.5", "2025-2026"],
    ["温县城区供热管网\n改造工程", "温县", "新开工", "２３４５", "６７８", "2025-2026"],
    ["温县全角逗号项目", "温县", "新开工", "2，400", "5００", "2025-2026"],
    ["温县空格分节项目", "温县", "新开工", "1 234 567", "1 200", "2025-2026"],
]
TEXT_FIGURES_READ = {
    "温县新型建材产业园": ("温县", Decimal(16000), Decimal("4200.5")),
    "温县城区供热管网改造工程": ("温县", Decimal(2345), Decimal(678)),
    "温县全角逗号项目": ("温县", Decimal(2400), Decimal(500)),
    "温县空格分节项目": ("温县", Decimal(1234567), Decimal(1200)),
}


def test_figures_typed_as_text_with_separators_and_full_width_digits_are_exact(city):
    """N2: thousands separators (half- and full-width, spaces), full-width digits, and names
    with trailing spaces or a wrapping line break."""
    report = import_ledger(xlsx(TEXT_FIGURES), city=city, year=2025)

    assert faults(report) == []
    assert figures() == TEXT_FIGURES_READ


def test_a_utf8_csv_with_quoted_thousands_gives_the_same_figures(city):
    """N4: the same sheet as a UTF-8 .csv, its figures quoted because of their commas."""
    text = to_csv(Drawn(TEXT_FIGURES, name="台账"), "utf-8")
    assert b'"16,000"' in text
    report = import_ledger(BytesIO(text), city=city, year=2025, file_name="台账.csv")

    assert faults(report) == []
    assert figures() == TEXT_FIGURES_READ


def test_a_units_line_a_header_unit_and_a_cell_unit_each_decide_their_own(city):
    """L10: 单位：亿元 above the header; one header says 万元; one cell says 万元 itself."""
    sheet = xlsx(
        [
            ["单位：亿元"],
            ["项目名称", "所在县区", "建设性质", "总投资", "2025年计划投资（万元）", "起止年限"],
            ["武陟县储能电池项目", "武陟县", "新开工", 5.25, 13000, "2025-2027"],
            ["武陟县雨污分流工程", "武陟县", "新开工", "3600万元", "900万元", "2025-2026"],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert figures() == {
        "武陟县储能电池项目": ("武陟县", Decimal(52500), Decimal(13000)),
        "武陟县雨污分流工程": ("武陟县", Decimal(3600), Decimal(900)),
    }


def test_one_name_written_with_full_and_half_width_brackets_is_one_project_twice(city):
    """L11: the same project on two rows, its brackets typed two ways: a repeat, refused."""
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "建设性质", "总投资（万元）", "2025年计划投资（万元）"],
            ["温县产业园（三期）标准化厂房", "温县", "新开工", 6000, 2000],
            ["温县产业园(三期)标准化厂房", "温县", "新开工", 6500, 2200],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == ["第3行「项目名称」：与第2行重复（同一县区的同名项目）"]
    assert not Project.objects.exists()


@pytest.mark.parametrize("write", [to_ods, to_xls], ids=["ods", "xls"])
def test_a_merged_two_row_header_a_county_merged_down_and_a_hidden_row(city, write):
    """N6: 投资规模（万元） over 总投资 and 2025年计划投资, a county cell merged over its two
    projects, and a hidden row, as LibreOffice and WPS save them."""
    drawn = Drawn(
        [
            ["项目名称", "所在县区", "建设性质", "投资规模（万元）", None, "起止年限"],
            [None, None, None, "总投资", "2025年计划投资", None],
            ["修武县氢能物流基地", "修武县", "新开工", 26000, 9000, "2025-2027"],
            ["修武县云台古镇提升", None, "续建", 8000, 2500, "2024-2026"],
            ["修武县已调出项目", "修武县", "新开工", 999, 99, "2025-2026"],
        ],
        hidden_rows={5},
        merged=[(1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 1, 4), (1, 5, 2, 5), (3, 1, 4, 1)],
    )
    report = import_ledger(BytesIO(write(drawn)), city=city, year=2025)

    assert faults(report) == []
    assert figures() == {
        "修武县氢能物流基地": ("修武县", Decimal(26000), Decimal(9000)),
        "修武县云台古镇提升": ("修武县", Decimal(8000), Decimal(2500)),
    }
    assert [str(left) for left in report.left_out] == ["第5行为隐藏行，未导入"]


def test_a_revised_plan_beside_the_first_one_is_not_passed_over(city):
    """LT: 年度计划投资 9000 and 调整后年度计划投资 6000 (the mid-year revision): reading the
    first and ignoring the revision would be a silent wrong plan, so the import asks which."""
    header = ["项目名称", "所在县区", "建设性质", "总投资（万元）", "年度计划投资（万元）"]
    sheet = xlsx(
        [
            [*header, "调整后年度计划投资（万元）"],
            ["沁阳市调整计划项目", "沁阳市", "续建", 50000, 9000, 6000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == [
        "第1行：「年度计划投资（万元）」（E1）和「调整后年度计划投资（万元）」（F1）都是年度计划投资，"
        "表头没有写明哪一列是本次导入的数，无法判断读哪一列；请删去或注明其中一列后再导入"
    ]
    assert not Project.objects.exists()


def test_a_revised_plan_alone_is_the_plan(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "建设性质", "总投资（万元）", "调整后年度计划（万元）"],
            ["沁阳市调整计划项目", "沁阳市", "续建", 50000, 6000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert figures() == {"沁阳市调整计划项目": ("沁阳市", Decimal(50000), Decimal(6000))}


@pytest.mark.parametrize(("first", "second"), [("一、", "二、"), ("一.", "二."), ("(一)", "(二)")])
def test_an_enumerated_serial_beside_a_county_is_a_county_heading(city, first, second):
    """Tryout 24 F2: 「一、」 in the 序号 column with 武陟县（3个） in the name column — the usual
    heading row — was read as a project and the refusal said no county heading was found; it is
    a county heading, as 「一」 alone already was."""
    sheet = xlsx(
        [
            ["序号", "项目名称", "建设性质", "总投资（万元）", "年度计划投资（万元）", "起止年限"],
            [first, "沁阳市（2个）", None, None, None, None],
            [1, "沁阳市碰巧甲厂", "续建", 1500, 400, "2024-2026"],
            [2, "沁阳市碰巧乙厂", "续建", 2500, 600, "2024-2026"],
            [second, "孟州市", None, None, None, None],
            [1, "孟州市碰巧丙厂", "续建", 800, 80, "2024-2026"],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert figures() == {
        "沁阳市碰巧甲厂": ("沁阳市", Decimal(1500), Decimal(400)),
        "沁阳市碰巧乙厂": ("沁阳市", Decimal(2500), Decimal(600)),
        "孟州市碰巧丙厂": ("孟州市", Decimal(800), Decimal(80)),
    }
