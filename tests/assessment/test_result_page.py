"""The results page: the ranking, rank intervals drawn as bars, each unit's points, the
sentences and the history, for those who see the city's ranking."""

import re
from datetime import date
from decimal import Decimal as D
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from guanmo.assessment.aggregation import AdjustmentRule
from guanmo.assessment.definition import Definition, IndicatorRow, Inputs
from guanmo.assessment.models import Result
from guanmo.assessment.objections import (
    accept_objection,
    finalise_result,
    issue_bulletin,
    publish_result,
    raise_objection,
)
from guanmo.assessment.scoring import Direction
from guanmo.assessment.services import save_scheme
from tests.assessment.letters import letter

DEFINITION = Definition(
    (
        IndicatorRow("项目建设", D(60), "投资完成率", D(60)),
        IndicatorRow("服务保障", D(40), "问题办结天数", D(40), Direction.NEGATIVE),
    )
)
INPUTS = Inputs(
    {
        "武陟县": {"投资完成率": D(95), "问题办结天数": D(10)},
        "温县": {"投资完成率": D(100), "问题办结天数": D(6)},
        "孟州市": {"投资完成率": D(70), "问题办结天数": D(20)},
    }
)


@pytest.fixture
def published(world, settings):
    settings.GUANMO_TODAY = date(2025, 12, 1)
    scheme = save_scheme(world.city, "2025年度", "综合考核", DEFINITION, list(INPUTS.values))
    return publish_result(scheme, INPUTS, days=5, runs=30, seed=1)


def test_the_page_shows_the_ranking_with_interval_bars_points_and_history(client, world, published):
    objection = raise_objection(
        published,
        attachment=letter(),
        unit="武陟县",
        indicator="投资完成率",
        value=D(120),
        reason="数据有误",
    )
    corrected = accept_objection(objection, reason="核实无误")
    client.force_login(world.users["wuzhi"])
    page = client.get(reverse("assessment_result", args=[corrected.pk])).content.decode()
    assert "2025年度综合考核结果" in page
    assert "综合得分第一名为武陟县" in page
    assert page.count('class="rank-interval"') == 3
    assert 'aria-label="第1位"' in page
    assert "<th>投资完成率</th>" in page
    assert (
        "重新计算后武陟县综合得分由78.57分变为88.57分，位次由第2位变为第1位；"
        "温县综合得分由100.00分变为76.00分，位次由第1位变为第2位"
    ) in page


def test_someone_outside_the_ranking_gets_nothing(client, world, published):
    client.force_login(world.users["department"])
    assert client.get(reverse("assessment_result", args=[published.pk])).status_code == 404


def test_the_city_office_supposes_a_value_on_the_page_and_nothing_changes(client, world, published):
    # 武陟县 at 120: 投资完成率's range becomes 70…120, 武陟县 the full 60 + 28.57 (10 of 14
    # days' range) = 88.57, 温县 0.6 × 60 = 36 + 40 = 76.00: 武陟县 first instead of second.
    client.force_login(world.users["city"])
    url = reverse("assessment_result", args=[published.pk])
    page = client.get(url).content.decode()
    assert 'id="what-if"' in page and 'id="what-if-result"' not in page
    query = {"unit": "武陟县", "indicator": "投资完成率", "value": "120"}
    page = client.get(url, query).content.decode()
    assert "武陟县“投资完成率”改为120：综合得分由78.57分变为88.57分，位次由第2位变为第1位" in page
    published.refresh_from_db()
    assert published.output["units"][0]["unit"] == "温县"  # the issued result is as it was
    assert published.inputs["values"]["武陟县"]["投资完成率"] == "95"
    page = client.get(url, {**query, "value": "很多"}).content.decode()
    assert "请选择单位和指标并填写假设数值" in page


def test_a_county_office_has_no_what_if_form(client, world, published):
    client.force_login(world.users["wuzhi"])
    page = client.get(reverse("assessment_result", args=[published.pk]), {"unit": "温县"})
    assert 'id="what-if"' not in page.content.decode()


def test_the_list_links_each_result_with_its_first_and_last(client, world, published):
    objection = raise_objection(
        published,
        attachment=letter(),
        unit="武陟县",
        indicator="投资完成率",
        value=D(120),
        reason="数据有误",
    )
    corrected = accept_objection(objection, reason="核实无误")
    for who in ("city", "wuzhi", "leader"):
        client.force_login(world.users[who])
        page = client.get(reverse("assessment_results")).content.decode()
        assert 'href="/assessment/"' in page  # the navigation's link
        for result in (published, corrected):
            assert f'href="{reverse("assessment_result", args=[result.pk])}"' in page
        assert "已更正" in page and "公示中" in page
        # corrected: 武陟县 first, 孟州市 last; as issued first: 温县 first
        assert page.index("<td>武陟县</td><td>孟州市</td>") < page.index(
            "<td>温县</td><td>孟州市</td>"
        )
    client.force_login(world.users["department"])
    assert client.get(reverse("assessment_results")).status_code == 404
    landing = client.get("/", follow=True)
    assert landing.status_code == 200 and 'href="/assessment/"' not in landing.content.decode()


