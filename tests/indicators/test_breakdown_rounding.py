"""An equal breakdown's nodes are the exact share rounded half-up to the unit's real step, a
coarse step's ceiling rounded down and target up, said beside the exact share (tryout 21 (3));
按上年进度分解 is refused without last year's whole year (tryout 21 (4))."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from guanmo.figures.breakdown import break_down, equal_weights
from guanmo.indicators.arithmetic import Rule
from guanmo.indicators.choices import Direction, Profile
from guanmo.indicators.models import Indicator, Target
from guanmo.indicators.sentences import target_sentence
from guanmo.indicators.services import TargetInput, set_targets
from guanmo.indicators.targets import standing


def test_a_count_in_wan_is_broken_down_to_one_person_and_june_is_half():
    # 中站区 脱贫人口 5000人 = 0.5万人: 100人 steps made the June node 2600 (52%).
    step = Rule(places=2, unit="万人").target_step(D("0.5"))
    assert step == D("0.0001")
    plan = break_down(D("0.5"), equal_weights(), step)
    assert plan.node(6) == D("0.25")
    assert plan.node(1) == D("0.0417")  # 416.67人 → 417人
    seen = standing(month=6, target=D("0.5"), done=D("0.2"), breakdown=plan)
    assert seen.vs_node == seen.vs_time_progress == D("-10.0")


def test_money_keeps_its_decimals_and_every_node_is_the_half_up_share():
    plan = break_down(
        D("25.70"), equal_weights(), Rule(places=2, unit="亿元").target_step(D("25.70"))
    )
    assert plan.node(6) == D("12.85")  # not 12.86
    assert [plan.node(m) for m in (1, 2, 3)] == [D("2.14"), D("4.28"), D("6.43")]  # 2.141…, 6.425
    assert sum(plan.months) == D("25.70")


def test_a_coarse_ceiling_is_rounded_down_and_the_exact_share_said_beside_it():
    plan = break_down(D(5), equal_weights(), D(1), ceiling=True)
    assert [plan.node(m) for m in range(1, 13)] == [
        D(n) for n in (0, 0, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5)
    ]
    seen = standing(month=6, target=D(5), done=D(3), breakdown=plan, direction=Direction.LOWER)
    assert (seen.node_target, seen.node_exact) == (D(2), D("2.5"))
    said = target_sentence(
        "孟州市赴京访批次",
        D(3),
        "批",
        0,
        seen.completion_rate,
        lower_is_better=True,
        vs_pace=seen.vs_pace,
        node_target=seen.node_target,
        node_exact=seen.node_exact,
    )
    assert "（序时控制数2批，按序时应为2.5批）" in said  # one bracket (tryout 26 item 13)


def test_a_coarse_target_to_reach_is_rounded_up():
    plan = break_down(D(5), equal_weights(), D(1))
    assert plan.node(6) == D(3)
    assert standing(month=6, target=D(5), done=D(3), breakdown=plan).node_exact == D("2.5")
    assert standing(month=12, target=D(5), done=D(3), breakdown=plan).node_exact is None


def test_seasonal_profile_without_last_years_whole_year_is_refused_naming_what_is_had(city):
    revenue = Indicator.objects.get(city=city, name="一般公共预算收入")
    jiefang = city.children.get(name="解放区")

    with pytest.raises(ValidationError) as refused:
        set_targets(revenue, 2025, [TargetInput(jiefang, D("25.7"), profile=Profile.SEASONAL)])

    assert refused.value.messages == [
        "解放区“一般公共预算收入”目标不能按上年进度分解：按上年进度分解需要上年12月（全年）的累计数"
        "（上年已有累计数的月份：无），请先导入上年各月数据，或改用平均分解、手工分解"
    ]
    assert not Target.objects.exists()


def test_a_kept_seasonal_target_without_last_year_says_why_its_node_is_a_dash(city):
    # tryout 21 (4): kept before the refusal (or last year's figures removed since), its 序时目标
    # and forecast showed "—" with no word.
    import io

    from django.core.management import call_command

    from guanmo.indicators.services import ValueInput, install_city_peer_group, store_values

    install_city_peer_group(city)
    revenue = Indicator.objects.get(city=city, name="一般公共预算收入")
    jiefang = city.children.get(name="解放区")
    Target.objects.create(
        indicator=revenue, region=jiefang, year=2025, amount=D("25.7"), profile=Profile.SEASONAL
    )
    store_values(revenue, 2025, 6, [ValueInput(jiefang, D("12"))], source="", user=None)
    out = io.StringIO()

    call_command("indicator-report", "--year", "2025", "--month", "6", stdout=out)

    assert (
        "注：解放区一般公共预算收入按上年进度分解无法分解（按上年进度分解需要上年12月（全年）的累计数），"
        "序时目标、较序时进度和预计全年完成无从计算。"
    ) in out.getvalue().splitlines()
