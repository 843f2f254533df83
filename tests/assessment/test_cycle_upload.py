"""The city office's upload of a cycle's sheets: the preview says how the scheme and the values
were understood (or every fault, naming the file, sheet, row and column) and writes nothing;
confirmed, the result is computed by the same reading and arithmetic as `guanmo assess` and
published. The sheets are tests.assessment.test_assess_command's hand-worked ones."""

import csv
import json
import re
from decimal import Decimal as D
from io import StringIO
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from guanmo.assessment.forms import RunForm, form_faults
from guanmo.assessment.models import Result, Scheme
from guanmo.assessment.services import recompute
from guanmo.regions.services import units_of
from tests.assessment.test_assess_command import (
    SCHEME_HEADER,
    SCHEME_ROWS,
    VALUES_HEADER,
    VALUES_ROWS,
    assess_json,
    save_xls,
    save_xlsx,
)
from tests.assessment.test_assess_sources import arguments, run
from tests.assessment.test_assess_sources import files as sourced_files  # noqa: F401

PARAMETERS = {
    "cycle": "2025年度",
    "name": "县区综合考核",
    "runs": "200",
    "seed": "3",
    "threshold": "0.8",
    "days": "5",
}


def upload(client, files: dict, **changed) -> object:
    """Post the upload form with these sheets; the response (a redirect to the preview)."""
    data = {**PARAMETERS, **changed}
    with (
        files["scheme"].open("rb") as scheme,
        files["values"].open("rb") as values,
        files["previous"].open("rb") as previous,
    ):
        data.update(scheme=scheme, values=values, previous=previous)
        return client.post(reverse("assessment_upload"), data)


# The command's hand-worked units as units of the test city (焦作市); a cycle assessed with a
# city lists every one of its units (issue 13), the rest here 不参评.
IN_CITY = {"甲县": "武陟县", "乙县": "温县", "丙县": "修武县", "丁县": "博爱县", "戊园区": "孟州市"}


def city_values(city) -> list[list]:
    """VALUES_ROWS with the city's names, and every other unit of the city 不参评."""
    rows = [[row[0], IN_CITY.get(row[1], row[1]), *row[2:]] for row in VALUES_ROWS]
    listed = set(IN_CITY.values())
    for unit in units_of(city):
        if unit.name not in listed:
            rows.append([None, unit.name, None, None, None, None, None, "是"])
    return rows


@pytest.fixture
def sheets(tmp_path, world) -> dict:
    return {
        "scheme": save_xlsx(
            tmp_path / "考核办法.xlsx",
            "2025年度县区重点项目综合考核办法",
            SCHEME_HEADER,
            SCHEME_ROWS,
            merged=("B3:B4", "C3:C4"),
        ),
        "values": save_xls(
            tmp_path / "数值.xls", "2025年度考核指标数值", VALUES_HEADER, city_values(world.city)
        ),
        "previous": save_xlsx(
            tmp_path / "上期.xlsx",
            "2024年度考核位次",
            ["县区", "位次"],
            [["武陟县", "第3位"], ["温县", 1], ["修武县", 2], ["博爱县", 4]],
        ),
    }


@pytest.fixture
def office(client, world):
    client.force_login(world.users["city"])
    return client


def test_the_preview_shows_units_indicators_and_weights_and_writes_nothing(office, sheets, world):
    response = upload(office, sheets)
    assert response.status_code == 302
    page = office.get(response.url).content.decode()
    assert "考核预览：2025年度县区综合考核" in page
    assert "《考核办法.xlsx》" in page and "《数值.xls》" in page
    # 项目建设 60 × 投资完成率 30 of 60 → 30.00% of the composite; 问题办结天数 40.00%
    assert "<td>投资完成率</td><td>30</td><td>30.00%</td><td>正向</td><td>极值法</td>" in page
    assert "<td>功效系数</td><td>起点=60；跨度=40</td>" in page
    assert "<td>问题办结天数</td><td>40</td><td>40.00%</td><td>负向</td>" in page
    assert "国家级荣誉每次加0.5分，单项最多加1分" in page
    assert "一票否决：重大安全事故（排在末位）" in page
    assert "<td>孟州市</td>" in page and "不参评" in page
    assert f"{len(units_of(world.city))}个单位" in page
    assert 'id="confirm-assessment"' in page
    assert not Scheme.objects.exists() and not Result.objects.exists()


