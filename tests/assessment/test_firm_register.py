"""The firm register: `guanmo import-firms` from a real .xlsx (all or nothing, faults naming
sheet, row and column) and `guanmo assess-firms` computing from it, by the figures worked by
hand in test_firms (scores 100, 85.5, 50, 49, 12; 戊 under 3亩 unrated), with policies."""

import json
from decimal import Decimal as D
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import Workbook, load_workbook

from guanmo.assessment.firms import LOW_TAX_RULE, POLICIES, credit_code_check
from guanmo.assessment.models import Firm, FirmYear
from tests.assessment.test_firms import EXPECTED, FIRMS, scheme_with_mean_factor

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def city(world):
    """焦作市 and its counties: each firm's county cell names one of them."""
    return world.city


def county_of(serial: int) -> str:
    """The firms alternate between 武陟县 (odd serials) and 温县 (even)."""
    return "武陟县" if serial % 2 else "温县"


HEADER = [
    "序号", "企业名称", "统一社会信用代码", "县区", "园区", "用地面积（亩）", "税收（万元）",
    "销售收入（万元）", "增加值（万元）", "综合能耗（吨标准煤）", "排放量（吨）",
    "研发经费（万元）", "从业人员（人）",
]  # fmt: skip


def code(serial: int) -> str:
    first17 = f"91410700MA{serial:07d}"
    return first17 + credit_code_check(first17)


def register_sheet(path, firms=FIRMS, *, tax_in_yuan=False, broken=None):
    book = Workbook()
    sheet = book.active
    sheet.title = "企业"
    sheet.append(["2025年度企业亩均效益数据"])
    header = list(HEADER)
    if tax_in_yuan:
        header[6] = "税收（元）"
    sheet.append(header)
    for serial, (name, land, tax, sales, energy) in enumerate(firms, 1):
        tax_cell = tax * 10000 if tax_in_yuan else tax
        row = [serial, name, code(serial), county_of(serial), "产业集聚区", land, tax_cell]
        row += [sales, sales / 4, energy, 1.5, 12, 30]
        sheet.append(row)
    if broken:
        broken(sheet)
    book.save(path)
    return path


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_register_sheet_is_imported_with_every_figure(tmp_path):
    out, _ = run(
        "import-firms",
        str(register_sheet(tmp_path / "企业.xlsx", tax_in_yuan=True)),
        "--year",
        "2025",
    )
    assert "已导入6家企业" in out
    firm = Firm.objects.get(name="己")
    assert (firm.credit_code, firm.county.name, firm.park) == (code(2), "温县", "产业集聚区")
    year = FirmYear.objects.get(firm=firm, year=2025)
    assert year.land_area == D(8)
    assert (year.tax, year.sales, year.value_added, year.energy) == (D(200), D(3200), D(800), D(50))
    assert (year.emissions, year.rd_spending, year.employees) == (D("1.5"), D(12), 30)


def test_a_dry_run_checks_and_writes_nothing(tmp_path):
    out, _ = run(
        "import-firms", str(register_sheet(tmp_path / "企业.xlsx")), "--year", "2025", "--dry-run"
    )
    assert "检查通过：6家企业" in out
    assert not Firm.objects.exists()


def test_a_wrong_check_character_or_missing_land_refuses_the_whole_sheet(tmp_path):
    def broken(sheet):
        sheet["C4"] = code(2)[:-1] + ("0" if code(2)[-1] != "0" else "1")
        sheet["F6"] = None

    err = StringIO()
    with pytest.raises(CommandError, match="2处错误，未导入任何企业"):
        call_command("import-firms", str(register_sheet(tmp_path / "企业.xlsx", broken=broken)),
                     "--year", "2025", stdout=StringIO(), stderr=err)  # fmt: skip
    assert (
        "第4行" in err.getvalue()
        and "统一社会信用代码" in err.getvalue()
        and "校验位" in err.getvalue()
    )
    assert "第6行" in err.getvalue() and "用地面积" in err.getvalue()
    assert not Firm.objects.exists() and not FirmYear.objects.exists()


def test_assess_firms_scores_classes_and_policies_from_the_register(tmp_path):
    run("import-firms", str(register_sheet(tmp_path / "企业.xlsx")), "--year", "2025")
    out, _ = run("assess-firms", "--year", "2025", "--runs", "0", "--format", "json")
    units = {unit["unit"]: unit for unit in json.loads(out)["units"]}
    assert {u: (x["score"], x["rank"], x["class"]) for u, x in units.items()} == EXPECTED
    assert units["甲"]["policies"] == list(POLICIES["A"])
    assert units["丁"]["policies"] == [*POLICIES["D"], LOW_TAX_RULE]  # 2万元/亩
    assert units["戊"]["policies"] == [LOW_TAX_RULE]  # unrated, still under 5万元/亩
    assert set(units["甲"]) >= {"unit", "score", "rank", "class", "rank_change", "median_rank",
                               "rank_interval", "p_first", "p_last", "contributions"}  # fmt: skip
    text, _ = run("assess-firms", "--year", "2025", "--runs", "0")
    assert f"丁（D）：{'；'.join([*POLICIES['D'], LOW_TAX_RULE])}" in text


