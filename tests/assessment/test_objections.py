"""The objections cycle at the service level: a county objects, the office accepts (the value is
corrected and everything recomputed), the ranking changes, and the history says why; rejected
objections need a reason; a result is final only after its period with nothing pending."""

from dataclasses import replace
from datetime import date
from decimal import Decimal as D
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from guanmo.assessment.aggregation import AdjustmentRule
from guanmo.assessment.definition import Definition, IndicatorRow, Inputs
from guanmo.assessment.history import history
from guanmo.assessment.models import Objection, Result
from guanmo.assessment.objections import (
    ObjectionError,
    accept_objection,
    current,
    finalise_result,
    issue_bulletin,
    objectable,
    publish_result,
    raise_objection,
    reject_objection,
    stage,
)
from guanmo.assessment.outcome import lines_by_unit
from guanmo.assessment.scoring import Direction
from guanmo.assessment.services import recompute, save_scheme
from guanmo.documents.services import DocumentError
from guanmo.regions.services import init_city
from tests.assessment.letters import letter

pytestmark = pytest.mark.django_db

TODAY = date(2025, 12, 1)
DEFINITION = Definition(
    (
        IndicatorRow("项目建设", D(60), "投资完成率", D(60)),
        IndicatorRow("服务保障", D(40), "问题办结天数", D(40), Direction.NEGATIVE),
    )
)
# 投资完成率 min-max over 70…100, 天数 over 6…20 (负向):
#   丙县 100 × 0.6 + 100 × 0.4 = 100; 甲县 (25/30 × 60 = 50) + (10/14 × 40 = 28.57) = 78.57;
#   乙县 20 + 22.86 = 42.86; 丁县 0 + 0 = 0.
INPUTS = Inputs(
    {
        "甲县": {"投资完成率": D(95), "问题办结天数": D(10)},
        "乙县": {"投资完成率": D(80), "问题办结天数": D(12)},
        "丙县": {"投资完成率": D(100), "问题办结天数": D(6)},
        "丁县": {"投资完成率": D(70), "问题办结天数": D(20)},
    }
)


@pytest.fixture
def published(settings, tmp_path):
    settings.GUANMO_TODAY = TODAY
    settings.MEDIA_ROOT = tmp_path
    scheme = save_scheme(
        init_city("410800"), "2025年度", "综合考核", DEFINITION, list(INPUTS.values)
    )
    return publish_result(scheme, INPUTS, days=5, runs=50, seed=2)


def ranks(result: Result) -> dict[str, int]:
    return {unit["unit"]: unit["rank"] for unit in result.output["units"]}


def test_an_accepted_objection_corrects_the_value_and_the_ranking_and_says_why(published):
    assert published.published_until == date(2025, 12, 5)
    assert ranks(published) == {"丙县": 1, "甲县": 2, "乙县": 3, "丁县": 4}
    objection = raise_objection(
        published,
        unit="甲县",
        indicator="投资完成率",
        value=D(110),
        reason="统计局反馈数据有误，应为110%",
        attachment=SimpleUploadedFile("统计局函.pdf", b"%PDF-1.4 letter"),
    )
    assert objection.attachment.read() == b"%PDF-1.4 letter"
    corrected = accept_objection(objection, reason="经与统计局核实，数据有误")
    # 投资完成率 now over 70…110: 甲 60 + 28.57 = 88.57; 丙 45 + 40 = 85.
    assert ranks(corrected) == {"甲县": 1, "丙县": 2, "乙县": 3, "丁县": 4}
    assert corrected.output["units"][0]["score"] == "88.57"
    published.refresh_from_db()
    assert published.status == Result.Status.SUPERSEDED and current(published) == corrected
    assert recompute(corrected).as_json() == corrected.output
    assert [step.text for step in history(corrected)][1] == (
        "甲县对“投资完成率”提出异议，认为应为110（统计局反馈数据有误，应为110%）；"
        "采纳：经与统计局核实，数据有误；重新计算后甲县综合得分由78.57分变为88.57分，"
        "位次由第2位变为第1位；丙县综合得分由100.00分变为85.00分，位次由第1位变为第2位；"
        "乙县综合得分由42.86分变为37.86分，位次仍为第3位"
    )  # tryout 15: every unit whose score or rank moved, 丁县 (unchanged) left out


def test_a_correction_moving_no_one_else_says_so(published):
    """Tryout 15: "重新计算后位次未变" while the unit's score rose; the unit's score and rank
    are said before and after, and that no other unit moved."""
    objection = raise_objection(
        published,
        attachment=letter(),
        unit="乙县",
        indicator="问题办结天数",
        value=D(11),
        reason="少算一件",
    )
    accept_objection(objection, reason="核实")
    # 天数 over 6…20 unchanged: 乙县 20 + 9/14 × 40 = 45.71, the others as they were
    assert history(published)[-2].text.endswith(
        "重新计算后乙县综合得分由42.86分变为45.71分，位次仍为第3位；其他单位得分和位次未变"
    )


