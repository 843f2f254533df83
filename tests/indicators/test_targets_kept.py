"""Keeping annual targets (all or nothing, every fault named) and judging a region against its
own: the seed's 4.98 of 7.38万人 from stored figures."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from guanmo.indicators.choices import Profile
from guanmo.indicators.models import Indicator, PeerGroup, Target
from guanmo.indicators.selectors import target_standing
from guanmo.indicators.services import (
    Source,
    TargetInput,
    ValueInput,
    add_to_peer_group,
    set_targets,
    store_values,
)
from guanmo.regions.models import Region


@pytest.fixture
def poverty(city):
    return Indicator.objects.get(city=city, name="脱贫人口")


def test_the_seed_poverty_target_from_stored_figures(poverty, wuzhi):
    [target] = set_targets(poverty, 2025, [TargetInput(wuzhi, amount=D("7.38"))])
    store_values(poverty, 2025, 6, [ValueInput(wuzhi, D("4.98"))], source=Source.IMPORT, user=None)
    seen = target_standing(target, 6)
    assert (seen.done, seen.completion_rate, seen.node_target) == (D("4.98"), D("67.5"), D("3.69"))
    assert seen.both_over_half is True
    assert seen.forecast_rate == D("135.0")  # 4.98 ÷ (7.38 × 6/12)


def test_a_growth_target_is_judged_on_the_stored_growth(city, wuzhi):
    fai = Indicator.objects.get(city=city, name="固定资产投资")
    [target] = set_targets(fai, 2025, [TargetInput(wuzhi, growth=D("10"))])
    store_values(
        fai, 2025, 6, [ValueInput(wuzhi, D("61.2"), last_year=D("56"))], source="x", user=None
    )
    seen = target_standing(target, 6)
    assert seen.growth == D("9.3")  # 61.2 against 56: 9.28…%
    assert (seen.vs_target_growth, seen.both_over_half) == (D("-0.7"), False)


def test_a_region_without_a_figure_is_not_judged(poverty, wuzhi):
    [target] = set_targets(poverty, 2025, [TargetInput(wuzhi, amount=D("7.38"))])
    seen = target_standing(target, 6)
    assert seen.completion_rate is None and seen.both_over_half is None
    assert seen.node_target == D("3.69")


def test_targets_are_kept_all_or_nothing_and_every_fault_is_named(poverty, wuzhi, wenxian):
    set_targets(poverty, 2025, [TargetInput(wuzhi, amount=D("7"))])
    with pytest.raises(ValidationError) as refused:
        set_targets(
            poverty,
            2025,
            [
                TargetInput(wuzhi, amount=D("8")),
                TargetInput(wenxian, amount=D("7.3850001")),  # finer than kept
                TargetInput(wenxian, amount=D("1"), growth=D("10")),
                TargetInput(wuzhi, amount=D("1"), profile=Profile.BY_HAND, months=[D("1")] * 12),
            ],
        )
    faults = refused.value.messages
    assert len(faults) == 5
    assert "温县“脱贫人口”目标" in faults[0] and "超过6位小数" in faults[0]
    assert "只填一项" in faults[1]
    assert "合计12" in faults[2] and "武陟县" in faults[2]
    assert faults[3:] == ["武陟县“脱贫人口”目标填写了两次", "温县“脱贫人口”目标填写了两次"]
    assert Target.objects.get().amount == D("7")  # the earlier target is untouched


def test_a_target_set_again_replaces_the_old_one_and_its_hand_nodes(poverty, wuzhi):
    months = [D("0.5")] * 11 + [D("1.88")]
    [target] = set_targets(
        poverty,
        2025,
        [TargetInput(wuzhi, amount=D("7.38"), profile=Profile.BY_HAND, months=months)],
    )
    assert target.nodes.count() == 12
    [again] = set_targets(poverty, 2025, [TargetInput(wuzhi, growth=D("5"))])
    assert again.pk == target.pk
    assert (again.amount, again.growth, again.nodes.count()) == (None, D("5"), 0)


def test_a_peer_group_is_made_with_its_short_name_and_grows(city, wuzhi):
    other = Region.objects.create(code="610581", name="韩城市", kind=Region.Kind.COUNTY)
    with pytest.raises(ValidationError, match="简称"):
        add_to_peer_group(city, "同类县", [wuzhi])
    group = add_to_peer_group(city, "同类县", [wuzhi], short_name="同类县")
    add_to_peer_group(city, "同类县", [other])
    assert PeerGroup.objects.get() == group
    assert {r.name for r in group.members.all()} == {"武陟县", "韩城市"}