def test_the_preview_says_which_item_vetoed_a_unit(office, sheets):
    """Issue 13, tryout 30: the preview's 说明 said only 一票否决, not for which item."""
    page = office.get(upload(office, sheets).url).content.decode()
    assert re.search(r"<td>温县</td>(<td>[^<]*</td>)*<td>一票否决：重大安全事故", page)


def test_the_preview_maps_each_sheets_headers_to_fields_with_a_sample(office, sheets):
    """Issue 13: the upload preview showed no header → field map, as the ledger upload does
    (the same partial): 字段 ← 表头 with a sample value, a rate as read, not in 万元."""
    page = office.get(upload(office, sheets).url).content.decode()
    values = page[page.index('id="column-map-2"') :]
    values = values[: values.index("</section>")]
    assert "列对应（字段 ← 表头）：《数值.xls》" in values
    assert "<td>投资完成率（%）</td>\n        <td>投资完成率</td>\n        <td>95.5</td>" in values
    assert "万元" not in values
    assert 'id="column-map-1"' in page and 'id="column-map-3"' in page
    assert "<select" not in page[page.index('id="column-map-1"') :]


def test_confirmed_the_result_is_the_commands_and_is_published(office, sheets, world):
    preview = upload(office, sheets).url
    query = {key: values[0] for key, values in parse_qs(urlparse(preview).query).items()}
    response = office.post(reverse("assessment_preview"), {**query, "action": "confirm"})
    result = Result.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("assessment_result", args=[result.pk])
    assert result.scheme.city == world.city
    assert (result.scheme.cycle, result.scheme.name) == ("2025年度", "县区综合考核")
    assert result.issued_by == world.users["city"]
    assert result.status == Result.Status.PUBLISHED
    assert (result.runs, result.seed, result.threshold) == (200, 3, D("0.8"))
    command = assess_json(sheets, "--runs", "200", "--seed", "3")
    assert result.output == command
    assert recompute(result).as_json() == result.output
    page = office.get(response.url).content.decode()
    assert "综合得分第一名为修武县（101.00分）" in page
    assert 'id="sensitivity"' in page and "汇总方法" in page


def test_a_faulty_values_sheet_is_refused_naming_file_sheet_row_and_column(
    office, sheets, tmp_path, world
):
    rows = city_values(world.city)
    rows[1][3] = "八个"  # 乙县's 新开工项目数, row 4 of the sheet (title, header, 甲县, 乙县)
    sheets["values"] = save_xlsx(tmp_path / "错误数值.xlsx", "数值", VALUES_HEADER, rows)
    preview = upload(office, sheets).url
    response = office.get(preview)
    page = response.content.decode()
    assert response.status_code == 400
    assert "《错误数值.xlsx》工作表「Sheet」第4行「新开工项目数」" in page
    assert "未计算、未保存任何数据" in page
    assert 'id="confirm-assessment"' not in page
    query = {key: values[0] for key, values in parse_qs(urlparse(preview).query).items()}
    office.post(reverse("assessment_preview"), {**query, "action": "confirm"})
    assert not Scheme.objects.exists() and not Result.objects.exists()


def test_a_scheme_whose_weights_cannot_be_set_offers_no_confirmation(office, sheets, tmp_path):
    rows = [list(row) for row in SCHEME_ROWS]
    rows[0][4] = None  # 投资完成率 without its weight
    sheets["scheme"] = save_xlsx(tmp_path / "缺权重.xlsx", "考核办法", SCHEME_HEADER, rows)
    response = office.get(upload(office, sheets).url)
    page = response.content.decode()
    assert response.status_code == 400
    assert "二级指标“投资完成率”没有权重或分值" in page
    assert 'id="confirm-assessment"' not in page
    assert not Scheme.objects.exists()


def test_runs_beyond_the_bound_are_refused_before_anything_is_held(office, sheets):
    response = upload(office, sheets, runs="100000")
    assert response.status_code == 200
    assert "5000" in response.content.decode()
    assert not Result.objects.exists()


def test_a_preview_of_sheets_not_held_sends_back_to_upload(office):
    query = {**PARAMETERS, "scheme": "0" * 32, "values": "1" * 32, "action": "confirm"}
    response = office.post(reverse("assessment_preview"), query)
    assert response.status_code == 302 and response.url == reverse("assessment_upload")
    assert not Result.objects.exists()