# 武陟县 full marks (60 + 40) and a national honour (+0.5) = 100.50, first for sure; 温县 and
# 孟州市 equal at 0 (并列2); 修武县 (85, 13) = 30 + 20 = 50 but vetoed, placed last.
# Previous ranks 4, 1, 2, 3: 武陟县 进位3位, 温县 退位1位, 孟州市 位次不变.
FULL = Definition(
    DEFINITION.indicators,
    adjustment_rules=(AdjustmentRule("国家级荣誉", D("0.5")),),
    vetoes=("重大安全事故",),
)
FULL_INPUTS = Inputs(
    {
        "武陟县": {"投资完成率": D(100), "问题办结天数": D(6)},
        "温县": {"投资完成率": D(70), "问题办结天数": D(20)},
        "孟州市": {"投资完成率": D(70), "问题办结天数": D(20)},
        "修武县": {"投资完成率": D(85), "问题办结天数": D(13)},
    },
    counts={"武陟县": {"国家级荣誉": D(1)}},
    vetoed=frozenset({"修武县"}),
    previous={"武陟县": 4, "温县": 1, "孟州市": 2, "修武县": 3},
)


def test_the_page_says_ties_changes_vetoes_probabilities_bonuses_and_points_lost(
    client, world, settings
):
    """Issue 13 (tryout13): the breakdown left out 加分/扣分, the veto had no label, ties were
    "5, 5", changes raw numbers and probabilities 1.0000."""
    settings.GUANMO_TODAY = date(2025, 12, 1)
    scheme = save_scheme(world.city, "2025年度", "综合考核", FULL, list(FULL_INPUTS.values))
    result = publish_result(scheme, FULL_INPUTS, days=5, runs=30, seed=1)
    client.force_login(world.users["city"])
    page = client.get(reverse("assessment_result", args=[result.pk])).content.decode()
    rank = '<td data-label="位次">并列2</td>'
    assert f"{rank}<td>温县</td>" in page and f"{rank}<td>孟州市</td>" in page
    assert "修武县（一票否决）" in page
    assert "进位3位" in page and "退位1位" in page and "位次不变" in page
    assert '<td data-label="居首概率">100.0%</td>' in page and "1.0000" not in page
    assert "<th>加分</th><th>扣分</th><th>综合得分</th>" in page
    # 武陟县's breakdown adds up: 60.00 + 40.00 + 0.50 − 0 = 100.50
    cells = ["武陟县", "60.00", "40.00", "0.50", "0.00", "100.50"]
    breakdown = unlabelled(breakdown_of(page))
    assert "".join(f"<td>{cell}</td>" for cell in cells) in breakdown
    assert 'id="points-lost"' in page
    assert "<td>温县</td><td>60.00</td><td>40.00</td>" in page  # lost to 武陟县


def test_dates_are_the_installations_today_everywhere_and_the_history_reads_cleanly(
    client, world, published
):
    """Issue 13 (tryout13): the page said 公示至 by GUANMO_TODAY (2025-12-01 here) while the
    history, the list and attachment paths used the real date; "予以采纳。；" doubled."""
    attachment = SimpleUploadedFile("核实材料.pdf", b"%PDF-1.4 test", "application/pdf")
    objection = raise_objection(
        published,
        unit="武陟县",
        indicator="投资完成率",
        value=D(120),
        reason="数据有误",
        attachment=attachment,
    )
    assert objection.attachment.name.startswith("assessment/objections/2025/12/")
    assert timezone.localdate(objection.raised_at) == date(2025, 12, 1)
    corrected = accept_objection(objection, reason="予以采纳。")
    objection.refresh_from_db()
    assert timezone.localdate(objection.decided_at) == date(2025, 12, 1)
    assert timezone.localdate(corrected.issued_at) == date(2025, 12, 1)
    client.force_login(world.users["city"])
    page = client.get(reverse("assessment_result", args=[corrected.pk])).content.decode()
    assert "2025年12月1日发布公示" in page  # tryout 19: said 2025-12-01
    assert "采纳：予以采纳；重新计算后" in page and "。；" not in page
    listed = client.get(reverse("assessment_results")).content.decode()
    assert "2025年12月1日" in listed and "2026年" not in listed


