"""Tryout 19: the issued bulletin (通报) of a result had no opening citing the scheme, said
nothing of its 公示 and objections, had no table of each unit's score by 一级指标, listed no
firm classes with their 差别化政策, and its 成文日期 and 印发 were not in the result's history.
Each bulletin is built, issued, and read back from the .docx (and the PDF for the layout)."""

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal as D
from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document

from guanmo.assessment.aggregation import AdjustmentRule
from guanmo.assessment.definition import Definition, IndicatorRow, Inputs
from guanmo.assessment.firms import POLICIES
from guanmo.assessment.history import history
from guanmo.assessment.objections import (
    accept_objection,
    finalise_result,
    issue_bulletin,
    publish_result,
    raise_objection,
    reject_objection,
)
from guanmo.assessment.scoring import Direction
from guanmo.assessment.services import save_scheme
from guanmo.documents.pdf import docx_to_pdf
from guanmo.regions.services import init_city
from tests.assessment.letters import letter
from tests.documents.docx import body_tables
from tests.documents.pages import assert_official_pages, pdf_pages

pytestmark = pytest.mark.django_db

DEFINITION = Definition(
    (
        IndicatorRow("项目建设", D(60), "投资完成率", D(30)),
        IndicatorRow("项目建设", D(60), "新开工项目数", D(30)),
        IndicatorRow("服务保障", D(40), "问题办结天数", D(40), Direction.NEGATIVE),
    ),
    adjustment_rules=(AdjustmentRule("安全事故", D(-1)),),
    vetoes=("重大安全事故",),
)
INPUTS = Inputs(
    {
        "甲县": {"投资完成率": D(95), "新开工项目数": D(10), "问题办结天数": D(10)},
        "乙县": {"投资完成率": D(80), "新开工项目数": D(8), "问题办结天数": D(12)},
        "丙县": {"投资完成率": D(100), "新开工项目数": D(12), "问题办结天数": D(6)},
        "丁县": {"投资完成率": D(70), "新开工项目数": D(5), "问题办结天数": D(20)},
        "戊县": {"投资完成率": D(80), "新开工项目数": D(8), "问题办结天数": D(12)},
    },
    counts={"甲县": {"安全事故": D(1)}},
)


def publish(settings, *, number: str = "", inputs: Inputs = INPUTS):
    """Published on 1 December 2025 for 5 days (公示 to 5 December)."""
    settings.GUANMO_TODAY = date(2025, 12, 1)
    scheme = save_scheme(
        init_city("410800"),
        "2025年度",
        "综合考核办法",
        DEFINITION,
        list(inputs.values),
        document_number=number,
    )
    return publish_result(scheme, inputs, days=5, runs=30, seed=2)


def issued(settings, result, on=date(2025, 12, 8)):
    settings.GUANMO_TODAY = on
    final = finalise_result(result)
    return final, issue_bulletin(final, dated=on)


def paragraphs(document) -> list[str]:
    return [p.text for p in Document(BytesIO(bytes(document.content))).paragraphs if p.text]


def test_the_bulletin_opens_citing_the_scheme_its_number_and_the_cycle(settings):
    _, document = issued(settings, publish(settings, number="焦政办〔2025〕3号"))
    said = paragraphs(document)
    opening = (
        "根据《综合考核办法》（焦政办〔2025〕3号），经对各单位报送的指标数据审核计分，"
        "现将2025年度综合考核结果通报如下："  # the scheme's word (tryout 23), not 综合评价
    )
    assert opening in said
    # the opening stands before the first heading, after the 主送机关
    assert said.index(opening) < said.index("一、考核结果")


def test_a_scheme_without_a_number_is_cited_without_brackets(settings):
    _, document = issued(settings, publish(settings))
    assert any(text.startswith("根据《综合考核办法》，经对") for text in paragraphs(document))


def test_the_bulletin_says_the_publicity_and_how_objections_were_decided(settings):
    result = publish(settings)
    taken = raise_objection(
        result,
        attachment=letter(),
        unit="丁县",
        indicator="投资完成率",
        value=D(75),
        reason="漏报一个项目",
    )
    refused = raise_objection(
        result,
        attachment=letter(),
        unit="乙县",
        indicator="问题办结天数",
        value=D(9),
        reason="统计口径有误",
    )
    accept_objection(taken, reason="经核实")
    reject_objection(refused, reason="口径与考核办法一致")
    _, document = issued(settings, result)
    said = paragraphs(document)
    assert "二、公示及异议处理情况" in said
    assert (
        "考核结果于2025年12月1日至2025年12月5日向各参评单位公示，公示期内收到异议2件，"
        "采纳1件，维持1件；采纳的异议已更正相应数值并重新计算，本通报为更正后的结果。"
    ) in said


def test_a_bulletin_without_objections_says_none_were_received(settings):
    _, document = issued(settings, publish(settings))
    assert (
        "考核结果于2025年12月1日至2025年12月5日向各参评单位公示，公示期内未收到异议。"
        in paragraphs(document)
    )