def test_another_users_held_sheets_cannot_be_confirmed(client, world, sheets):
    client.force_login(world.users["city"])
    preview = upload(client, sheets).url
    client.force_login(world.users["admin"])
    query = {key: values[0] for key, values in parse_qs(urlparse(preview).query).items()}
    response = client.post(reverse("assessment_preview"), {**query, "action": "confirm"})
    assert response.status_code == 302 and response.url == reverse("assessment_upload")
    assert not Result.objects.exists()


@pytest.mark.parametrize("role", ["wuzhi", "leader"])
def test_only_the_city_office_uploads(client, world, sheets, role):
    client.force_login(world.users[role])
    assert client.get(reverse("assessment_upload")).status_code == 403
    assert upload(client, sheets).status_code == 403
    assert client.get(reverse("assessment_preview")).status_code == 403


def test_more_units_than_a_page_assesses_offers_no_confirmation(office, sheets, monkeypatch, world):
    units = len(units_of(world.city))
    monkeypatch.setattr("guanmo.assessment.upload_views.MAX_UNITS", units - 1)
    response = office.get(upload(office, sheets).url)
    page = response.content.decode()
    assert response.status_code == 400
    assert f"参评单位{units}个，超过网页一次可考核的{units - 1}个" in page
    assert 'id="confirm-assessment"' not in page


def post_upload(client, files: dict, **changed):
    """Post the upload form with whichever sheets `files` names."""
    handles = {key: path.open("rb") for key, path in files.items()}
    try:
        return client.post(reverse("assessment_upload"), {**PARAMETERS, **changed, **handles})
    finally:
        for handle in handles.values():
            handle.close()


def confirm(client, preview: str):
    query = {key: values[0] for key, values in parse_qs(urlparse(preview).query).items()}
    return client.post(reverse("assessment_preview"), {**query, "action": "confirm"})


def test_sourced_indicators_are_filled_from_the_citys_figures_as_the_command_fills_them(
    office,
    sourced_files,  # noqa: F811
):
    files = sourced_files
    preview = post_upload(office, files, runs="0", year="2025", month="3").url
    page = office.get(preview).content.decode()
    assert "投资完成率：台账:年度计划完成率（2025年1—3月重点项目2个" in page
    response = confirm(office, preview)
    result = Result.objects.get()
    assert response.url == reverse("assessment_result", args=[result.pk])
    command = json.loads(run(*arguments(files, "--format", "json"))[0])
    assert result.output == command
    assert result.inputs["origins"]["武陟县"]["投资完成率"].startswith("台账:年度计划完成率（")


def test_a_sourced_scheme_without_its_year_and_month_offers_no_confirmation(
    office,
    sourced_files,  # noqa: F811
):
    response = office.get(post_upload(office, sourced_files).url)
    page = response.content.decode()
    assert response.status_code == 400
    assert "注明了来源，须填写数据年度和截至月份" in page
    assert 'id="confirm-assessment"' not in page and "指标体系" not in page


def refused_page(client, files: dict) -> str:
    response = client.get(upload(client, files).url)
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="confirm-assessment"' not in page
    return page


def test_a_unit_not_of_the_city_is_refused_naming_row_and_the_citys_units(
    office, sheets, tmp_path, world
):
    """Issue 13 (tryout13): 马村镇 for 中站区 was published; 马村镇 is not 马村区 either."""
    rows = city_values(world.city)
    at = next(i for i, row in enumerate(rows) if row[1] == "中站区")
    rows[at][1] = "马村镇"
    sheets["values"] = save_xlsx(tmp_path / "错单位.xlsx", "数值", VALUES_HEADER, rows)
    page = refused_page(office, sheets)
    assert f"《错单位.xlsx》工作表「Sheet」第{at + 3}行「单位」" in page
    assert "“马村镇”不是焦作市的考核单位；焦作市的考核单位为：" in page and "中站区" in page
    assert not Scheme.objects.exists() and not Result.objects.exists()


def test_a_unit_of_the_city_missing_from_the_values_is_refused_naming_it(
    office, sheets, tmp_path, world
):
    rows = [row for row in city_values(world.city) if row[1] != "马村区"]
    sheets["values"] = save_xlsx(tmp_path / "缺县.xlsx", "数值", VALUES_HEADER, rows)
    page = refused_page(office, sheets)
    assert "数值表缺少焦作市的马村区" in page
    assert not Result.objects.exists()


