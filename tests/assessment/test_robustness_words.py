"""Tryout 15 (item 2): the robustness check said it varied the normalisation when the scheme
gave no alternative, did not say that a vetoed unit (placed last by rule) is left out of
P(first)/P(last), nor what the Sobol indices measure. Every output now says each, from the
scheme frozen with the run.

The command's scheme (test_assess_command) vetoes 乙县 and gives no 标准化备选.
"""

import json

from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from guanmo.assessment.objections import publish_result
from guanmo.assessment.scheme_description import RANKING_NOTE, SOBOL_OUTPUT, VETO_NOTE
from guanmo.assessment.services import save_scheme
from tests.assessment.test_assess_command import (
    SCHEME_HEADER,
    SCHEME_ROWS,
    arguments,
    run,
    save_xlsx,
    sheets,  # noqa: F401
)
from tests.assessment.test_result_page import FULL, FULL_INPUTS

VARIED = (
    "各指标权重上下浮动25%；标准化方法不变（考核办法未给出备选）；"
    "汇总方法在加权算术、加权几何（得分低于1分的按1分计）之间变换"
)


def test_p_last_leaves_the_vetoed_unit_out_and_the_outputs_say_so(sheets, tmp_path):  # noqa: F811
    result = json.loads(run(*arguments(sheets), "--runs", "60", "--format", "json"))
    ranked = {u["unit"]: u for u in result["units"] if u["p_last"] is not None}
    assert set(ranked) == {"丙县", "甲县", "丁县"}  # 乙县 vetoed, 戊园区 exempt
    assert ranked["丁县"]["p_last"] == "1.0000"  # last of those not vetoed, in every run
    assert "一票否决单位不参与末位概率计算" in VETO_NOTE
    assert result["robustness"] == {
        "runs": 60,
        "varied": VARIED,
        "sensitivity_output": SOBOL_OUTPUT,
        "notes": [RANKING_NOTE, VETO_NOTE],
    }
    text = run(*arguments(sheets), "--runs", "60")
    assert VETO_NOTE in text and VARIED in text and SOBOL_OUTPUT in text and RANKING_NOTE in text


def test_the_docx_and_xlsx_say_what_was_varied_and_what_sobol_measures(sheets, tmp_path):  # noqa: F811
    docx, xlsx = tmp_path / "通报.docx", tmp_path / "结果.xlsx"
    run(*arguments(sheets), "--runs", "60", "--format", "docx", "-o", str(docx))
    run(*arguments(sheets), "--runs", "60", "--format", "xlsx", "-o", str(xlsx))
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "标准化方法和汇总方法作" not in text  # the old sentence, said whatever was varied
    assert VARIED in text and VETO_NOTE in text and SOBOL_OUTPUT in text
    book = load_workbook(xlsx)
    said = {
        sheet: "\n".join(str(c) for row in book[sheet].iter_rows(values_only=True) for c in row)
        for sheet in ("考核结果", "敏感性")
    }
    assert VETO_NOTE in said["考核结果"]
    assert VARIED in said["敏感性"] and SOBOL_OUTPUT in said["敏感性"]


def test_alternatives_given_are_named_as_varied(sheets, tmp_path):  # noqa: F811
    rows = [*SCHEME_ROWS, [None, "设置", None, "标准化备选", None, None, None, "功效系数"]]
    rows.append([None, "设置", None, "权重浮动", None, None, None, "10%"])
    sheets["scheme"] = save_xlsx(tmp_path / "备选.xlsx", "考核办法", SCHEME_HEADER, rows)
    result = json.loads(run(*arguments(sheets), "--runs", "30", "--format", "json"))
    assert result["robustness"]["varied"].startswith(
        "各指标权重上下浮动10%；标准化方法在本办法与功效系数之间变换；"
    )


def test_the_page_says_what_was_varied_the_veto_note_and_what_sobol_measures(
    client, world, settings
):
    scheme = save_scheme(world.city, "2025年度", "综合考核", FULL, list(FULL_INPUTS.values))
    result = publish_result(scheme, FULL_INPUTS, days=5, runs=30, seed=1)
    client.force_login(world.users["city"])
    page = client.get(reverse("assessment_result", args=[result.pk])).content.decode()
    assert VARIED in page and VETO_NOTE in page and SOBOL_OUTPUT in page and RANKING_NOTE in page
