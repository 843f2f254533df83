"""The targets table on 指标调度 and a county's page (issue 12, tryout 12): why a 双过半 is
"—", what each unit missed, each target's breakdown nodes, the city's place in the province,
and a reported rank that disagrees with the computed one."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from guanmo.indicators.choices import Profile
from guanmo.indicators.models import Indicator
from guanmo.indicators.services import TargetInput, ValueInput, set_targets, store_values
from tests.indicators.pages import indicator_city
from tests.indicators.sheets import import_province_cities
from tests.world import YEAR


@pytest.fixture
def figures(world):
    return indicator_city(world)


def page(client, user, url: str) -> str:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _june(world, figures):
    """June: 武陟县 has done 3.0 of 7.38万人 脱贫人口 (40.7%, missed) and 温县 has its
    贫困村退出-like task broken down by hand to fall due mostly after June (49.8% by June)."""
    poverty = figures.poverty
    store_values(poverty, YEAR, 6, [ValueInput(world.wuzhi, D("3.0"))], source="", user=None)
    late = [D(0)] * 5 + [D("4.98")] + [D("0.84")] * 5 + [D("0.82")]
    set_targets(
        poverty,
        YEAR,
        [TargetInput(world.wenxian, amount=D("10.00"), profile=Profile.BY_HAND, months=late)],
    )
    store_values(poverty, YEAR, 6, [ValueInput(world.wenxian, D("2.0"))], source="", user=None)


def test_the_board_says_why_a_both_over_half_is_blank_and_what_each_unit_missed(
    client, world, figures
):
    _june(world, figures)
    body = page(client, world.users["city"], reverse("indicator_board") + "?year=2025&month=6")
    assert "按分解到6月底应完成49.8%，不足一半，不评双过半" in body
    assert "<li>武陟县：时间过半、任务未过半：脱贫人口（完成40.7%）</li>" in body
    assert "温县：" not in body[body.index('id="half-missed"') :]
    county = page(
        client,
        world.users["wuzhi"],
        reverse("county_places") + "?year=2025&month=6",
    )
    assert "武陟县：时间过半、任务未过半：脱贫人口（完成40.7%）" in county


def test_no_note_outside_the_half_year(client, world, figures):
    body = page(client, world.users["city"], reverse("indicator_board") + "?year=2025&month=5")
    assert "不评双过半" not in body and 'id="half-missed"' not in body


def test_each_targets_nodes_are_shown_with_what_was_done_by_the_nodes_reached(
    client, world, figures
):
    # 武陟县脱贫人口7.38万人, equal, to 1人: 3.075 due by May (shown 3.08, 41.7%): 27.1%, −14.6
    body = page(client, world.users["city"], reverse("indicator_board") + "?year=2025&month=5")
    nodes = body[body.index('id="target-nodes"') :]
    assert "武陟县·脱贫人口（全年7.38万人，平均分解）" in nodes
    assert "<td>3月（一季度末）</td>" in nodes
    may = nodes[nodes.index('<tr class="reached"><td>5月</td>') :]
    may = may[: may.index("</tr>")]
    assert 'data-label="实际累计">2.00</td>' in may
    assert 'data-label="完成率">27.1%</td>' in may
    assert 'data-label="月末计划累计">3.08</td>' in may and ">-14.6</td>" in may
    june = nodes[nodes.index("<td>6月（二季度末）</td>") - 4 :]
    assert june.startswith("<tr>")  # not reached: nothing done said
    county = page(client, world.users["wuzhi"], reverse("county_places") + "?year=2025&month=5")
    assert "武陟县·脱贫人口（全年7.38万人，平均分解）" in county


def test_a_target_under_one_of_its_unit_is_broken_down_in_the_smaller_unit(client, world, figures):
    # 温县's 0.30万人 year, equal to 1人 (tryout 21 (3): 100人 steps front-loaded it): 250人 a
    # month, 750人 by March; 1200人 done by May
    # (as its row and sentence say: `amount_text`, one rule for all three).
    poverty = figures.poverty
    set_targets(poverty, YEAR, [TargetInput(world.wenxian, amount=D("0.30"))])
    store_values(poverty, YEAR, 5, [ValueInput(world.wenxian, D("0.12"))], source="", user=None)
    body = page(client, world.users["city"], reverse("indicator_board") + "?year=2025&month=5")
    nodes = body[body.index('id="target-nodes"') :]
    assert "温县·脱贫人口（全年3000人，平均分解）" in nodes
    wenxian = nodes[nodes.index("温县·脱贫人口") :]
    march = wenxian[wenxian.index("<td>3月（一季度末）</td>") :]
    assert 'data-label="月末计划累计">750</td>' in march[: march.index("</tr>")]
    targets = body[body.index('id="targets"') : body.index('id="target-nodes"')]
    # beside 武陟县's 7.38万人 in the same column: one unit, the indicator's (tryout 29 item 10)
    assert "0.12万人" in targets and "0.30万人" in targets and "1200人" not in targets
    assert "温县脱贫人口完成1200人，占全年目标任务的40.0%。" in body


def test_the_board_shows_the_citys_place_in_the_province(client, world, figures, tmp_path):
    import_province_cities(tmp_path, ranks=(2, 1, 3))
    body = page(client, world.users["city"], reverse("indicator_board") + "?year=2025&month=6")
    assert "焦作市在全省18个省辖市（3个）中的位次" in body
    assert "1—6月，全市固定资产投资完成988.3亿元，同比增长9.0%，增速居全省第2位。" in body
    # said once: not again in the city's own block (tryout 17: twice, disagreeing on growth)
    investment = Indicator.objects.get(city=world.city, name="固定资产投资")
    given = [ValueInput(world.wuzhi, D(100), D(95))]
    store_values(investment, 2025, 6, given, source="", user=None)
    body = page(client, world.users["city"], reverse("indicator_board") + "?year=2025&month=6")
    assert body.count("全市固定资产投资完成988.3亿元") == 1


def test_a_reported_rank_that_disagrees_is_marked_with_its_reason(client, world, figures, tmp_path):
    import_province_cities(tmp_path, ranks=(2, 1, 3))
    url = reverse("indicator_board") + "?year=2025&month=6&group=全省18个省辖市"
    body = page(client, world.users["city"], url)
    assert "上报位次第3位，按数据计算第2位" in body
    assert 'class="rank-disagrees" title="位次按增速在“全省18个省辖市”中由报送数据计算' in body
    # 焦作市 reported 3 (by growth 2), so 郑州市 reported 2 (by growth 3); 新乡市 agrees
    assert body.count('class="rank-disagrees"') == 2
