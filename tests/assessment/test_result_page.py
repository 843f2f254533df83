"""The results page: the ranking, rank intervals drawn as bars, each unit's points, the
sentences and the history, for those who see the city's ranking."""

from datetime import date
from decimal import Decimal as D

import pytest
from django.urls import reverse

from guanmo.assessment.definition import Definition, IndicatorRow, Inputs
from guanmo.assessment.objections import accept_objection, publish_result, raise_objection
from guanmo.assessment.scoring import Direction
from guanmo.assessment.services import save_scheme

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
        published, unit="武陟县", indicator="投资完成率", value=D(120), reason="数据有误"
    )
    corrected = accept_objection(objection, reason="核实无误")
    client.force_login(world.users["wuzhi"])
    page = client.get(reverse("assessment_result", args=[corrected.pk])).content.decode()
    assert "2025年度综合考核结果" in page
    assert "综合得分第一名为武陟县" in page
    assert page.count('class="rank-interval"') == 3
    assert 'aria-label="第1位"' in page
    assert "<th>投资完成率</th>" in page
    assert "重新计算后武陟县由第2位变为第1位，温县由第1位变为第2位" in page


def test_someone_outside_the_ranking_gets_nothing(client, world, published):
    client.force_login(world.users["department"])
    assert client.get(reverse("assessment_result", args=[published.pk])).status_code == 404