def test_a_missing_unit_is_said_not_rated_when_the_scheme_exempts_missing_data(
    office, sheets, tmp_path, world
):
    scheme = [*SCHEME_ROWS, [None, "设置", None, "缺失数据", None, None, None, "不参评"]]
    sheets["scheme"] = save_xlsx(tmp_path / "不参评.xlsx", "考核办法", SCHEME_HEADER, scheme)
    rows = [row for row in city_values(world.city) if row[1] != "马村区"]
    sheets["values"] = save_xlsx(tmp_path / "缺县.xlsx", "数值", VALUES_HEADER, rows)
    page = office.get(upload(office, sheets).url).content.decode()
    assert "未参评：马村区" in page
    assert 'id="confirm-assessment"' in page


def test_a_previous_rank_of_a_unit_not_of_the_city_is_refused_naming_its_row(
    office, sheets, tmp_path
):
    sheets["previous"] = save_xlsx(
        tmp_path / "上期错.xlsx", "上期", ["县区", "位次"], [["武陟县", 1], ["中站镇", 2]]
    )
    page = refused_page(office, sheets)
    assert "《上期错.xlsx》工作表「Sheet」第4行「单位」" in page
    assert "“中站镇”不是焦作市的考核单位" in page


def test_the_command_with_a_city_refuses_a_unit_not_of_the_city(sheets, tmp_path, world):
    rows = city_values(world.city)
    at = next(i for i, row in enumerate(rows) if row[1] == "中站区")
    rows[at][1] = "马村镇"
    sheets["values"] = save_xlsx(tmp_path / "错单位.xlsx", "数值", VALUES_HEADER, rows)
    err = StringIO()
    with pytest.raises(CommandError, match="中发现1处错误"):
        call_command(
            "assess",
            *[f"--{key}={path}" for key, path in sheets.items()],
            f"--city={world.city.code}",
            stdout=StringIO(),
            stderr=err,
        )
    assert "“马村镇”不是焦作市的考核单位" in err.getvalue()


def test_the_preview_says_the_schemes_overall_caps(office, sheets):
    """Tryout 15: the preview listed each item's cap but not the 加分 group's (权重 3)."""
    page = office.get(upload(office, sheets).url).content.decode()
    assert "加分合计最多3分" in page


def test_a_whole_number_given_with_decimals_is_refused_naming_the_field():
    """Tryout 19: the integer-only message named no field (and the browser's own message,
    for a number input, none either): each says its field and is typed as text."""
    given = {"cycle": "2025年度", "name": "综合考核", "runs": "1.5", "seed": "0", "days": "5"}
    form = RunForm({**given, "threshold": "0.8"})
    assert not form.is_valid()
    assert form_faults(form) == "稳健性检验模拟次数应为整数"
    assert 'type="number"' not in str(form["runs"]) and 'inputmode="numeric"' in str(form["runs"])


def test_the_schemes_number_given_on_upload_is_kept_for_its_bulletin(office, sheets):
    """Tryout 19: the bulletin cites the scheme by name and 文号 (根据《…》（焦政办〔2025〕3号）);
    the 文号 is given with the scheme's name on upload and kept with the scheme."""
    preview = upload(office, sheets, document_number="焦政办〔2025〕3号").url
    query = {key: values[0] for key, values in parse_qs(urlparse(preview).query).items()}
    office.post(reverse("assessment_preview"), {**query, "action": "confirm"})
    assert Result.objects.get().scheme.document_number == "焦政办〔2025〕3号"


def test_a_csv_of_values_previewed_names_its_rows_by_the_file_not_a_sheet(office, sheets, world):
    """A .csv has no sheets: its 合计 row left out is named 文件「数值.csv」第N行, as the ledger's
    report names it (`ImportReport.said`), never 工作表「数值」."""
    rows = [["2025年度考核指标数值"], VALUES_HEADER, *city_values(world.city)]
    sheets["values"] = sheets["values"].with_suffix(".csv")
    with sheets["values"].open("w", encoding="utf-8-sig", newline="") as values:
        csv.writer(values).writerows(rows)
    page = office.get(upload(office, sheets).url).content.decode()
    total = next(number for number, row in enumerate(rows, 1) if "合计" in row)
    assert f"文件「数值.csv」第{total}行为合计行，未导入" in page
    assert "工作表「数值」" not in page
