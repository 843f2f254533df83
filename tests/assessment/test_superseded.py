"""Tryout 15: a result replaced after an accepted objection was marked only 已更正, with no link
to the result standing, and its history ended with the corrected result's 定稿. A superseded
result says so in a banner linking the result that replaced it, the corrected result links
back, each history ends at its own end, and the page's JSON gives both ids."""

import json
import re
from datetime import UTC, date, datetime
from decimal import Decimal as D

import pytest
from django.urls import reverse

from guanmo.assessment.history import history
from guanmo.assessment.objections import (
    accept_objection,
    finalise_result,
    publish_result,
    raise_objection,
)
from guanmo.assessment.services import save_scheme
from tests.assessment.letters import letter
from tests.assessment.test_result_page import DEFINITION, INPUTS


@pytest.fixture
def corrected(world, settings):
    """Published 1 December, corrected on 3 December, final on 8 December: (first, second)."""
    settings.GUANMO_TODAY = date(2025, 12, 1)
    scheme = save_scheme(world.city, "2025年度", "综合考核", DEFINITION, list(INPUTS.values))
    first = publish_result(scheme, INPUTS, days=5, runs=0)
    objection = raise_objection(
        first,
        attachment=letter(),
        unit="孟州市",
        indicator="投资完成率",
        value=D(99),
        reason="漏报一个项目",
    )
    settings.GUANMO_TODAY = date(2025, 12, 3)
    second = accept_objection(objection, reason="经核实")
    settings.GUANMO_TODAY = date(2025, 12, 8)
    finalise_result(second)
    first.refresh_from_db()
    second.refresh_from_db()
    return first, second


def page(client, result) -> str:
    return client.get(reverse("assessment_result", args=[result.pk])).content.decode()


def test_a_superseded_result_says_which_result_stands_and_links_it(client, world, corrected):
    first, second = corrected
    client.force_login(world.users["city"])
    shown = page(client, first)
    said = f"本结果已被编号{second.pk}的结果更正（2025年12月3日），以更正后结果为准"
    assert said in shown
    assert f'href="{reverse("assessment_result", args=[second.pk])}"' in shown


def test_the_corrected_result_links_back(client, world, corrected):
    first, second = corrected
    client.force_login(world.users["wuzhi"])
    shown = page(client, second)
    assert f"本结果更正自编号{first.pk}的结果（2025年12月1日发布公示）" in shown
    assert f'href="{reverse("assessment_result", args=[first.pk])}"' in shown


def test_each_history_ends_at_its_own_end(corrected):
    """Tryout 19: the history said its dates as 2025-12-01 where every other page says
    2025年12月1日 (`documents.official.chinese_date`)."""
    first, second = corrected
    steps = [step.text for step in history(first)]
    assert steps[0] == "2025年12月1日发布公示"
    assert steps[-1] == f"2025年12月3日更正为编号{second.pk}的结果"
    assert not any("定稿" in text for text in steps)
    steps = [step.text for step in history(second)]
    assert steps[-1] == "2025年12月8日定稿"


def test_the_pages_json_carries_both_ids(client, world, corrected):
    first, second = corrected
    client.force_login(world.users["city"])
    url = reverse("assessment_result", args=[first.pk])
    response = client.get(url, {"format": "json"})
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    assert (data["id"], data["supersedes"], data["superseded_by"]) == (first.pk, None, second.pk)
    assert data["status"] == "已更正"
    assert data["units"] == first.output["units"]
    data = client.get(reverse("assessment_result", args=[second.pk]), {"format": "json"}).json()
    assert (data["supersedes"], data["superseded_by"], data["status"]) == (first.pk, None, "已定稿")


def test_no_result_is_numbered_like_a_document_number(client, world, corrected):
    """A result is 结果编号N / 编号N的结果, never 第N号 (read as a 文号 such as 〔2025〕N号)."""
    first, second = corrected
    client.force_login(world.users["city"])
    for result in (first, second):
        shown = page(client, result)
        assert f"结果编号{result.pk}" in shown
        assert not re.search(r"第\d+号", shown)
    assert not any(re.search(r"第\d+号", step.text) for step in history(first))


def test_a_results_issue_is_said_on_its_day_in_beijing(client, world, corrected):
    """|chinese_date says a stored moment by its local day, as |date did: issued at 17:30 UTC on
    2 December is 3 December in Beijing."""
    first, second = corrected
    type(second).objects.filter(pk=second.pk).update(
        issued_at=datetime(2025, 12, 2, 17, 30, tzinfo=UTC)
    )
    client.force_login(world.users["city"])

    assert f"本结果已被编号{second.pk}的结果更正（2025年12月3日）" in page(client, first)
