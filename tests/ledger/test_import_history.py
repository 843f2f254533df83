"""What an import changes on the ledger is kept: old and new value, the file as the reason,
the operator when named; a dry run, an unchanged sheet and a new project's first values add
nothing."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from guanmo.ledger.models import Project
from guanmo.ledger.services import import_ledger, import_progress
from guanmo.reporting.models import FigureChange, ImportRecord
from tests.ledger.sheets import LEDGER_HEADER, ledger_xlsx, progress_xlsx
from tests.world import YEAR

CODE = "2024-410800-04-01-000123"  # coded by the city: a move of county keeps it


def saved(sheet, path: Path) -> Path:
    path.write_bytes(sheet.getvalue())
    return path


def history(**filters) -> set[tuple]:
    rows = FigureChange.objects.filter(**filters)
    return set(rows.values_list("project__name", "field", "old_value", "new_value", "month"))


@pytest.fixture
def ledger(city, tmp_path):
    """甲 and 乙 loaded from a first ledger; that load records nothing, both being new."""
    sheet = ledger_xlsx(
        [1, "甲项目", CODE, "武陟县", "甲公司", "续建", None, 10000, 3000],
        [2, "乙项目", None, "温县", None, "续建", None, 2000, 1200],
    )
    assert import_ledger(saved(sheet, tmp_path / "台账.xlsx"), city=city, year=2025).ok
    return city


def test_new_projects_first_values_are_not_changes(ledger):
    assert not FigureChange.objects.exists()


def test_a_reimported_ledger_records_each_changed_value_with_the_file_as_reason(ledger, tmp_path):
    sheet = ledger_xlsx(
        [1, "甲项目", CODE, "武陟县", "甲集团", "续建", None, 10000, 3500],
        [2, "乙项目", None, "温县", None, "续建", None, 2000, 1200],
    )
    import_ledger(saved(sheet, tmp_path / "台账（调整）.xlsx"), city=ledger, year=2025)
    assert history() == {
        ("甲项目", "建设单位", "甲公司", "甲集团", None),
        ("甲项目", "年度计划投资（万元）", "3000", "3500", None),
    }
    assert set(FigureChange.objects.values_list("year", "source", "reason", "user")) == {
        (None, "表格导入", "导入《台账（调整）.xlsx》", None),
        (2025, "表格导入", "导入《台账（调整）.xlsx》", None),
    }


def test_a_project_moved_to_another_county_is_recorded_by_the_counties_names(ledger):
    sheet = ledger_xlsx([1, "甲项目", CODE, "温县", "甲公司", "续建", None, 10000, 3000])
    import_ledger(sheet, city=ledger, year=2025)
    assert history() == {("甲项目", "所在县区", "武陟县", "温县", None)}
    assert FigureChange.objects.get().reason == "导入表格"  # a file object without a name


def test_a_first_annual_plan_for_a_new_year_is_recorded_from_blank(ledger):
    sheet = ledger_xlsx(
        [1, "甲项目", CODE, "武陟县", "甲公司", "续建", None, 10000, 4000],
        header=[*LEDGER_HEADER[:8], "2026年计划投资"],
        year=2026,
    )
    import_ledger(sheet, city=ledger, year=2026)
    assert set(FigureChange.objects.values_list("field", "old_value", "new_value", "year")) == {
        ("年度计划投资（万元）", "", "4000", 2026)
    }


def test_reimporting_an_unchanged_ledger_records_nothing(ledger, tmp_path):
    sheet = ledger_xlsx(
        [1, "甲项目", CODE, "武陟县", "甲公司", "续建", None, 10000, 3000],
        [2, "乙项目", None, "温县", None, "续建", None, 2000, 1200],
    )
    assert import_ledger(saved(sheet, tmp_path / "台账.xlsx"), city=ledger, year=2025).ok
    assert not FigureChange.objects.exists()


def test_a_dry_run_records_nothing(ledger):
    sheet = ledger_xlsx([1, "甲项目", CODE, "武陟县", "甲集团", "续建", None, 10000, 3500])
    report = import_ledger(sheet, city=ledger, year=2025, dry_run=True)
    assert (report.ok, report.updated) == (True, 1)
    sheet = progress_xlsx([1, "乙项目", "温县", 100, 400, "主体施工"])
    report = import_progress(sheet, city=ledger, year=2025, month=4, dry_run=True)
    assert (report.ok, report.created) == (True, 1)
    assert not FigureChange.objects.exists()


def load_april(city, path: Path, cumulative: int):
    this_month = cumulative - 300  # March's cumulative, loaded by `april`
    sheet = progress_xlsx([1, "乙项目", "温县", this_month, cumulative, "主体施工"])
    assert import_progress(saved(sheet, path), city=city, year=2025, month=4).ok


@pytest.fixture
def april(ledger, tmp_path):
    """乙项目's March (cumulative 300) and April (400) loaded, the history then cleared."""
    march = progress_xlsx([1, "乙项目", "温县", 300, 300, "基础施工"])
    assert import_progress(march, city=ledger, year=2025, month=3).ok
    load_april(ledger, tmp_path / "4月进度.xlsx", 400)
    FigureChange.objects.all().delete()
    return ledger


