"""The city office's page for a year's targets (年度目标): every region's amount or growth and
its breakdown, kept through `services.set_targets` all or nothing, with their history."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from guanmo.indicators.choices import Profile
from guanmo.indicators.models import Target, TargetChange
from guanmo.indicators.services import TargetInput, ValueInput, set_targets, store_values
from tests.indicators.pages import indicator_city


@pytest.fixture
def figures(world):
    return indicator_city(world)


def url(indicator) -> str:
    return reverse("target_form") + f"?year=2025&indicator={indicator.pk}"


def post(client, user, indicator, data: dict):
    client.force_login(user)
    return client.post(url(indicator), {"year": "2025", "indicator": indicator.pk, **data})


def test_the_board_links_to_the_targets_page_for_the_city_office(client, world, figures):
    client.force_login(world.users["city"])
    body = client.get(reverse("indicator_board")).content.decode()
    assert reverse("target_form") in body


def test_the_city_office_sets_amounts_and_profiles_and_the_history_is_kept(client, world, figures):
    poverty, wenxian, wuzhi = figures.poverty, world.wenxian, world.wuzhi
    # last year's whole year, every month of it, which 按上年进度分解 of a monthly indicator
    # needs (tryout 21 (4), tryout 26 item 3)
    for month in range(1, 13):
        amount = D("7") if month == 12 else D("0.5") * month
        store_values(poverty, 2024, month, [ValueInput(wuzhi, amount)], source="", user=None)
    months = {f"m{month}-{wenxian.pk}": "1" for month in range(1, 13)}
    response = post(
        client,
        world.users["city"],
        poverty,
        {
            f"a-{wuzhi.pk}": "８.5",
            f"p-{wuzhi.pk}": Profile.SEASONAL,
            f"a-{wenxian.pk}": "12",
            f"p-{wenxian.pk}": Profile.BY_HAND,
            **months,
            "reason": "市政府常务会议调整",
        },
    )
    assert response.status_code == 302
    kept = Target.objects.get(indicator=poverty, region=wuzhi, year=2025)
    assert (kept.amount, kept.growth, kept.profile) == (D("8.5"), None, Profile.SEASONAL)
    by_hand = Target.objects.get(indicator=poverty, region=wenxian, year=2025)
    assert [node.amount for node in by_hand.nodes.all()] == [D(1)] * 12
    by_office = kept.changes.filter(user=world.users["city"])
    assert {(c.field, c.old_value, c.new_value, c.source, c.reason) for c in by_office} == {
        ("目标数额", "7.38", "8.5", "目标设定", "市政府常务会议调整"),
        ("分解方式", "平均分解", "按上年进度分解", "目标设定", "市政府常务会议调整"),
    }


def test_changing_a_target_already_set_needs_a_reason_and_a_new_one_does_not(
    client, world, figures
):
    poverty, wuzhi, wenxian = figures.poverty, world.wuzhi, world.wenxian
    changed = {f"a-{wuzhi.pk}": "8", f"p-{wuzhi.pk}": Profile.EQUAL}
    response = post(client, world.users["city"], poverty, changed)
    assert "修改已下达的目标须填写修改原因：武陟县" in response.content.decode()
    assert Target.objects.get(indicator=poverty, region=wuzhi).amount == D("7.38")

    first = {f"a-{wenxian.pk}": "3", f"p-{wenxian.pk}": Profile.EQUAL}
    assert post(client, world.users["city"], poverty, first).status_code == 302
    assert Target.objects.get(indicator=poverty, region=wenxian).amount == D("3")


def test_a_growth_target_is_kept(client, world, figures):
    response = post(
        client, world.users["city"], figures.investment, {f"g-{world.wuzhi.pk}": "10.5%"}
    )
    assert response.status_code == 302
    kept = Target.objects.get(indicator=figures.investment, region=world.wuzhi)
    assert (kept.amount, kept.growth) == (None, D("10.5"))


def test_bad_input_is_named_and_nothing_is_kept(client, world, figures):
    poverty, wenxian, wuzhi = figures.poverty, world.wenxian, world.wuzhi
    response = post(
        client,
        world.users["city"],
        poverty,
        {
            f"a-{wenxian.pk}": "5",
            f"a-{wuzhi.pk}": "1.1234567",
            f"g-{world.wuzhi.pk}": "",
            f"a-{world.city.pk}": "3",
            f"g-{world.city.pk}": "4",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "「武陟县·脱贫人口」目标数额：最多6位小数" in body
    assert "焦作市“脱贫人口”目标应填写目标数额或目标增速，且只填一项" in body
    assert not Target.objects.filter(indicator=poverty, region=wenxian).exists()
    assert Target.objects.get(indicator=poverty, region=wuzhi).amount == D("7.38")
    assert not TargetChange.objects.filter(user=world.users["city"]).exists()


def test_hand_nodes_that_do_not_add_up_are_refused_naming_the_region(client, world, figures):
    months = {f"m{month}-{world.wenxian.pk}": "1" for month in range(1, 13)}
    response = post(
        client,
        world.users["city"],
        figures.poverty,
        {f"a-{world.wenxian.pk}": "13", f"p-{world.wenxian.pk}": Profile.BY_HAND, **months},
    )
    assert response.status_code == 200
    assert "温县“脱贫人口”目标：" in response.content.decode()
    assert not Target.objects.filter(region=world.wenxian).exists()


def test_a_stored_target_is_not_cleared_by_a_blank_line(client, world, figures):
    response = post(client, world.users["city"], figures.poverty, {f"a-{world.wuzhi.pk}": ""})
    assert response.status_code == 200
    assert "「武陟县·脱贫人口」目标数额：已有目标，不能清空" in response.content.decode()
    assert Target.objects.get(indicator=figures.poverty, region=world.wuzhi).amount == D("7.38")


def test_the_page_shows_the_stored_targets(client, world, figures):
    client.force_login(world.users["city"])
    body = client.get(url(figures.poverty)).content.decode()
    assert f'name="a-{world.wuzhi.pk}" value="7.38"' in body
    assert "2025年度目标" in body


@pytest.mark.parametrize("role", ["wuzhi", "department", "commissioner"])
def test_only_the_city_office_sets_targets(client, world, figures, role):
    client.force_login(world.users[role])
    assert client.get(url(figures.poverty)).status_code == 403
    response = post(client, world.users[role], figures.poverty, {f"a-{world.wuzhi.pk}": "9"})
    assert response.status_code == 403
    assert Target.objects.get(region=world.wuzhi).amount == D("7.38")


def test_set_targets_records_what_changed_and_nothing_when_unchanged(world, figures):
    poverty, wuzhi = figures.poverty, world.wuzhi
    set_targets(poverty, 2025, [TargetInput(wuzhi, amount=D("7.38"))], user=world.users["city"])
    assert TargetChange.objects.filter(user__isnull=False).count() == 0
    set_targets(poverty, 2025, [TargetInput(wuzhi, growth=D("3"))], user=world.users["city"])
    changes = {
        (c.field, c.old_value, c.new_value)
        for c in TargetChange.objects.filter(user=world.users["city"])
    }
    assert changes == {("目标数额", "7.38", ""), ("目标增速（%）", "", "3")}


def test_a_growth_target_is_not_broken_down_by_hand(client, world, figures):
    months = {f"m{month}-{world.wuzhi.pk}": "1" for month in range(1, 13)}
    response = post(
        client,
        world.users["city"],
        figures.investment,
        {f"g-{world.wuzhi.pk}": "10", f"p-{world.wuzhi.pk}": Profile.BY_HAND, **months},
    )
    assert response.status_code == 200
    assert "武陟县“固定资产投资”目标是增速目标，不能手工分解" in response.content.decode()
    assert not Target.objects.filter(indicator=figures.investment).exists()


def test_a_target_broken_down_by_hand_shows_its_months(client, world, figures):
    months = [D("0.5")] * 11 + [D("1.88")]
    given = TargetInput(world.wuzhi, D("7.38"), profile=Profile.BY_HAND, months=months)
    set_targets(figures.poverty, 2025, [given])
    client.force_login(world.users["city"])
    body = client.get(url(figures.poverty)).content.decode()
    assert f'name="m12-{world.wuzhi.pk}" value="1.88"' in body
    assert f'name="m1-{world.wuzhi.pk}" value="0.5"' in body
    assert '<option value="by_hand" selected>' in body


def test_every_fault_of_the_page_is_named_at_once(client, world, figures):
    # tryout 29 item 5: a hand breakdown summing to 49 of 50 hid a seasonal one impossible
    # without last year's months until the first was mended
    poverty, wenxian, wuzhi = figures.poverty, world.wenxian, world.wuzhi
    months = {f"m{month}-{wenxian.pk}": "4" for month in range(1, 13)}
    months[f"m12-{wenxian.pk}"] = "5"  # 11 × 4 + 5 = 49
    response = post(
        client,
        world.users["city"],
        poverty,
        {
            f"a-{wenxian.pk}": "50",
            f"p-{wenxian.pk}": Profile.BY_HAND,
            **months,
            f"a-{wuzhi.pk}": "8",
            f"p-{wuzhi.pk}": Profile.SEASONAL,
            "reason": "调整",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "温县“脱贫人口”目标：12个月的分解数额合计49，与全年目标50不一致" in body
    assert "武陟县“脱贫人口”目标不能按上年进度分解" in body
    assert not Target.objects.filter(indicator=poverty, region=wenxian).exists()