def breakdown_of(page: str) -> str:
    start = page.index("各单位得分构成")
    return page[start : page.index("</table>", start)]


def unlabelled(html: str) -> str:
    """The HTML without its cells' data-label attributes (which stack a table on a phone)."""
    return re.sub(r' data-label="[^"]*"', "", html)


def test_the_page_shows_the_result_as_stored_and_computes_nothing_on_a_view(
    client, world, published, monkeypatch
):
    """Issue 13: the page ran the scoring again on every view. It shows what the result stored
    when it was computed: a value changed in its inputs since does not change the page."""
    client.force_login(world.users["city"])
    url = reverse("assessment_result", args=[published.pk])
    before = breakdown_of(client.get(url).content.decode())
    inputs = published.inputs
    inputs["values"]["孟州市"]["投资完成率"] = "100"
    Result.objects.filter(pk=published.pk).update(inputs=inputs)

    def computing(*args, **kwargs):
        raise AssertionError("the results page computed the result again")

    monkeypatch.setattr("guanmo.assessment.services.compute", computing)
    assert breakdown_of(client.get(url).content.decode()) == before


def test_a_result_stored_without_its_page_figures_has_them_computed_once_and_kept(
    client, world, published
):
    client.force_login(world.users["city"])
    url = reverse("assessment_result", args=[published.pk])
    before = breakdown_of(client.get(url).content.decode())
    Result.objects.filter(pk=published.pk).update(figures={})
    assert breakdown_of(client.get(url).content.decode()) == before
    published.refresh_from_db()
    assert published.figures["breakdown"][0][0] == "温县"


def test_the_page_downloads_its_ranking_and_breakdown_as_xlsx(client, world, settings):
    settings.GUANMO_TODAY = date(2025, 12, 1)
    scheme = save_scheme(world.city, "2025年度", "综合考核", FULL, list(FULL_INPUTS.values))
    result = publish_result(scheme, FULL_INPUTS, days=5, runs=30, seed=1)
    client.force_login(world.users["wuzhi"])
    page = client.get(reverse("assessment_result", args=[result.pk])).content.decode()
    assert 'id="results-xlsx"' in page
    response = client.get(reverse("assessment_result", args=[result.pk]), {"format": "xlsx"})
    assert response["Content-Disposition"].startswith("attachment")
    book = load_workbook(BytesIO(b"".join(response.streaming_content)))
    sheet = book["得分构成"]
    header, *rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert header[:2] == ("位次", "单位") and header[-3:] == ("加分", "扣分", "综合得分")
    by_unit = {row[1]: row for row in rows}
    assert by_unit["武陟县"] == (1, "武陟县", 60, 40, 0.5, 0, 100.5)
    assert "修武县（一票否决）" in by_unit
    # 位次 a number as in 考核结果, not text ('并列2' sorted as text: tryout 27, item 6)
    _, *results = list(book["考核结果"].iter_rows(min_row=2, values_only=True))
    ranked = {row[1]: row[0] for row in results if row[1]}
    assert by_unit["温县"][0] == ranked["温县"] == 2
    for unit, row in by_unit.items():
        if unit:  # the note under the table has none
            assert row[0] == ranked[unit.removesuffix("（一票否决）")], unit
    client.force_login(world.users["department"])
    response = client.get(reverse("assessment_result", args=[result.pk]), {"format": "xlsx"})
    assert response.status_code == 404


def test_the_naming_threshold_is_said_for_what_it_is(client, world, published):
    """Issue 13 (a fresh user): 末位认定概率0.8000 on the page, then 末位认定概率80.0%, which
    reads as a probability of the last place rather than the bar it must reach (tryout 19)."""
    client.force_login(world.users["city"])
    page = client.get(reverse("assessment_result", args=[published.pk])).content.decode()
    assert "居首概率或末位概率达到80%（认定阈值）方认定第一名或末位" in page
    assert "0.8000" not in page and "末位认定概率" not in page


def test_a_sobol_estimate_above_1_is_marked_on_the_page_with_the_note(client, world, published):
    published.output["sensitivity"] = {
        "aggregation": {"first_order": "0.9000", "total_order": "1.0312"},
    }
    published.save(update_fields=["output"])
    client.force_login(world.users["city"])
    page = client.get(reverse("assessment_result", args=[published.pk])).content.decode()
    assert "<td>汇总方法</td><td>0.9000</td><td>1.0312*</td>" in page
    assert 'id="sampling-note"' in page and "抽样误差" in page