def test_a_month_loaded_for_the_first_time_is_recorded_from_blank_as_approval_does(ledger):
    import_progress(
        progress_xlsx([1, "乙项目", "温县", 100, 100, "开工"]), city=ledger, year=2025, month=1
    )
    assert history() == {
        ("乙项目", "本月完成投资（万元）", "", "100", 1),
        ("乙项目", "累计完成投资（万元）", "", "100", 1),
        ("乙项目", "形象进度", "", "开工", 1),
    }


def test_a_reloaded_month_records_the_changed_cumulative(april, tmp_path):
    load_april(april, tmp_path / "4月进度（更正）.xlsx", 450)
    assert history() == {
        ("乙项目", "本月完成投资（万元）", "100", "150", 4),
        ("乙项目", "累计完成投资（万元）", "400", "450", 4),
    }
    assert set(FigureChange.objects.values_list("year", "source", "reason")) == {
        (2025, "表格导入", "导入《4月进度（更正）.xlsx》")
    }


def test_reloading_an_unchanged_month_records_nothing(april, tmp_path):
    load_april(april, tmp_path / "4月进度.xlsx", 400)
    assert not FigureChange.objects.exists()


def test_a_month_with_a_fault_records_nothing(april):
    sheet = progress_xlsx(
        [1, "乙项目", "温县", 150, 450, "主体施工"], [2, "没有的项目", "温县", 1, 1, None]
    )
    assert not import_progress(sheet, city=april, year=2025, month=4).ok
    assert not FigureChange.objects.exists()


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_the_commands_name_the_operator_given_with_user(april, tmp_path, django_user_model):
    operator = django_user_model.objects.create_user("shixmb", password="x")
    sheet = saved(progress_xlsx([1, "乙项目", "温县", 150, 450, "主体施工"]), tmp_path / "4月.xlsx")
    run("import-progress", str(sheet), "--year", "2025", "--month", "4", "--user", "shixmb")
    sheet = saved(
        ledger_xlsx([2, "乙项目", None, "温县", None, "续建", None, 2000, 1300]),
        tmp_path / "台账.xlsx",
    )
    # April is closed (imported): the plan's change is confirmed (tryout 25 [1])
    run("import-ledger", str(sheet), "--year", "2025", "--user", "shixmb", "--confirm-changes")
    assert set(FigureChange.objects.values_list("field", "user", "reason")) == {
        ("本月完成投资（万元）", operator.pk, "导入《4月.xlsx》"),
        ("累计完成投资（万元）", operator.pk, "导入《4月.xlsx》"),
        ("年度计划投资（万元）", operator.pk, "导入《台账.xlsx》"),
    }


def test_an_unknown_operator_stops_the_command_before_anything_is_written(ledger, tmp_path):
    sheet = saved(
        ledger_xlsx([2, "乙项目", None, "温县", None, "续建", None, 2000, 1300]),
        tmp_path / "台账.xlsx",
    )
    with pytest.raises(CommandError, match="没有用户名为「nobody」的用户"):
        run("import-ledger", str(sheet), "--year", "2025", "--user", "nobody")
    assert Project.objects.get(name="乙项目").annual_plans.get().planned_investment == 1200


def test_the_project_page_lists_an_imported_change(client, world, tmp_path):
    project = world.projects["武陟装备"]  # March's cumulative 400 in the world
    sheet = progress_xlsx(
        [1, project.name, "武陟县", 170, 420, "主体施工"],
        header=["序号", "项目名称", "所在县区", "本月完成投资", "1—3月累计完成投资", "形象进度"],
    )
    path = saved(sheet, tmp_path / "3月进度.xlsx")
    assert import_progress(path, city=world.city, year=YEAR, month=3).ok

    client.force_login(world.users["city"])
    page = client.get(reverse("project_detail", args=[project.pk])).content.decode()
    changes = page[page.index('<table id="changes">') :]
    row = "<td>表格导入</td><td>2025年3月</td><td>累计完成投资（万元）</td><td>400</td><td>420</td>"
    assert row in changes
    record = ImportRecord.objects.get(file_name="3月进度.xlsx")
    link = reverse("import_record", args=[record.pk])
    assert f'<td><a href="{link}">导入《3月进度.xlsx》</a></td>' in changes
