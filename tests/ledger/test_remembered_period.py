"""A column mapping remembered from a city's earlier import is applied to a later sheet only
when that sheet's header is exactly the one it was given for, and, for a column whose header
names a period (6月, 1—6月, 2025年), only in an import of the same period; otherwise it is not
used and the report says so and why (issue 9 §2: figures that happen to pass every check are
no proof that a mapping fits)."""

import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from guanmo.ledger.columns import parse_mapping
from guanmo.ledger.services import import_ledger, import_progress
from guanmo.reporting.models import ColumnMapping
from tests.ledger.sheets import LEDGER_HEADER, ledger_xlsx, xlsx
from tests.ledger.test_commands import run
from tests.ledger.test_tryout_kinds import faults, month_figures

NOT_USED = "未沿用上次导入的对应"


@pytest.fixture
def ledger(city):
    """甲 (武陟县) and 乙 (温县) on the 2025 list, nothing reported yet."""
    report = import_ledger(
        ledger_xlsx(
            [1, "甲项目", None, "武陟县", None, "续建", None, 50000, 12000],
            [2, "乙项目", None, "温县", None, "续建", None, 20000, 5000],
            header=LEDGER_HEADER[:9],
        ),
        city=city,
        year=2025,
    )
    assert report.faults == []
    return city


def month_sheet(*rows, header=("项目名称", "所在县区", "6月", "本年累计完成投资（万元）")):
    return xlsx([list(header), *rows])


def test_a_month_column_remembered_as_this_month_is_not_used_in_another_month(ledger):
    """ "6月" named 本月完成投资 in June: the July sheet kept June's template, so its "6月" is
    June's figure; read as July's it would store 500 as July's month."""
    june = month_sheet(["甲项目", "武陟县", 500, 4000], ["乙项目", "温县", 200, 1200])
    mapping = parse_mapping(["6月=本月完成投资"])
    assert import_progress(june, city=ledger, year=2025, month=6, mapping=mapping).faults == []

    july = month_sheet(["甲项目", "武陟县", 500, 4600], ["乙项目", "温县", 200, 1350])
    report = import_progress(july, city=ledger, year=2025, month=7, dry_run=True)

    assert not any(use.remembered for use in report.columns)
    assert next(str(use) for use in report.columns if use.header == "6月").startswith(
        f"（未读取）← 6月（{NOT_USED}（"
    )
    [note] = [note for note in report.notes if NOT_USED in note]
    assert note.startswith("工作表「Sheet1」「6月」")
    assert "表头写明了时期（6月），该对应是为2025年6月的表指定的，本次导入的是2025年7月" in note
    assert "如确为本月完成投资，请将该列指定为「本月完成投资」（--map '6月=本月完成投资'）" in note
    assert all(month != Decimal(500) for month, _ in month_figures(7).values())


def test_a_remembered_mapping_is_not_used_when_the_sheets_header_changed(ledger):
    """当月 named 本月完成投资 on June's sheet; July's sheet has other columns beside it, so its
    当月 may now mean something else: not used, and said why."""
    header = ("项目名称", "所在县区", "当月", "本年累计完成投资（万元）")
    june = month_sheet(["甲项目", "武陟县", 500, 4000], header=header)
    mapping = parse_mapping(["当月=本月完成投资"])
    assert import_progress(june, city=ledger, year=2025, month=6, mapping=mapping).faults == []

    changed = ("项目名称", "所在县区", "当月", "本月完成投资（万元）", "本年累计完成投资（万元）")
    july = month_sheet(["甲项目", "武陟县", 4600, 600, 4600], header=changed)
    report = import_progress(july, city=ledger, year=2025, month=7)

    assert faults(report) == []
    [note] = [note for note in report.notes if NOT_USED in note]
    assert note.startswith("工作表「Sheet1」「当月」")
    assert "本表表头与指定该对应时的表头不同" in note
    assert month_figures(7) == {"甲项目": (Decimal(600), Decimal(4600))}