def full_result(world, settings) -> Result:
    """FULL published without a robustness check (runs 0), as of 2025-12-01."""
    settings.GUANMO_TODAY = date(2025, 12, 1)
    scheme = save_scheme(world.city, "2025年度", "综合考核", FULL, list(FULL_INPUTS.values))
    return publish_result(scheme, FULL_INPUTS, days=5, runs=0, seed=1)


def test_a_county_may_object_to_an_adjustment_item_as_to_an_indicator(client, world, settings):
    """Tryout 13: the objection form offered indicators only, never a 加分/扣分 item."""
    result = full_result(world, settings)
    client.force_login(world.users["wenxian"])
    page = client.get(reverse("assessment_result", args=[result.pk])).content.decode()
    assert '<option value="国家级荣誉">' in page
    client.post(
        reverse("assessment_object", args=[result.pk]),
        {
            "indicator": "国家级荣誉",
            "value": "1",
            "reason": "获国家级示范园区称号",
            "attachment": letter(),
        },
    )
    page = client.get(reverse("assessment_result", args=[result.pk])).content.decode()
    assert "温县对加分项“国家级荣誉”提出异议，认为应为1（获国家级示范园区称号），待处理" in page


def test_the_page_explains_each_adjustment_item(client, world, settings):
    result = full_result(world, settings)
    client.force_login(world.users["city"])
    page = client.get(reverse("assessment_result", args=[result.pk])).content.decode()
    assert "<li>武陟县：加分项“国家级荣誉”加0.50分（国家级荣誉1次，每次加0.5分）</li>" in page


def test_the_page_links_its_issued_bulletin(client, world, published):
    """Tryout 13: the results page did not link the bulletin issued from it."""
    final = finalise_result(published, on=date(2025, 12, 6))
    document = issue_bulletin(final, dated=date(2025, 12, 6))
    client.force_login(world.users["city"])
    page = client.get(reverse("assessment_result", args=[final.pk])).content.decode()
    link = reverse("document_file", args=[document.pk, "docx"])
    assert f'href="{link}"' in page and document.number in page
    assert client.get(link).status_code == 200


def test_the_page_shows_the_scheme_it_was_computed_under(client, world, settings):
    """Tryout 15: the scheme (weights, forms, parameters, 加分/扣分 with caps, 一票否决, classes,
    aggregation, weighting, what the robustness check varies) was not shown with the result."""
    result = full_result(world, settings)
    client.force_login(world.users["city"])
    page = client.get(reverse("assessment_result", args=[result.pk])).content.decode()
    section = page[page.index('id="scheme"') :]
    for said in (
        "<h2>考核办法</h2>",
        "<td>60.00%</td>",
        "满分=100（默认）",
        "每次加0.5分",
        "一票否决",
        "否决后排在末位",
        "按分数：优秀≥90分",
        "加权算术",
        "按表中权重",
        "各指标权重上下浮动25%",
    ):
        assert said in page, said
    assert "极值法" in section


def test_the_decision_form_shows_the_value_objected_to_beside_the_one_claimed(
    client, world, published
):
    """Tryout 15: the office decided on a claimed value without the current one beside it."""
    raise_objection(
        published,
        attachment=letter(),
        unit="武陟县",
        indicator="投资完成率",
        value=D(120),
        reason="漏报",
    )
    client.force_login(world.users["city"])
    page = client.get(reverse("assessment_result", args=[published.pk])).content.decode()
    form = page[page.index('class="decision"') :]
    assert "武陟县对“投资完成率”提出异议，原值95，认为应为120" in form


CLOSE_INPUTS = Inputs(
    {
        "武陟县": {"投资完成率": D(100), "问题办结天数": D(6)},
        "温县": {"投资完成率": D(90), "问题办结天数": D(10)},
        "孟州市": {"投资完成率": D(70), "问题办结天数": D(19)},
        "修武县": {"投资完成率": D(71), "问题办结天数": D(20)},
    }
)


def test_the_list_names_no_last_unit_the_result_does_not_recognise(client, world, settings):
    """Tryout 19: the list's 末位 column named 焦作金鼎 while the result said 排名末位尚不能认定;
    the list keeps the result's rule (`stated_place`): 未认定 with the candidates."""
    settings.GUANMO_TODAY = date(2025, 12, 1)
    scheme = save_scheme(world.city, "2025年度", "综合考核", DEFINITION, list(CLOSE_INPUTS.values))
    result = publish_result(scheme, CLOSE_INPUTS, days=5, runs=50, seed=1)
    assert any("排名末位尚不能认定" in s for s in result.output["sentences"])
    client.force_login(world.users["city"])
    page = client.get(reverse("assessment_results")).content.decode()
    assert "<td>孟州市</td>" not in page and "<td>修武县</td>" not in page
    assert "未认定（孟州市" in page or "未认定（修武县" in page


