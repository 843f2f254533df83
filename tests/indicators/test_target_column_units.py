"""The targets table says one indicator's amounts in one unit, its own (tryout 29 item 10:
「城关镇 1.37亿元 / 郇封镇 7621万元」 in one column), as the indicator tables do."""

from decimal import Decimal

from guanmo.indicators.report import build_report
from guanmo.indicators.report_output import target_rows
from guanmo.indicators.services import TargetInput, set_targets
from tests.indicators.test_whole_targets_in_report import _county_with_towns_entered


def test_one_indicators_amounts_share_its_unit_down_the_column(db):
    county, _investment, revenue = _county_with_towns_entered(8)
    chengguan, zhouzhuang = county.children.order_by("sort_order", "code")
    set_targets(
        revenue,
        2025,
        [TargetInput(chengguan, amount=Decimal("1.60")), TargetInput(zhouzhuang, Decimal("1.40"))],
    )

    rows = {row[0]: row for row in target_rows(build_report(county, 2025, 8).targets)}

    assert rows["城关镇"][4] == "1.10亿元"
    assert rows["周庄镇"][4] == "0.98亿元"  # not 9800万元 beside 1.10亿元
    assert rows["周庄镇"][2] == "1.40亿元"