def test_a_remembered_mapping_still_applies_to_the_same_header_of_another_month(ledger):
    """当月 names no period: the same template next month is read as named before."""
    header = ("项目名称", "所在县区", "当月", "本年累计完成投资（万元）")
    june = month_sheet(["甲项目", "武陟县", 500, 4000], header=header)
    mapping = parse_mapping(["当月=本月完成投资"])
    assert import_progress(june, city=ledger, year=2025, month=6, mapping=mapping).faults == []

    july = month_sheet(["甲项目", "武陟县", 600, 4600], header=header)
    report = import_progress(july, city=ledger, year=2025, month=7)

    assert faults(report) == []
    assert [use.remembered for use in report.columns if use.header == "当月"] == [True]
    assert month_figures(7) == {"甲项目": (Decimal(600), Decimal(4600))}


def test_the_mapping_keeps_the_period_and_header_it_was_given_for(ledger, tmp_path):
    path = tmp_path / "6月进度.xlsx"
    path.write_bytes(month_sheet(["甲项目", "武陟县", 500, 4000]).getvalue())

    run("import-progress", str(path), "--year", "2025", "--month", "6", "--map", "6月=本月完成投资")

    [kept] = ColumnMapping.objects.all()
    assert (kept.header, kept.field, kept.year, kept.month) == ("6月", "本月完成投资", 2025, 6)
    assert kept.sheet_header == "项目名称｜所在县区｜6月｜本年累计完成投资（万元）"


def test_a_year_column_remembered_for_one_years_ledger_is_not_used_for_the_next(city):
    """ "2025年盘子" named 年度计划投资 for the 2025 ledger is not the 2026 plan."""

    def sheet():
        return xlsx(
            [["项目名称", "所在县区", "总投资", "2025年盘子"], ["丁项目", "孟州市", 5000, 1200]]
        )

    mapping = parse_mapping(["2025年盘子=年度计划投资"])
    assert import_ledger(sheet(), city=city, year=2025, mapping=mapping).faults == []

    report = import_ledger(sheet(), city=city, year=2026, dry_run=True)

    [note] = [note for note in report.notes if NOT_USED in note]
    assert "该对应是为2025年的表指定的，本次导入的是2026年" in note
    assert not any(use.field == "年度计划投资" for use in report.columns)


def test_the_preview_page_says_a_remembered_mapping_was_not_used_and_offers_the_column(
    client, world
):
    user = world.users["city"]
    ColumnMapping.objects.create(
        city=world.city,
        header="2024年盘子",
        field="年度计划投资",
        user=user,
        year=2024,
        sheet_header="项目名称｜所在县区｜总投资（万元）｜2024年盘子",
    )
    client.force_login(user)
    upload = SimpleUploadedFile(
        "台账.xlsx",
        xlsx(
            [
                ["项目名称", "所在县区", "总投资（万元）", "2024年盘子"],
                ["武陟县新材料产业园", "武陟县", 12500, 3000],
            ]
        ).getvalue(),
    )
    preview = client.post(reverse("ledger_import"), {"year": 2025, "level": "市", "sheet": upload})
    page = client.get(preview["Location"]).content.decode()

    assert (
        "「2024年盘子」未沿用上次导入的对应（读作年度计划投资）：表头写明了时期（2024年），"
        "该对应是为2024年的表指定的，本次导入的是2025年" in page
    )
    assert re.search(r"<td>2024年盘子</td>\s*<td>（未读取）</td>", page)
    assert 'name="col:2024年盘子"' in page


def test_a_mapping_kept_before_periods_were_kept_is_not_used_and_says_why(city):
    ColumnMapping.objects.create(city=city, header="片区", field="所在县区")
    sheet = xlsx([["项目名称", "片区", "总投资"], ["丁项目", "孟州市", 5000]])

    report = import_ledger(sheet, city=city, year=2025, dry_run=True)

    [note] = [note for note in report.notes if NOT_USED in note]
    assert note == (
        "工作表「Sheet1」「片区」未沿用上次导入的对应（读作所在县区）：该对应是旧版记下的，"
        "未记下指定时的表头和时期，无法确认仍适用于本表；如确为所在县区，请"
        "将该列指定为「所在县区」（--map '片区=所在县区'）"
    )
