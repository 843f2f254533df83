"""The ledger written in Guanmo's own template, and read back to the same data."""

import io
from decimal import Decimal

from django.forms.models import model_to_dict
from django.urls import reverse
from openpyxl import load_workbook

from guanmo.ledger.models import AnnualPlan, CompletedBeforeYear, KeyListEntry, Project
from guanmo.ledger.services import export_ledger, import_ledger
from guanmo.regions.models import Region
from guanmo.regions.services import init_county
from tests.documents.injection import INJECTION, assert_kept_as_text


def make_ledger(city):
    wuzhi, wen, zone = (Region.objects.get(name=n) for n in ("武陟县", "温县", "城乡一体化示范区"))
    full = Project.objects.create(
        city=city,
        county=wuzhi,
        name="武陟县高端装备产业园项目（一期）",
        code="2024-410823-04-01-000123",
        owner="焦作装备有限公司",
        industry="先进制造业",
        category="产业项目",
        stage="续建",
        construction_nature="扩建",
        scope="新建厂房12万平方米\n购置生产线8条",
        start_year=2024,
        end_year=2026,
        total_investment=Decimal("123456.7891"),
        responsible_unit="市工信局",
        leader_in_charge="张三",
        site_commissioner="李四",
        location="武陟县詹店镇",
    )
    sparse = Project.objects.create(
        city=city, county=wen, name="温县食品加工项目", total_investment=Decimal("800")
    )
    provincial = Project.objects.create(
        city=city,
        county=zone,
        name="示范区物流园",
        stage="前期",
        start_year=2025,
        total_investment=Decimal("0.5"),
    )
    full.other_counties.add(wen)  # 武陟县 counts it, and it lies in 温县 too
    own = Project.objects.create(
        city=city, county=city, name="市中心医院新院区二期", total_investment=Decimal("68000")
    )
    elsewhere = Project.objects.create(city=city, county=wen, name="去年的项目", total_investment=1)
    for project, levels in [
        (full, "省市"),
        (sparse, "市"),
        (provincial, "省"),
        (own, "市"),
        (elsewhere, ""),
    ]:
        for level in levels:
            KeyListEntry.objects.create(project=project, year=2025, level=level)
    KeyListEntry.objects.create(project=elsewhere, year=2024, level="市")
    AnnualPlan.objects.create(project=full, year=2025, planned_investment=Decimal("30000.25"))
    AnnualPlan.objects.create(project=full, year=2024, planned_investment=Decimal("1"))
    AnnualPlan.objects.create(project=provincial, year=2025, planned_investment=Decimal("0.5"))
    CompletedBeforeYear.objects.create(project=full, year=2025, completed=Decimal("41000.5"))


def snapshot(year=2025):
    """Every field of every project on the year's lists, with its lists and plan, by name."""
    projects = Project.objects.filter(key_lists__year=year).distinct()
    return {
        project.name: {
            **{k: v for k, v in model_to_dict(project).items() if k != "id"},
            "key_lists": set(project.key_lists.filter(year=year).values_list("level", flat=True)),
            "annual_plan": project.annual_plans.filter(year=year)
            .values_list("planned_investment", flat=True)
            .first(),
            "previous_year_end": project.completed_before_years.filter(year=year)
            .values_list("completed", flat=True)
            .first(),
        }
        for project in projects
    }


def test_export_then_import_gives_back_the_same_ledger(city, tmp_path):
    make_ledger(city)
    before = snapshot()
    path = tmp_path / "ledger.xlsx"

    assert export_ledger(path, city=city, year=2025) == 4
    Project.objects.all().delete()
    report = import_ledger(path, city=city, year=2025)

    assert report.faults == []
    # no unknown column, and the 合计 row agrees with the rows; where projects lie is said
    assert report.notes == [
        "工作表「2025年重点项目」第5行「武陟县高端装备产业园项目（一期）」位于武陟县、温县，"
        "由武陟县（首个填写的县区）计入县区排名",
        "工作表「2025年重点项目」第8行「市中心医院新院区二期」为市级项目（市本级），"
        "计入全市合计，不参加县区排名",
        "工作表「2025年重点项目」第7行列L「起止年限」只写了开工年份（2025年），竣工年份未设置",
    ]
    assert report.created == 4
    assert snapshot() == before


