"""Tryout 15: after the 公示 end date the page still said 公示中 and offered the objection form.
The state is said by the date (公示期已满，待定稿), the form is gone, and an objection posted
all the same is refused with a message."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.assessment.models import Objection
from guanmo.assessment.objections import publish_result, raise_objection, stage
from guanmo.assessment.services import save_scheme
from tests.assessment.letters import letter
from tests.assessment.test_result_page import DEFINITION, INPUTS


@pytest.fixture
def published(world, settings):
    """Published on 1 December for 5 days: 公示 until 5 December."""
    settings.GUANMO_TODAY = date(2025, 12, 1)
    scheme = save_scheme(world.city, "2025年度", "综合考核", DEFINITION, list(INPUTS.values))
    return publish_result(scheme, INPUTS, days=5, runs=0)


def test_the_state_follows_the_date(published):
    assert stage(published, on=date(2025, 12, 5)) == "公示中，公示至2025年12月5日"
    assert stage(published, on=date(2025, 12, 6)) == "公示期已满（2025年12月5日），待定稿"


def test_after_the_period_the_page_says_so_and_offers_no_objection_form(
    client, world, published, settings
):
    client.force_login(world.users["wuzhi"])
    url = reverse("assessment_result", args=[published.pk])
    shown = client.get(url).content.decode()
    assert "公示中，公示至2025年12月5日" in shown and 'id="objection"' in shown
    settings.GUANMO_TODAY = date(2025, 12, 6)
    shown = client.get(url).content.decode()
    assert "公示期已满（2025年12月5日），待定稿" in shown
    assert "公示中" not in shown and 'id="objection"' not in shown
    response = client.post(
        reverse("assessment_object", args=[published.pk]),
        {"indicator": "投资完成率", "value": "99", "reason": "漏报", "attachment": letter()},
        follow=True,
    )
    assert "公示期已于2025年12月5日结束，不能再提出异议" in response.content.decode()
    assert not Objection.objects.exists()


def test_the_list_says_the_state_by_the_date(client, world, published, settings):
    client.force_login(world.users["city"])
    settings.GUANMO_TODAY = date(2025, 12, 6)
    shown = client.get(reverse("assessment_results")).content.decode()
    assert "公示期已满（2025年12月5日），待定稿" in shown and "公示中" not in shown


def test_the_list_and_the_page_say_objections_pending_after_the_period(
    client, world, published, settings
):
    """Issue 13: with an objection still pending the list said 公示期已满（…），待定稿."""
    raise_objection(
        published,
        attachment=letter(),
        unit="孟州市",
        indicator="投资完成率",
        value=Decimal(99),
        reason="漏报",
    )
    settings.GUANMO_TODAY = date(2025, 12, 6)
    assert stage(published) == "公示期已满，尚有1件异议待处理"
    client.force_login(world.users["city"])
    listed = client.get(reverse("assessment_results")).content.decode()
    page = client.get(reverse("assessment_result", args=[published.pk])).content.decode()
    for shown in (listed, page):
        assert "公示期已满，尚有1件异议待处理" in shown and "待定稿" not in shown
