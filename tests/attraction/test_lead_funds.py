"""Funds in place (到位资金) entered month by month on a lead's page by the offices that record
its stages: checked (signed first, no month ahead, a cumulative never falling), every change in
the lead's history, a stored month changed only with a reason (issue 14, tryout 13)."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.attraction.models import FundsInPlace, Lead, LeadChange, StageDate
from guanmo.attraction.stages import Stage
from tests.world import YEAR


@pytest.fixture
def signed(world, settings):
    settings.GUANMO_TODAY = date(YEAR, 8, 15)
    lead = Lead.objects.create(
        city=world.city, county=world.wuzhi, name="智能传感器项目", register_year=YEAR,
        contract_investment=Decimal(35000),
    )  # fmt: skip
    StageDate.objects.create(lead=lead, stage=Stage.SIGNED, reached=date(YEAR, 3, 10))
    return lead


def _enter(client, world, lead, who="wuzhi", **data):
    client.force_login(world.users[who])
    return client.post(reverse("attraction_lead_funds", args=[lead.pk]), data)


def test_the_county_enters_funds_by_month_and_the_history_keeps_them(client, world, signed):
    first = _enter(client, world, signed, year=YEAR, month=4, cumulative="5000")
    second = _enter(client, world, signed, year=YEAR, month=6, cumulative="12000.5")

    assert first.status_code == second.status_code == 302
    rows = [(row.month, row.cumulative) for row in signed.funds.order_by("month")]
    assert rows == [(4, Decimal(5000)), (6, Decimal("12000.5"))]
    change = LeadChange.objects.get(lead=signed, field=f"{YEAR}年6月累计到位资金")
    assert (change.old_value, change.new_value, change.user) == (
        "",
        "12000.5万元",  # with its unit (tryout 32: 「（空） → 1500」)
        world.users["wuzhi"],
    )
    page = client.get(reverse("attraction_lead", args=[signed.pk])).content.decode()
    assert f"截至{YEAR}年6月底累计12,000.50万元" in page
    assert 'id="funds-form"' in page


@pytest.mark.parametrize(
    ("month", "cumulative", "message"),
    [
        (2, "100", f"{YEAR}年2月早于签约（{YEAR}年3月10日），签约后才有到位资金"),
        (9, "100", f"{YEAR}年9月尚未到来，不能填写"),
        (7, "4000", f"累计到位资金不能少于{YEAR}年4月已填的5,000.00万元"),
        (3, "6000", f"累计到位资金不能多于{YEAR}年4月已填的5,000.00万元"),
        (5, "-1", "确保该值大于或等于0"),
    ],
)
def test_a_wrong_month_or_figure_is_refused_and_nothing_changes(
    client, world, signed, month, cumulative, message
):
    FundsInPlace.objects.create(lead=signed, year=YEAR, month=4, cumulative=Decimal(5000))

    page = _enter(client, world, signed, year=YEAR, month=month, cumulative=cumulative)

    assert page.status_code == 200
    assert message in page.content.decode()
    assert list(signed.funds.values_list("month", flat=True)) == [4]
    assert not LeadChange.objects.filter(lead=signed).exists()


def test_changing_a_stored_month_needs_a_reason(client, world, signed):
    FundsInPlace.objects.create(lead=signed, year=YEAR, month=4, cumulative=Decimal(5000))

    refused = _enter(client, world, signed, year=YEAR, month=4, cumulative="5200")
    saved = _enter(
        client, world, signed, year=YEAR, month=4, cumulative="5200", reason="核对到账凭证"
    )

    assert "修改已填的" in refused.content.decode() and "请写明原因" in refused.content.decode()
    assert saved.status_code == 302
    change = LeadChange.objects.get(lead=signed)
    assert (change.old_value, change.new_value, change.reason) == (
        "5000万元",
        "5200万元",
        "核对到账凭证",
    )


def test_a_lead_not_signed_takes_no_funds(client, world, signed):
    signed.stages.all().delete()

    page = _enter(client, world, signed, year=YEAR, month=4, cumulative="100")

    assert "尚未签约，不能填写到位资金" in page.content.decode()
    assert not signed.funds.exists()


def test_the_county_of_another_lead_may_not_enter(client, world, signed):
    assert (
        _enter(client, world, signed, who="wenxian", year=YEAR, month=4, cumulative="1").status_code
        == 404
    )
    assert (
        _enter(client, world, signed, who="leader", year=YEAR, month=4, cumulative="1").status_code
        == 403
    )
    assert not signed.funds.exists()


def test_the_funds_form_offers_the_latest_month_as_typed(client, world, signed):
    FundsInPlace.objects.create(lead=signed, year=YEAR, month=4, cumulative=Decimal("5000.0000"))
    client.force_login(world.users["wuzhi"])

    page = client.get(reverse("attraction_lead", args=[signed.pk])).content.decode()

    assert 'value="5000"' in page and "5000.0000" not in page