def test_a_rejection_needs_a_reason_and_leaves_the_result(published):
    objection = raise_objection(
        published,
        attachment=letter(),
        unit="乙县",
        indicator="问题办结天数",
        value=D(8),
        reason="有2件已办结未计入",
    )
    with pytest.raises(ObjectionError, match="不予采纳须写明理由"):
        reject_objection(objection, reason=" ")
    reject_objection(objection, reason="2件均超过办结时限")
    assert Objection.objects.get().status == Objection.Status.REJECTED
    assert current(published) == published
    assert history(published)[-1].text.endswith("不予采纳：2件均超过办结时限")


def test_objections_are_refused_outside_the_period_and_for_what_is_not_assessed(published):
    with pytest.raises(ObjectionError, match="公示期已于2025年12月5日结束"):
        raise_objection(
            published,
            attachment=letter(),
            unit="甲县",
            indicator="投资完成率",
            value=D(1),
            reason="x",
            on=date(2025, 12, 6),
        )
    with pytest.raises(ObjectionError, match="戊县不是本次考核的参评单位"):
        raise_objection(
            published,
            attachment=letter(),
            unit="戊县",
            indicator="投资完成率",
            value=D(1),
            reason="x",
        )
    with pytest.raises(ObjectionError, match="没有指标或加分/扣分项“GDP”"):
        raise_objection(
            published, attachment=letter(), unit="甲县", indicator="GDP", value=D(1), reason="x"
        )
    assert not Objection.objects.exists()


def test_a_result_is_final_after_its_period_with_every_objection_decided(published):
    objection = raise_objection(
        published,
        attachment=letter(),
        unit="丁县",
        indicator="投资完成率",
        value=D(75),
        reason="漏报一个项目",
    )
    with pytest.raises(ObjectionError, match="期满后方可定稿"):
        finalise_result(published, on=date(2025, 12, 5))
    with pytest.raises(ObjectionError, match="尚有1件异议未处理"):
        finalise_result(published, on=date(2025, 12, 6))
    corrected = accept_objection(objection)
    final = finalise_result(published, on=date(2025, 12, 6))
    assert final == corrected and final.status == Result.Status.FINAL
    assert history(final)[-1].text.endswith("定稿")
    with pytest.raises(ObjectionError, match="已定稿"):
        raise_objection(
            final, attachment=letter(), unit="甲县", indicator="投资完成率", value=D(1), reason="x"
        )


def test_the_final_result_is_issued_as_a_numbered_bulletin(published):
    with pytest.raises(DocumentError, match="定稿后方可印发"):
        issue_bulletin(published, dated=date(2025, 12, 6))
    final = finalise_result(published, on=date(2025, 12, 6))
    document = issue_bulletin(final, dated=date(2025, 12, 6))
    assert document.title == "关于焦作市2025年度综合考核结果的通报"  # city and cycle
    assert document.number == "焦作项目办〔2025〕1号"
    assert stage(final) == "已定稿，已印发（焦作项目办〔2025〕1号）"  # not only 已定稿 (tryout 23)
    text = "\n".join(p.text for p in Document(BytesIO(bytes(document.content))).paragraphs)
    assert final.output["sentences"][0] in text
    assert "综合得分第一名为丙县（100.00分）" in text


def test_a_claimed_value_is_held_kept_and_shown_to_the_indicators_precision(published):
    """Issue 13: an accepted 110 was kept as "110.00000000" in the corrected result's inputs.
    投资完成率 is given in whole numbers here (95, 80, 100, 70): 110.5 is refused."""
    with pytest.raises(ObjectionError, match=r"“投资完成率”的数值为整数，应为数值110\.5%与之不符"):
        raise_objection(
            published,
            attachment=letter(),
            unit="甲县",
            indicator="投资完成率",
            value=D("110.5"),
            reason="x",
        )
    objection = raise_objection(
        published,
        attachment=letter(),
        unit="甲县",
        indicator="投资完成率",
        value=D("110.000"),
        reason="漏报",
    )
    objection.refresh_from_db()
    assert objection.claimed == "110"
    corrected = accept_objection(objection)
    assert corrected.inputs["values"]["甲县"]["投资完成率"] == "110"
    assert "认为应为110（漏报）" in history(corrected)[1].text


WITH_DEDUCTION = Definition(
    DEFINITION.indicators, adjustment_rules=(AdjustmentRule("安全事故", D(-1)),)
)


@pytest.fixture
def with_deduction(settings, tmp_path) -> Result:
    """INPUTS published under WITH_DEDUCTION, 丙县 with one 安全事故."""
    settings.GUANMO_TODAY = TODAY
    settings.MEDIA_ROOT = tmp_path
    inputs = replace(INPUTS, counts={"丙县": {"安全事故": D(1)}})
    scheme = save_scheme(
        init_city("410800"), "2025年度", "综合考核", WITH_DEDUCTION, list(inputs.values)
    )
    return publish_result(scheme, inputs, days=5, runs=20, seed=2)


