"""The city office's ledger upload page: preview first, the unknown column named, then the
ledger written and the report kept (issue 9 §2, §8)."""

import re
from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from guanmo.ledger.models import AnnualPlan, Project
from guanmo.reporting.models import ImportRecord
from guanmo.reporting.services import open_period
from tests.ledger.sheets import xlsx


def sheet():
    return SimpleUploadedFile(
        "2025台账.xlsx",
        xlsx(
            [
                ["2025年焦作市重点项目台账"],
                ["项目名称", "所属区域", "总投资（亿元）", "年度盘子"],
                ["武陟县新材料产业园", "武陟县", "1.25", 3000],
                ["小计", None, "1.25", 3000],
            ]
        ).getvalue(),
    )


def test_the_city_office_previews_names_a_column_and_imports(client, world):
    client.force_login(world.users["city"])
    response = client.post(
        reverse("ledger_import"), {"year": 2025, "level": "市", "sheet": sheet()}
    )
    assert response.status_code == 302
    preview = response["Location"]
    page = client.get(preview).content.decode()
    assert "台账导入预览：2025年市重点项目" in page
    assert "重点重点" not in page
    assert re.search(
        r"<td>总投资（亿元）</td>\s*<td>总投资</td>\s*<td>1.25亿元（折合12500万元）</td>"
        r"\s*<td>亿元</td>",
        page,
    )
    assert re.search(r"<td>年度盘子</td>\s*<td>（未读取）</td>", page)
    assert not Project.objects.filter(name="武陟县新材料产业园").exists()

    posted = {"name": "2025台账.xlsx", "year": 2025, "level": "市", "col:年度盘子": "年度计划投资"}
    page = client.post(preview, {**posted, "action": "preview"}).content.decode()
    assert re.search(r"<td>年度盘子</td>\s*<td>年度计划投资</td>\s*<td>3000万元</td>", page)
    assert not Project.objects.filter(name="武陟县新材料产业园").exists()

    done = client.post(preview, {**posted, "action": "confirm"})
    record = ImportRecord.objects.get(kind=ImportRecord.Kind.LEDGER)
    assert done["Location"] == reverse("import_record", args=[record.pk])
    project = Project.objects.get(name="武陟县新材料产业园")
    assert project.total_investment == 12500
    assert AnnualPlan.objects.get(project=project).planned_investment == 3000
    shown = client.get(done["Location"]).content.decode()
    assert (
        "年度计划投资 ← 年度盘子（示例：3000万元，单位：万元（未写明，默认），用户指定）" in shown
    )


def test_a_sheet_of_another_year_is_refused_on_the_preview(client, world):
    client.force_login(world.users["city"])
    response = client.post(
        reverse("ledger_import"), {"year": 2026, "level": "市", "sheet": sheet()}
    )
    page = client.get(response["Location"])
    assert page.status_code == 400
    assert "标题「2025年焦作市重点项目台账」写明2025年，与导入的2026年不符" in page.content.decode()
    assert 'id="confirm-import"' not in page.content.decode()


def test_a_preview_needs_the_year_it_was_uploaded_for(client, world):
    client.force_login(world.users["city"])
    response = client.post(
        reverse("ledger_import"), {"year": 2025, "level": "市", "sheet": sheet()}
    )
    bare = response["Location"].split("?")[0] + "?" + urlencode({"year": "x"})
    assert client.get(bare, follow=True).redirect_chain[-1][0] == reverse("ledger_import")


def test_a_tenfold_change_is_refused_on_the_preview_until_the_office_confirms_it(client, world):
    """Tryout 11 A on the web: the preview names the doubted cell; ticking 确认修改 loads it."""
    client.force_login(world.users["city"])

    def upload(total, plan):
        file = SimpleUploadedFile(
            "台账.xlsx",
            xlsx(
                [
                    ["单位：万元"],
                    ["项目名称", "所属区域", "总投资", "2025年计划投资"],
                    ["武陟县新材料产业园", "武陟县", total, plan],
                ]
            ).getvalue(),
        )
        response = client.post(
            reverse("ledger_import"), {"year": 2025, "level": "市", "sheet": file}
        )
        return response["Location"]

    preview = upload(12000, 300)
    posted = {"name": "台账.xlsx", "year": 2025, "level": "市"}
    client.post(preview, {**posted, "action": "confirm"})
    assert Project.objects.get(name="武陟县新材料产业园").total_investment == 12000

    preview = upload("1.2", "0.03")
    page = client.get(preview)
    assert page.status_code == 400
    shown = page.content.decode()
    assert "台账中已存为12000万元" in shown and "勾选“确认修改”" in shown
    assert "--confirm-changes" not in shown  # tryout 24 F5: the page says only its tick box
    assert 'name="confirm_changes"' in shown
    assert 'id="confirm-import"' not in shown

    confirmed = {**posted, "confirm_changes": "on"}
    page = client.post(preview, {**confirmed, "action": "preview"}).content.decode()
    assert 'id="confirm-import"' in page
    assert "已按确认修改" in page
    client.post(preview, {**confirmed, "action": "confirm"})
    assert Project.objects.get(name="武陟县新材料产业园").total_investment == Decimal("1.2")


def test_a_project_the_upload_adds_is_due_from_the_month_being_reported(client, world):
    open_period(world.city, year=2025, month=6, deadline=date(2025, 7, 5), user=None)
    client.force_login(world.users["city"])
    preview = client.post(
        reverse("ledger_import"), {"year": 2025, "level": "市", "sheet": sheet()}
    )["Location"]
    posted = {"name": "2025台账.xlsx", "year": 2025, "level": "市", "col:年度盘子": "年度计划投资"}

    page = client.post(preview, {**posted, "action": "preview"}).content.decode()
    client.post(preview, {**posted, "action": "confirm"})

    assert "新增的1个项目转入台账日期记为2025年6月1日，自2025年6月起报送进度" in page
    assert Project.objects.get(name="武陟县新材料产业园").entered_on == date(2025, 6, 1)


def test_the_office_may_name_the_month_the_upload_adds_projects_in(client, world):
    client.force_login(world.users["city"])
    preview = client.post(
        reverse("ledger_import"), {"year": 2025, "level": "市", "month": 5, "sheet": sheet()}
    )["Location"]
    posted = {
        "name": "2025台账.xlsx",
        "year": 2025,
        "level": "市",
        "month": 5,
        "col:年度盘子": "年度计划投资",
    }

    page = client.get(preview).content.decode()
    client.post(preview, {**posted, "action": "confirm"})

    assert "自2025年5月起报送进度（按导入时指定的月份）" in page
    assert '<input type="hidden" name="month" value="5">' in page
    assert Project.objects.get(name="武陟县新材料产业园").entered_on == date(2025, 5, 1)