def test_an_objection_pending_when_another_is_accepted_is_decided_on_the_corrected_result(
    client, world, published, settings
):
    """Issue 13, tryout 23: two objections pending; accepting one made a corrected result, and
    the other could be decided on no page, so the result could never be final. It is listed
    with its decision buttons on the standing result, and deciding it there lets it be final."""
    first = raise_objection(
        published,
        attachment=letter(),
        unit="武陟县",
        indicator="投资完成率",
        value=D(99),
        reason="漏报",
    )
    raise_objection(
        published,
        attachment=letter(),
        unit="孟州市",
        indicator="投资完成率",
        value=D(75),
        reason="漏报",
    )
    client.force_login(world.users["city"])
    decision = {f"{first.pk}-decision": "accept", f"{first.pk}-reason": "经核实"}
    client.post(reverse("assessment_decide", args=[first.pk]), decision)
    corrected = Result.objects.get(supersedes=published)
    page = client.get(reverse("assessment_result", args=[corrected.pk])).content.decode()
    assert 'class="decision"' in page
    form = page[page.index('class="decision"') :]
    assert "孟州市对“投资完成率”提出异议" in form
    second = published.objections.get(unit="孟州市")
    assert reverse("assessment_decide", args=[second.pk]) in page
    decision = {f"{second.pk}-decision": "reject", f"{second.pk}-reason": "无依据"}
    client.post(reverse("assessment_decide", args=[second.pk]), decision)
    settings.GUANMO_TODAY = date(2025, 12, 10)
    client.post(reverse("assessment_finalise", args=[corrected.pk]), {"confirm": "1"})
    corrected.refresh_from_db()
    assert corrected.status == Result.Status.FINAL


WITH_ITEMS = Definition(
    DEFINITION.indicators,
    (AdjustmentRule("安全事故", D(-1)),),
    vetoes=("重大安全事故",),
)


@pytest.fixture
def published_with_items(world, settings):
    settings.GUANMO_TODAY = date(2025, 12, 1)
    inputs = Inputs(
        {
            **INPUTS.values,
            "修武县": {"投资完成率": D(80), "问题办结天数": D(8)},
            "博爱县": {"投资完成率": None, "问题办结天数": None},
        },
        vetoed=frozenset({"修武县"}),
        exempt=frozenset({"博爱县"}),
        vetoed_by={"修武县": ("重大安全事故",)},
    )
    scheme = save_scheme(world.city, "2025年度", "综合考核", WITH_ITEMS, list(inputs.values))
    return publish_result(scheme, inputs, days=5, runs=0, seed=1)


def test_the_page_supposes_a_veto_and_a_deduction_as_the_command_line_does(
    client, world, published_with_items
):
    """Issue 13, tryout 30: the page's what-if offered only the scored indicators
    (重大安全事故 不在可用的选项中) while `--what-if` took veto and 加分/扣分 items."""
    client.force_login(world.users["city"])
    url = reverse("assessment_result", args=[published_with_items.pk])
    page = client.get(url).content.decode()
    assert "修武县（一票否决：重大安全事故）" in page  # the item named (tryout 30)
    for item in ("重大安全事故", "安全事故", "投资完成率"):
        assert f'<option value="{item}">' in page
    query = {"unit": "修武县", "indicator": "重大安全事故", "value": "否"}
    page = client.get(url, query).content.decode()
    assert "修武县“重大安全事故”改为否：综合得分由" in page
    assert "位次由第4位变为第" in page
    page = client.get(url, {"unit": "温县", "indicator": "安全事故", "value": "2"}).content.decode()
    assert "温县“安全事故”改为2：综合得分由100.00分变为98.00分" in page


def test_the_pages_what_if_leaves_out_the_exempt_and_refuses_one(
    client, world, published_with_items
):
    """Tryout 30: the list offered the 不参评 units, and supposing on one said
    由无得分变为无得分."""
    client.force_login(world.users["city"])
    url = reverse("assessment_result", args=[published_with_items.pk])
    page = client.get(url).content.decode()
    assert '<option value="温县">' in page and '<option value="博爱县">' not in page
    query = {"unit": "博爱县", "indicator": "投资完成率", "value": "90"}
    page = client.get(url, query).content.decode()
    assert "由无得分变为无得分" not in page