def test_a_unit_objects_to_a_deduction_and_accepting_it_changes_the_deduction(with_deduction):
    """Tryout 13: a county could object only to an indicator value, not to a 扣分 item."""
    published = with_deduction
    assert lines_by_unit(recompute(published))["丙县"].adjustments.deduction == D(-1)
    with pytest.raises(ObjectionError, match="无需更正"):
        raise_objection(
            published,
            attachment=letter(),
            unit="丙县",
            indicator="安全事故",
            value=D(1),
            reason="x",
        )
    objection = raise_objection(
        published,
        attachment=letter(),
        unit="丙县",
        indicator="安全事故",
        value=D(0),
        reason="事故不属于本县",
    )
    assert objection.claimed == "0"
    corrected = accept_objection(objection, reason="经应急管理局核实，事故不属于丙县")
    assert corrected.inputs["counts"]["丙县"]["安全事故"] == "0"
    assert lines_by_unit(recompute(corrected))["丙县"].adjustments.deduction == D(0)
    assert corrected.inputs["values"] == published.inputs["values"]
    said = history(corrected)[1].text
    assert "丙县对扣分项“安全事故”提出异议，认为应为0" in said


def test_a_bulletin_dated_before_the_result_was_final_is_refused(published, settings):
    """Tryout 19: a 成文日期 before the 定稿 (and before the 公示 end) was accepted."""
    settings.GUANMO_TODAY = date(2025, 12, 8)
    final = finalise_result(published)
    for early in (date(2025, 12, 7), date(2025, 12, 3)):
        with pytest.raises(DocumentError, match=r"成文日期不能早于定稿日期（2025年12月8日）"):
            issue_bulletin(final, dated=early)
    assert issue_bulletin(final, dated=date(2025, 12, 8)).number == "焦作项目办〔2025〕1号"


WITH_VETO = Definition(DEFINITION.indicators, vetoes=("重大安全事故",))


@pytest.fixture
def vetoed(settings, tmp_path):
    """丙县, first on its values, vetoed (一票否决: placed last)."""
    settings.GUANMO_TODAY = TODAY
    settings.MEDIA_ROOT = tmp_path
    inputs = replace(INPUTS, vetoed=frozenset({"丙县"}))
    scheme = save_scheme(
        init_city("410800"), "2025年度", "综合考核", WITH_VETO, list(INPUTS.values)
    )
    return publish_result(scheme, inputs, days=5, runs=0)


def test_a_vetoed_unit_objects_to_the_veto_and_accepting_it_lifts_it(vetoed):
    """Tryout 19: a unit could not object to a 一票否决 set on it. Lifted, 丙县 is first again
    on its values, and the history says the veto was lifted and what the recompute moved."""
    assert objectable(vetoed)[-1] == "一票否决"
    assert ranks(vetoed)["丙县"] == 4
    with pytest.raises(ObjectionError, match="甲县未被一票否决，无需更正"):
        raise_objection(
            vetoed, attachment=letter(), unit="甲县", indicator="一票否决", value=None, reason="x"
        )
    objection = raise_objection(
        vetoed,
        attachment=letter(),
        unit="丙县",
        indicator="一票否决",
        value=None,
        reason="事故发生在市属企业，不属本县",
    )
    assert (objection.original, objection.claimed) == ("一票否决", "撤销一票否决")
    # the decision form names the veto item (issue 13, tryout 23)
    assert objection.claim_text == "丙县对“重大安全事故”一票否决提出异议，请求撤销"
    corrected = accept_objection(objection, reason="经应急管理局核实")
    assert corrected.inputs["vetoed"] == [] and ranks(corrected)["丙县"] == 1
    assert history(corrected)[1].text.startswith(
        "丙县对“重大安全事故”一票否决提出异议，请求撤销（事故发生在市属企业，不属本县）；"
        "采纳：经应急管理局核实；撤销一票否决，重新计算后丙县综合得分"
    )
    assert "位次由第4位变为第1位" in history(corrected)[1].text


def test_a_rejected_objection_to_the_veto_keeps_it_and_says_so(vetoed):
    objection = raise_objection(
        vetoed, attachment=letter(), unit="丙县", indicator="一票否决", value=D(0), reason="不服"
    )
    reject_objection(objection, reason="事故责任已认定")
    assert history(vetoed)[1].text.endswith("不予采纳：事故责任已认定，维持一票否决")
    assert ranks(current(vetoed))["丙县"] == 4


def test_two_attachments_of_one_name_keep_the_name_uploaded(published):
    """Issue 13, tryout 23: the second 沁阳异议函.docx was shown as 沁阳异议函_pNtT6Qg.docx, the
    name storage gave it; each objection shows the name its office uploaded."""
    objections = [
        raise_objection(
            published,
            attachment=letter("沁阳异议函.pdf"),
            unit=unit,
            indicator="投资完成率",
            value=D(99),
            reason="漏报",
        )
        for unit in ("甲县", "乙县")
    ]
    assert [o.attachment_name for o in objections] == ["沁阳异议函.pdf", "沁阳异议函.pdf"]
    assert objections[0].attachment.name != objections[1].attachment.name
