"""Early warnings on hand-worked dates: signed and not landed after N months, landed and not
started after N months, started with no funds in place (issue 14)."""

from datetime import date

from guanmo.attraction.early_warnings import (
    early_warnings,
    landed_not_started,
    months_passed,
    signed_not_landed,
    started_without_funds,
)
from tests.attraction.facts import lead


def test_months_passed_are_whole_calendar_months():
    assert months_passed(date(2025, 1, 31), date(2025, 7, 30)) == 5
    assert months_passed(date(2025, 1, 31), date(2025, 7, 31)) == 6
    assert months_passed(date(2024, 12, 15), date(2025, 6, 15)) == 6


def test_signed_and_not_landed_fires_once_the_months_have_passed():
    leads = [
        lead("满六个月", 签约="2025-01-10"),
        lead("差一天", 签约="2025-01-11"),
        lead("已落地", 签约="2024-10-01", 落地="2025-07-01"),
        lead("已开工未填落地", 签约="2024-10-01", 开工="2025-03-01"),
        lead("落地在后", 签约="2024-10-01", 落地="2025-08-01"),
    ]

    found = signed_not_landed(leads, date(2025, 7, 10), months=6)

    assert [warning.lead for warning in found] == ["满六个月", "落地在后"]
    assert found[0].text == "满六个月于2025年1月10日签约，已满6个月仍未落地"
    assert found[1].text == "落地在后于2024年10月1日签约，已满9个月仍未落地"


def test_landed_and_not_started_fires_after_its_months():
    leads = [
        lead("落地三月", 签约="2025-01-01", 落地="2025-04-10"),
        lead("落地两月", 签约="2025-01-01", 落地="2025-05-11"),
        lead("已开工", 签约="2025-01-01", 落地="2025-02-01", 开工="2025-03-01"),
    ]

    found = landed_not_started(leads, date(2025, 7, 10), months=3)

    assert [(w.lead, w.kind) for w in found] == [("落地三月", "落地未开工")]
    assert landed_not_started(leads, date(2025, 7, 10), months=0)[1].lead == "落地两月"


def test_started_with_no_funds_in_place_is_warned():
    leads = [
        lead("无资金", 签约="2025-01-01", 开工="2025-03-01"),
        lead("资金七月才到", 签约="2025-01-01", 开工="2025-03-01", funds=((2025, 7, "100"),)),
        lead("有资金", 签约="2025-01-01", 开工="2025-03-01", funds=((2025, 4, "100"),)),
        lead("到位为零", 签约="2025-01-01", 开工="2025-03-01", funds=((2025, 4, "0"),)),
        lead("未开工", 签约="2025-01-01"),
    ]

    found = started_without_funds(leads, date(2025, 6, 30), now=date(2025, 6, 30))

    assert [w.lead for w in found] == ["无资金", "资金七月才到", "到位为零"]
    assert found[0].text == "无资金于2025年3月1日开工，至今无到位资金"


def test_all_warnings_come_in_the_order_of_the_stages():
    leads = [
        lead("开工无资金", 签约="2025-01-01", 开工="2025-02-01"),
        lead("未落地", 签约="2024-01-01"),
        lead("未开工", 签约="2024-01-01", 落地="2024-06-01"),
    ]

    kinds = [w.kind for w in early_warnings(leads, date(2025, 6, 30))]

    assert kinds == ["签约未落地", "落地未开工", "开工无资金到位"]


def test_no_funds_to_this_day_is_judged_on_the_latest_record_not_the_periods_end():
    """Tryout 22: June's report warned 「…开工，至今无到位资金」 for projects with funds given as
    of October; 至今 is today, so the latest record decides."""
    leads = [
        lead("十月到位", 签约="2025-01-01", 开工="2025-03-01", funds=((2025, 10, "30000"),)),
        lead("从未到位", 签约="2025-01-01", 开工="2025-03-01"),
    ]

    found = started_without_funds(leads, date(2025, 6, 30), now=date(2025, 12, 1))

    assert [w.lead for w in found] == ["从未到位"]
    assert found[0].text == "从未到位于2025年3月1日开工，至今无到位资金"