def test_export_of_one_level_lists_only_its_projects(city, tmp_path):
    make_ledger(city)
    path = tmp_path / "province.xlsx"
    assert export_ledger(path, city=city, year=2025, level="省") == 2
    sheet = load_workbook(path).active
    assert sheet["A1"].value == "2025年焦作市省重点项目台账"
    names = [sheet.cell(row, 2).value for row in range(5, sheet.max_row + 1)]
    assert names == ["武陟县高端装备产业园项目（一期）", "示范区物流园"]


def test_exported_sheet_has_title_units_frozen_header_widths_and_number_formats(city, tmp_path):
    make_ledger(city)
    path = tmp_path / "ledger.xlsx"
    export_ledger(path, city=city, year=2025)

    sheet = load_workbook(path).active
    assert sheet["A1"].value == "2025年焦作市重点项目台账"
    assert sheet["A2"].value == "单位：万元"
    header = [cell.value for cell in sheet[3]]
    assert header[:4] == ["序号", "项目名称", "项目代码", "所在县区"]
    assert "2025年计划投资（万元）" in header
    before = header.index("截至2024年底累计完成投资（万元）") + 1
    assert [sheet.cell(row, before).value for row in (4, 5, 6)] == [41000.5, 41000.5, None]
    assert sheet.freeze_panes == "C4"  # header and the 序号, 项目名称 columns stay in view
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.column_dimensions["B"].width == 30
    assert sheet["B4"].value == "合计（4个）"
    total = header.index("总投资（万元）") + 1
    assert sheet.cell(5, total).value == 123456.7891
    assert sheet.cell(5, total).number_format == "#,##0.00"
    assert sheet.cell(5, header.index("项目代码") + 1).number_format == "@"
    assert sheet.cell(5, header.index("重点级别") + 1).value == "省、市"
    assert sheet.cell(5, header.index("起止年限") + 1).value == "2024—2026"


def test_a_name_written_like_a_formula_is_exported_as_text(city, tmp_path):
    make_ledger(city)
    Project.objects.filter(name="温县食品加工项目").update(name=INJECTION)
    path = tmp_path / "ledger.xlsx"
    export_ledger(path, city=city, year=2025)
    assert_kept_as_text(load_workbook(path))


def test_the_project_list_export_writes_a_formula_like_name_as_text(client, world):
    Project.objects.filter(pk=world.projects["温县食品"].pk).update(name=INJECTION)
    client.force_login(world.users["city"])
    response = client.get(reverse("project_export"))
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert_kept_as_text(workbook)
    sheet = workbook.active
    assert [cell.value for cell in sheet[3]][5:8] == [
        "年度计划投资（万元）",
        "累计完成投资（万元）",
        "完成率",
    ]
    assert sheet.cell(4, 8).number_format == "0.0%"


def test_a_top_countys_own_project_is_written_at_its_level_and_read_back(db, tmp_path):
    county = init_county("410823", ["木城街道"])
    own = Project.objects.create(
        city=county, county=county, name="县城供水管网改造", total_investment=Decimal("6000")
    )
    KeyListEntry.objects.create(project=own, year=2025, level="县")
    path = tmp_path / "ledger.xlsx"

    export_ledger(path, city=county, year=2025)
    sheet = load_workbook(path).active
    assert sheet.cell(5, 4).value == "县本级"
    Project.objects.all().delete()
    report = import_ledger(path, city=county, year=2025)

    assert report.faults == []
    assert Project.objects.get(name="县城供水管网改造").county == county
    assert report.notes == [
        "工作表「2025年重点项目」第5行「县城供水管网改造」为县级项目（县本级），"
        "计入全县合计，不参加县区排名"
    ]
