"""Parks' own figures on hand-worked numbers: the leading industries' share of 主营业务收入
against the 70% target in 个百分点, the built share of the planned area, and ranks among the
city's parks; a missing or zero base gives no share (issue 14, "Parks")."""

from decimal import Decimal

from guanmo.attraction.parks import ParkFacts, leading_share, standings

PARKS = [
    ParkFacts("示范区", revenue=Decimal("1500000"), leading_revenue=Decimal("894000"),
              planned_area=Decimal("30"), built_area=Decimal("18.5")),
    ParkFacts("高新区", revenue=Decimal("2100000"), leading_revenue=Decimal("1575000")),
    ParkFacts("武陟产业集聚区", revenue=Decimal("1500000"), leading_revenue=Decimal("1200000")),
    ParkFacts("新园区"),
]  # fmt: skip


def test_the_leading_share_is_of_main_business_revenue():
    assert leading_share(PARKS[0]) == Decimal("59.6")  # 894000 ÷ 1500000
    assert leading_share(ParkFacts("零", revenue=Decimal(0), leading_revenue=Decimal(0))) is None
    assert leading_share(PARKS[3]) is None


def test_standings_give_the_gap_to_the_target_and_ranks_with_ties():
    rows = {row.name: row for row in standings(PARKS)}

    assert rows["示范区"].vs_target == Decimal("-10.4")  # 59.6% against 70%
    assert rows["高新区"].vs_target == Decimal("5.0")  # 75.0%
    assert rows["示范区"].built_share == Decimal("61.7")  # 18.5 ÷ 30
    assert (rows["高新区"].revenue_rank, rows["示范区"].revenue_rank) == (1, 2)
    assert rows["示范区"].revenue_tied and rows["武陟产业集聚区"].revenue_tied
    assert [rows[n].share_rank for n in ("武陟产业集聚区", "高新区", "示范区")] == [1, 2, 3]
    assert (rows["新园区"].revenue_rank, rows["新园区"].vs_target) == (None, None)
    assert rows["高新区"].built_share is None


def test_the_gap_to_the_target_is_exact_and_rounded_once():
    """6665 of 10000 is 66.65%, shown 66.7: the gap to 70% is −3.35 points, −3.4 rounded once
    (figures.arithmetic.points_between), where the shown 66.7 − 70 would say −3.3; a park's own
    target counts the same way (66.65 against 66.7 is −0.05, −0.1, where 66.7 − 66.7 says 0)."""
    park = ParkFacts("孟州产业集聚区", revenue=Decimal("10000"), leading_revenue=Decimal("6665"))
    own = ParkFacts("温县产业集聚区", revenue=Decimal("10000"), leading_revenue=Decimal("6665"),
                    target=Decimal("66.7"))  # fmt: skip

    rows = {row.name: row for row in standings([park, own])}

    assert rows["孟州产业集聚区"].leading_share == Decimal("66.7")
    assert rows["孟州产业集聚区"].vs_target == Decimal("-3.4")
    assert rows["温县产业集聚区"].vs_target == Decimal("-0.1")
