"""A column mapping remembered from a city's earlier import is shown as remembered, with when and
by whom it was given, never as typed now; and the report says how to stop using it (issue 9 §2,
tryout 3)."""

import re
from datetime import UTC, date, datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from guanmo.accounts.models import User
from guanmo.ledger.columns import parse_mapping
from guanmo.ledger.models import AnnualPlan
from guanmo.ledger.services import import_ledger
from guanmo.reporting.models import ColumnMapping
from tests.ledger.sheets import xlsx
from tests.ledger.test_commands import run

REMEMBERED = "沿用上次导入的对应（2025年6月30日，王科长）"


def unknown_sheet():
    return xlsx(
        [
            ["项目名称", "片区", "总投资", "年度盘子", "联系电话"],
            ["丁项目", "孟州市", 5000, 1200, "0391-1234567"],
        ]
    )


def remember(city) -> User:
    """The city's 王科长 named 片区, 年度盘子 and 联系电话 on 30 June 2025 (Beijing time)."""
    user = User.objects.create(username="wang", full_name="王科长", region=city)
    mapping = parse_mapping(["片区=所在县区", "年度盘子=年度计划投资", "联系电话=忽略"])
    import_ledger(unknown_sheet(), city=city, year=2025, mapping=mapping, user=user)
    ColumnMapping.objects.update(updated_at=datetime(2025, 6, 30, 2, tzinfo=UTC))
    return user


def test_a_remembered_mapping_is_shown_with_when_and_by_whom_it_was_given(city):
    remember(city)
    report = import_ledger(unknown_sheet(), city=city, year=2026, dry_run=True)

    shown = [str(use) for use in report.columns]
    assert f"所在县区 ← 片区（示例：孟州市，{REMEMBERED}）" in shown
    assert f"（未读取）← 联系电话（{REMEMBERED}）" in shown
    assert not any("用户指定" in line for line in shown)
    assert (
        "「片区」「年度盘子」「联系电话」沿用本市上次导入时指定的对应；如不再沿用，命令行加 "
        "--map '片区=按系统识别'，导入页在“指定为”中选“按系统识别（不再沿用）”"
    ) in report.notes


def test_a_mapping_typed_now_over_a_remembered_one_is_the_users(city):
    remember(city)
    mapping = parse_mapping(["年度盘子=忽略"])
    report = import_ledger(unknown_sheet(), city=city, year=2026, mapping=mapping, dry_run=True)

    assert "（未读取）← 年度盘子（用户指定忽略）" in [str(use) for use in report.columns]


def test_the_command_forgets_a_remembered_mapping_once_the_import_succeeds(city, tmp_path):
    remember(city)
    path = tmp_path / "台账.xlsx"
    path.write_bytes(unknown_sheet().getvalue())

    out, _ = run("import-ledger", str(path), "--year", "2026", "--map", "年度盘子=按系统识别")

    assert "  （未读取）← 年度盘子（不再沿用上次导入的对应）" in out.splitlines()
    assert not AnnualPlan.objects.filter(year=2026).exists()
    assert set(ColumnMapping.objects.values_list("header", flat=True)) == {"片区", "联系电话"}


def test_the_preview_page_shows_a_remembered_mapping_and_offers_to_forget_it(client, world):
    user = world.users["city"]
    ColumnMapping.objects.create(
        city=world.city,
        header="年度盘子",
        field="年度计划投资",
        user=user,
        year=2024,
        sheet_header="项目名称｜所在县区｜总投资（万元）｜年度盘子",
    )
    ColumnMapping.objects.update(updated_at=datetime(2025, 6, 30, 2, tzinfo=UTC))
    client.force_login(user)
    upload = SimpleUploadedFile(
        "台账.xlsx",
        xlsx(
            [
                ["项目名称", "所在县区", "总投资（万元）", "年度盘子"],
                ["武陟县新材料产业园", "武陟县", 12500, 3000],
            ]
        ).getvalue(),
    )
    preview = client.post(reverse("ledger_import"), {"year": 2025, "level": "市", "sheet": upload})
    page = client.get(preview["Location"]).content.decode()

    who = user.get_full_name()
    assert re.search(
        rf"<td>年度盘子</td>\s*<td>年度计划投资</td>.*?沿用上次导入的对应（2025年6月30日，{who}）",
        page,
        re.S,
    )
    assert '<option value="按系统识别">按系统识别（不再沿用）</option>' in page

    posted = {"name": "台账.xlsx", "year": 2025, "level": "市", "col:年度盘子": "按系统识别"}
    page = client.post(preview["Location"], {**posted, "action": "preview"}).content.decode()
    assert re.search(r"<td>年度盘子</td>\s*<td>（未读取）</td>", page)
    assert '<option value="按系统识别" selected>按系统识别（不再沿用）</option>' in page
    client.post(preview["Location"], {**posted, "action": "confirm"})
    assert not ColumnMapping.objects.filter(header="年度盘子").exists()


def test_a_mapping_is_stamped_on_the_applications_day(city, settings):
    """The stamp comes from guanmo.clock.now, as every other stamp does: with GUANMO_TODAY set
    (the demo city lives in December 2025) a naming made now is said as given that day."""
    settings.GUANMO_TODAY = date(2025, 6, 30)
    user = User.objects.create(username="wang", full_name="王科长", region=city)
    mapping = parse_mapping(["片区=所在县区", "年度盘子=年度计划投资", "联系电话=忽略"])
    import_ledger(unknown_sheet(), city=city, year=2025, mapping=mapping, user=user)

    report = import_ledger(unknown_sheet(), city=city, year=2026, dry_run=True)

    assert timezone.localdate(ColumnMapping.objects.get(header="片区").updated_at) == date(
        2025, 6, 30
    )
    assert f"所在县区 ← 片区（示例：孟州市，{REMEMBERED}）" in [str(u) for u in report.columns]
