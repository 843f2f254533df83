"""Tryout 15: a unit result could be made final (定稿) and issued (印发) only by the demo calling
`finalise_result`. The city office finalises on the results page (confirming what it freezes;
refused, saying why, while 公示 runs or objections are pending) and issues the bulletin there;
`guanmo assess-finalise RESULT [--issue DATE]` does the same from the command line."""

from datetime import date
from decimal import Decimal as D
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from guanmo.assessment.models import Result
from guanmo.assessment.objections import accept_objection, publish_result, raise_objection
from guanmo.assessment.services import save_scheme
from guanmo.documents.models import IssuedDocument, Kind
from tests.assessment.letters import letter
from tests.assessment.test_result_page import DEFINITION, INPUTS

FREEZES = "定稿后不再受理异议，得分、位次和等次不再更正，可据此印发通报"


@pytest.fixture
def published(world, settings):
    """Published on 1 December for 5 days: 公示 until 5 December."""
    settings.GUANMO_TODAY = date(2025, 12, 1)
    scheme = save_scheme(world.city, "2025年度", "综合考核", DEFINITION, list(INPUTS.values))
    return publish_result(scheme, INPUTS, days=5, runs=30, seed=1)


@pytest.fixture
def office(client, world):
    client.force_login(world.users["city"])
    return client


def page(client, result) -> str:
    return client.get(reverse("assessment_result", args=[result.pk])).content.decode()


def finalise(client, result, **posted):
    return client.post(reverse("assessment_finalise", args=[result.pk]), posted, follow=True)


def test_while_published_the_office_is_told_when_it_may_finalise(office, published):
    shown = page(office, published)
    assert "公示期至2025年12月5日，期满后方可定稿" in shown
    assert 'id="finalise"' not in shown
    response = finalise(office, published, confirm="on")
    assert "公示期至2025年12月5日，期满后方可定稿" in response.content.decode()
    published.refresh_from_db()
    assert published.status == Result.Status.PUBLISHED


def test_a_pending_objection_keeps_the_result_from_being_finalised(office, published, settings):
    raise_objection(
        published,
        attachment=letter(),
        unit="孟州市",
        indicator="投资完成率",
        value=D(75),
        reason="漏报",
    )
    settings.GUANMO_TODAY = date(2025, 12, 8)
    shown = page(office, published)
    assert "尚有1件异议未处理，不能定稿" in shown and 'id="finalise"' not in shown
    finalise(office, published, confirm="on")
    published.refresh_from_db()
    assert published.status == Result.Status.PUBLISHED


def test_after_the_period_the_office_confirms_and_finalises(office, published, settings):
    settings.GUANMO_TODAY = date(2025, 12, 8)
    shown = page(office, published)
    assert 'id="finalise"' in shown and FREEZES in shown
    # not confirmed: nothing is frozen
    response = finalise(office, published)
    assert "请确认定稿" in response.content.decode()
    published.refresh_from_db()
    assert published.status == Result.Status.PUBLISHED
    response = finalise(office, published, confirm="on")
    assert "考核结果已定稿" in response.content.decode()
    published.refresh_from_db()
    assert published.status == Result.Status.FINAL
    shown = page(office, published)
    assert 'id="finalise"' not in shown and 'id="issue-bulletin"' in shown


def test_the_final_result_is_issued_on_the_page(office, published, settings):
    settings.GUANMO_TODAY = date(2025, 12, 8)
    finalise(office, published, confirm="on")
    url = reverse("assessment_issue", args=[published.pk])
    response = office.post(url, {"dated": "2025-12-08"}, follow=True)
    assert "已印发焦作项目办〔2025〕1号" in response.content.decode()
    document = IssuedDocument.objects.get(kind=Kind.ASSESSMENT_BULLETIN)
    assert document.subject == f"assessment-{published.pk}"
    assert 'id="bulletin"' in page(office, published)
    assert 'id="issue-bulletin"' not in page(office, published)


@pytest.mark.parametrize("role", ["wuzhi", "leader"])
def test_only_the_city_office_finalises_and_issues(client, world, published, settings, role):
    settings.GUANMO_TODAY = date(2025, 12, 8)
    client.force_login(world.users[role])
    assert 'id="finalise"' not in page(client, published)
    assert finalise(client, published, confirm="on").status_code == 403
    url = reverse("assessment_issue", args=[published.pk])
    assert client.post(url, {"dated": "2025-12-08"}).status_code == 403
    published.refresh_from_db()
    assert published.status == Result.Status.PUBLISHED


def test_the_command_finalises_and_issues(published, settings):
    with pytest.raises(CommandError, match="期满后方可定稿"):
        call_command("assess-finalise", str(published.pk))
    settings.GUANMO_TODAY = date(2025, 12, 8)
    out = StringIO()
    call_command("assess-finalise", str(published.pk), "--issue", "2025-12-08", stdout=out)
    published.refresh_from_db()
    assert published.status == Result.Status.FINAL
    assert "已定稿" in out.getvalue() and "已印发焦作项目办〔2025〕1号" in out.getvalue()
    with pytest.raises(CommandError, match="考核结果已定稿"):
        call_command("assess-finalise", str(published.pk))
    with pytest.raises(CommandError, match="没有编号为999的考核结果"):
        call_command("assess-finalise", "999")


def test_the_command_given_a_superseded_result_refuses_naming_the_one_standing(published, settings):
    """Issue 13: it said 已被更正 and went on to finalise the standing result unasked."""
    objection = raise_objection(
        published,
        attachment=letter(),
        unit="孟州市",
        indicator="投资完成率",
        value=D(75),
        reason="漏报",
    )
    corrected = accept_objection(objection, reason="核实")
    settings.GUANMO_TODAY = date(2025, 12, 8)
    expected = (
        f"编号{published.pk}的结果已被更正，现行的是编号{corrected.pk}的结果，"
        f"请对编号{corrected.pk}的结果执行本命令"
    )
    with pytest.raises(CommandError, match=expected):
        call_command("assess-finalise", str(published.pk), "--issue", "2025-12-08")
    corrected.refresh_from_db()
    assert corrected.status == Result.Status.PUBLISHED
    assert not IssuedDocument.objects.exists()


def test_a_bulletin_dated_before_the_final_date_is_refused_on_the_page_and_by_the_command(
    office, published, settings
):
    """Tryout 19: 成文日期 2025-12-03 (before the 公示 end and the 定稿) was accepted."""
    settings.GUANMO_TODAY = date(2025, 12, 8)
    with pytest.raises(CommandError, match=r"成文日期不能早于定稿日期（2025年12月8日）"):
        call_command("assess-finalise", str(published.pk), "--issue", "2025-12-03")
    published.refresh_from_db()
    assert published.status == Result.Status.PUBLISHED  # refused before finalising
    finalise(office, published, confirm="on")
    url = reverse("assessment_issue", args=[published.pk])
    response = office.post(url, {"dated": "2025-12-07"}, follow=True)
    assert "成文日期不能早于定稿日期（2025年12月8日）" in response.content.decode()
    assert not IssuedDocument.objects.exists()
