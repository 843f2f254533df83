"""The upload preview advises naming columns (“或在下面指定列后重新识别”) only under a refusal
a column mapping may cure: not under a cell error or another county's project (tryout 20 F6)."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.ledger.sheets import xlsx

MAP_ADVICE = "或在下面指定列后重新识别"


def upload(client, report, rows) -> str:
    """The address of the preview of `rows` uploaded as 武陟县's sheet."""
    sheet = SimpleUploadedFile("武陟4月.xlsx", xlsx(rows).getvalue())
    response = client.post(
        reverse("report_upload", args=[report.pk]), {"version": report.version, "sheet": sheet}
    )
    assert response.status_code == 302
    return response["Location"]


def preview(client, report, rows) -> str:
    """The preview page of `rows` uploaded as 武陟县's sheet."""
    return client.get(upload(client, report, rows)).content.decode()


def test_another_countys_project_is_not_told_to_map_columns(wuzhi_client, wuzhi_report):
    text = preview(
        wuzhi_client,
        wuzhi_report,
        [
            ["项目名称", "本月完成投资（万元）"],
            ["武陟县智能装备产业园", 120],
            ["温县太极文化产业园", 90],
        ],
    )
    assert "温县" in text and "请修改表格后重新上传。" in text
    assert MAP_ADVICE not in text


def test_a_missing_column_still_advises_mapping(wuzhi_client, wuzhi_report):
    text = preview(
        wuzhi_client,
        wuzhi_report,
        [["项目名称", "本期数"], ["武陟县智能装备产业园", 120]],
    )
    assert "表头中没有这一列" in text and MAP_ADVICE in text


def test_a_cell_error_is_not_told_to_map_columns(wuzhi_client, wuzhi_report):
    text = preview(
        wuzhi_client,
        wuzhi_report,
        [["项目名称", "本月完成投资（万元）"], ["武陟县智能装备产业园", "#DIV/0!"]],
    )
    assert "#DIV/0!" in text and "请修改表格后重新上传。" in text
    assert MAP_ADVICE not in text