def test_the_bulletin_has_each_units_score_by_top_indicator_with_ties_and_class(settings):
    # 乙县 and 戊县 have the same values: tied. 甲县 loses 1 point to its accident.
    final, document = issued(settings, publish(settings))
    tables = body_tables(Document(BytesIO(bytes(document.content))))
    table = next(t for t in tables if t.rows[0].cells[2].text == "项目建设")
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == [
        "位次", "单位", "项目建设", "服务保障", "加分", "扣分", "一票否决", "综合得分", "等次"
    ]  # fmt: skip
    body = {row[1]: row for row in rows[1:]}
    issued_units = {unit["unit"]: unit for unit in final.output["units"]}
    for unit, row in body.items():
        assert all(re.fullmatch(r"-?\d+\.\d\d|—", cell) for cell in row[2:6] + row[7:8]), row
        parts = sum(D(cell) for cell in row[2:6] if cell != "—")
        assert parts == D(row[7]) == D(issued_units[unit]["score"])
        assert row[8] == issued_units[unit]["class"]
        assert row[6] == "否"
    assert body["丙县"][:4] == ["1", "丙县", "60.00", "40.00"]
    assert body["甲县"][5] == "-1.00"
    assert body["乙县"][0] == body["戊县"][0] == "并列3"


def test_a_wide_score_table_prints_within_the_a4_text_area(settings, tmp_path):
    """Eight 一级指标: too many columns for the GB/T 9704 text area in one table, the table is
    split into two that fit, each with 位次 and 单位, the second captioned 续表."""
    indicators = tuple(IndicatorRow(f"重点工作{n}", D(10), f"指标{n}", D(10)) for n in range(1, 9))
    values = {
        f"{name}县": {f"指标{n}": D(50 + (n * 7 + i * 13) % 50) for n in range(1, 9)}
        for i, name in enumerate("甲乙丙丁戊己庚辛")
    }
    settings.GUANMO_TODAY = date(2025, 12, 1)
    definition = replace(DEFINITION, indicators=indicators, adjustment_rules=())
    scheme = save_scheme(init_city("410800"), "2025年度", "综合考核办法", definition, list(values))
    result = publish_result(scheme, Inputs(values), days=5, runs=0)
    _, document = issued(settings, result)
    pages = pdf_pages(docx_to_pdf(bytes(document.content)), tmp_path)
    assert_official_pages(pages, document.number)
    printed = re.sub(r"\s+", "", "".join(page.text for page in pages))
    assert "各单位得分构成（续表）" in printed
    tables = body_tables(Document(BytesIO(bytes(document.content))))
    split = [t for t in tables if t.rows[0].cells[1].text == "单位" and len(t.rows) == 9]
    headers = [[cell.text for cell in t.rows[0].cells] for t in split][1:]  # 0: the ranking
    assert [h[:2] for h in headers] == [["位次", "单位"]] * 2
    shown = headers[0][2:] + headers[1][2:]
    assert shown == [f"重点工作{n}" for n in range(1, 9)] + [
        "加分",
        "扣分",
        "一票否决",
        "综合得分",
        "等次",
    ]


def test_a_firm_bulletin_lists_the_firms_of_each_class_with_its_policies(world, settings, tmp_path):
    from tests.assessment.test_firm_register import register_sheet, run
    from tests.assessment.test_firm_results import issue

    settings.GUANMO_TODAY = date(2025, 12, 1)
    run("import-firms", str(register_sheet(tmp_path / "企业.xlsx")), "--year", "2025")
    result = issue(world)
    _, document = issued(settings, result)
    said = paragraphs(document)
    assert "企业分类及差别化政策" in "".join(said)
    # tests.assessment.test_firms.EXPECTED: 甲 A; 己, 乙 B; 丙 C; 丁 D; 戊 不参评
    for label, firms, grade in (
        ("A类企业（1家）", "甲", "A"),
        ("B类企业（2家）", "己、乙", "B"),
        ("C类企业（1家）", "丙", "C"),
        ("D类企业（1家）", "丁", "D"),
    ):
        assert f"{label}：{firms}。" in said
        assert f"{grade}类企业适用政策：{'；'.join(POLICIES[grade])}。" in said
    assert "不参评企业（1家）：戊。" in said
    assert any("向参评企业所在县（市、区）公示" in text for text in said)
    assert any("税务、统计、电力等部门提供的企业" in text for text in said)


def test_the_bulletins_dated_and_issued_days_are_in_the_results_history(client, world, settings):
    result = publish(settings)
    settings.GUANMO_TODAY = date(2025, 12, 8)
    final = finalise_result(result)
    settings.GUANMO_TODAY = date(2025, 12, 9)
    document = issue_bulletin(final, dated=date(2025, 12, 8))
    steps = [step.text for step in history(final)]
    assert steps[-3:] == [
        "2025年12月8日定稿",
        "通报《关于焦作市2025年度综合考核办法结果的通报》成文日期为2025年12月8日",
        f"2025年12月9日印发通报，发文字号{document.number}",
    ]
    client.force_login(world.users["city"])
    shown = client.get(reverse("assessment_result", args=[final.pk])).content.decode()
    for step in steps[-2:]:
        assert step in shown
    listed = shown.split("结果变更记录")[1].split("</ol>")[0]
    assert not re.search(r"\d{4}-\d\d-\d\d", listed)
