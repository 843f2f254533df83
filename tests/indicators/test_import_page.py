"""The city office's indicator sheet upload (导入指标表): the sheet previewed with its column map
(字段 ← 表头 with a sample), an unknown column named or ignored before anything is written,
then loaded and its namings remembered for the city's next import — the ledger upload's steps
(issue 12 after tryout 12: `--map` was the command line's only)."""

import re
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from guanmo.indicators.models import IndicatorValue
from guanmo.indicators.services import install_indicator_catalogue
from guanmo.reporting.models import ColumnMapping, ImportRecord
from tests.sheets.files import Drawn, to_xlsx

UNITS = ("解放区", "中站区", "马村区", "山阳区", "修武县", "博爱县", "武陟县", "温县")


def _sheet(month: int) -> SimpleUploadedFile:
    """固投 for 固定资产投资, as offices abbreviate it: no catalogue name; 备注 beside it."""
    drawn = Drawn(
        [
            [f"2025年1—{month}月各县区主要经济指标"],
            ["地区", "固投增速（%）", "备注"],
            *([name, month + place, ""] for place, name in enumerate(UNITS, start=1)),
        ],
        name="县区",
    )
    return SimpleUploadedFile(f"{month}月指标.xlsx", to_xlsx(drawn))


def _upload(client, month: int) -> str:
    response = client.post(
        reverse("indicator_import"), {"year": 2025, "month": month, "sheet": _sheet(month)}
    )
    assert response.status_code == 302
    return response["Location"]


def test_the_city_office_names_an_unknown_column_previews_and_imports(client, world):
    install_indicator_catalogue(world.city)
    client.force_login(world.users["city"])
    preview = _upload(client, 6)
    page = client.get(preview)
    assert page.status_code == 400  # not understood: nothing to confirm yet
    body = page.content.decode()
    assert "指标表导入预览：2025年1—6月" in body
    assert re.search(r"<td>固投增速（%）</td>\s*<td>（未读取）</td>", body)
    assert '<option value="固定资产投资·同比增长（%）">' in body
    assert '<select name="col:固投增速(%)"' in body  # the key its naming is matched by
    assert 'id="confirm-import"' not in body

    posted = {
        "name": "6月指标.xlsx",
        "year": 2025,
        "month": 6,
        "group": "",
        "col:固投增速(%)": "固定资产投资·同比增长（%）",
        "col:备注": "忽略",
    }
    body = client.post(preview, {**posted, "action": "preview"}).content.decode()
    assert re.search(
        r"<td>固投增速（%）</td>\s*<td>固定资产投资·同比增长（%）</td>\s*<td>7</td>", body
    )  # 解放区's growth as the sample
    assert 'id="confirm-import"' in body
    assert '<option value="固定资产投资·同比增长（%）" selected>' in body  # kept on re-reading
    assert not IndicatorValue.objects.exists() and not ColumnMapping.objects.exists()

    done = client.post(preview, {**posted, "action": "confirm"})
    record = ImportRecord.objects.get(kind=ImportRecord.Kind.INDICATORS)
    assert done["Location"] == reverse("import_record", args=[record.pk])
    wuzhi = IndicatorValue.objects.get(region__name="武陟县", month=6)
    assert (wuzhi.indicator.name, wuzhi.reported_growth) == ("固定资产投资", Decimal(13))

    # July's sheet: the namings are remembered, so it is read as it is and may be confirmed.
    body = client.get(_upload(client, 7)).content.decode()
    assert re.search(r"<td>固投增速（%）</td>\s*<td>固定资产投资·同比增长（%）</td>", body)
    assert "沿用上次导入的对应" in body and 'id="confirm-import"' in body


def test_a_county_office_may_not_upload_an_indicator_sheet(client, world):
    client.force_login(world.users["wuzhi"])
    response = client.post(
        reverse("indicator_import"), {"year": 2025, "month": 6, "sheet": _sheet(6)}
    )
    assert response.status_code == 403
    assert not IndicatorValue.objects.exists()


def test_the_page_advises_naming_an_unknown_column_in_its_column_map_never_map(client, world):
    # tryout 18 (7): the indicators' upload said 「--map」 in one refusal: the web channel was
    # passed to `sheets.advice` by the ledger's pages, never set on this path.
    install_indicator_catalogue(world.city)
    client.force_login(world.users["city"])
    body = client.get(_upload(client, 6)).content.decode()
    assert "未识别的列：B列「固投增速（%）」" in body
    assert "--map" not in body
    assert (
        "请在“列对应”中把「固投增速（%）」一列的“指定为”改为「指标名称·度量」后点“重新识别”"
    ) in body