def test_assess_firms_takes_twice_last_years_mean_as_the_benchmark(tmp_path):
    # 2024: 甲 100万元 on its 10亩 and 己 160万元 on its 8亩 (land is the firm's, as in 2025)
    # → 10 and 20 per 亩, mean 15, benchmark 30 as the example scheme's: 2025's scores are
    # those worked by hand.
    last_year = [("甲", 10, 100, 6000, 100), ("己", 8, 160, 3200, 50)]
    run("import-firms", str(register_sheet(tmp_path / "2024.xlsx", last_year)), "--year", "2024")
    run("import-firms", str(register_sheet(tmp_path / "2025.xlsx")), "--year", "2025")
    scheme = scheme_with_mean_factor(tmp_path)
    out, _ = run(
        "assess-firms", "--year", "2025", "--scheme", str(scheme), "--runs", "0", "--format", "json"
    )
    units = {unit["unit"]: unit for unit in json.loads(out)["units"]}
    assert {u: (x["score"], x["rank"], x["class"]) for u, x in units.items()} == EXPECTED
    with pytest.raises(CommandError, match="上一周期没有任何数值"):
        run("assess-firms", "--year", "2024", "--scheme", str(scheme), "--runs", "0")


def test_assess_firms_writes_a_workbook_and_a_bulletin_read_back(tmp_path):
    run("import-firms", str(register_sheet(tmp_path / "企业.xlsx")), "--year", "2025")
    run(
        "assess-firms",
        "--year",
        "2025",
        "--runs",
        "50",
        "--format",
        "xlsx",
        "-o",
        str(tmp_path / "r.xlsx"),
    )
    cells = [
        c
        for row in load_workbook(tmp_path / "r.xlsx").worksheets[0].iter_rows(values_only=True)
        for c in row
    ]
    assert "甲" in cells and "丁" in cells
    run(
        "assess-firms",
        "--year",
        "2025",
        "--runs",
        "50",
        "--format",
        "docx",
        "-o",
        str(tmp_path / "r.docx"),
    )
    text = "\n".join(p.text for p in Document(tmp_path / "r.docx").paragraphs)
    assert "甲" in text


def test_a_year_not_in_the_register_is_refused():
    with pytest.raises(CommandError, match="没有2030年度的数据"):
        run("assess-firms", "--year", "2030")


def test_a_code_given_twice_or_a_negative_figure_is_refused_naming_its_cell(tmp_path):
    def broken(sheet):
        sheet["C5"] = code(2)  # row 5 is 乙's, given 己's code
        sheet["J6"] = -3  # 丙's energy use

    err = StringIO()
    with pytest.raises(CommandError, match="2处错误"):
        call_command("import-firms", str(register_sheet(tmp_path / "企业.xlsx", broken=broken)),
                     "--year", "2025", stdout=StringIO(), stderr=err)  # fmt: skip
    assert f"第5行「统一社会信用代码」：统一社会信用代码“{code(2)}”出现了不止一次" in err.getvalue()
    assert "第6行「综合能耗」" in err.getvalue() and "不能为负数" in err.getvalue()
    assert not Firm.objects.exists()


def test_a_rated_firm_without_energy_use_stops_the_assessment_naming_it(tmp_path):
    firms = [*FIRMS[:4], ("丁", 5, 10, 500, 0)]  # 单位能耗税收 has no divisor: never a 0
    run("import-firms", str(register_sheet(tmp_path / "企业.xlsx", firms)), "--year", "2025")
    with pytest.raises(CommandError, match="丁的“单位能耗税收”无法计算（除数为0）"):
        run("assess-firms", "--year", "2025", "--runs", "0")


def test_land_in_a_units_lines_square_metres_and_energy_in_wan_tonnes_are_converted(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "企业"
    sheet.append(["2025年度企业亩均效益数据"])
    sheet.append(["说明：面积单位：平方米，金额单位：元"])
    header = list(HEADER)
    header[5], header[6], header[9] = "用地面积", "税收", "综合能耗（万吨标准煤）"
    sheet.append(header)
    sheet.append([1, "甲公司", code(1), county_of(1), None, 20000, 1234500, 8000, 2000,
                  D("0.32"), 1.5, 12, 30])  # fmt: skip
    path = tmp_path / "企业.xlsx"
    book.save(path)

    run("import-firms", str(path), "--year", "2025")

    firm = FirmYear.objects.get(firm__credit_code=code(1), year=2025)
    assert firm.land_area == D("30")  # 20000 m², never 20000 亩
    assert firm.energy == D("3200")  # 0.32 万吨标准煤
    assert firm.tax == D("123.45")


def test_the_low_tax_rule_names_no_other_citys_practice():
    """Tryout 13: 焦作's policy list said （长垣做法）, another city's policy reference."""
    assert "长垣" not in LOW_TAX_RULE and "长垣" not in "".join(sum(POLICIES.values(), ()))
    assert LOW_TAX_RULE == "亩均税收低于5万元/亩，从重征收城镇土地使用税"
