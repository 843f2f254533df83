"""The monthly bulletin carries 用地情况 for a city that keeps land (issue 14: "the 招商 and land
sections in the monthly bulletin"): each unit's land supplied, started, idle by the rules' two
steps and per 亩, as the attraction report has it on the month's last day, and the idle parcels
named; a city with no parcel gets no such section.

Worked by hand on 30 April 2025: 武陟县 甲 100亩 supplied 2023-01-01 started 2023-06-01 (in
use, 20000万元: the one parcel carrying investment, so 亩均投资 200.00 over its 100亩), 乙 50亩
supplied 2024-03-01 (idle one year); 温县 丙 30亩 supplied 2022-01-01 (idle two years).
全市 180 supplied, 100 started, 80 idle: 50 one year, 30 two years."""

from datetime import date
from decimal import Decimal

from guanmo.attraction.bulletin import land_section
from guanmo.attraction.models import Parcel


def test_the_bulletin_land_section_gives_each_units_land_and_names_the_idle(world):
    for county, name, area, supplied, started, investment in [
        (world.wuzhi, "甲", 100, date(2023, 1, 1), date(2023, 6, 1), Decimal(20000)),
        (world.wuzhi, "乙", 50, date(2024, 3, 1), None, None),
        (world.wenxian, "丙", 30, date(2022, 1, 1), None, None),
    ]:
        Parcel.objects.create(
            city=world.city, county=county, name=name, area=area, supplied_on=supplied,
            started_on=started, investment=investment,
        )  # fmt: skip

    section = land_section(world.city, 2025, 4)

    assert section.heading == "用地情况"
    rows = section.table.text_rows()
    assert rows[0] == ["全市", "180.00", "100.00", "80.00", "50.00", "30.00", "200.00", "—"]
    assert {row[0]: row[1:6] for row in rows[1:]} == {
        "武陟县": ["150.00", "100.00", "50.00", "50.00", "0.00"],
        "温县": ["30.00", "0.00", "30.00", "0.00", "30.00"],
    }
    assert section.sentences[0] == (
        "截至4月底，全市已供地180亩、已动工100亩；闲置土地80亩，"
        "其中闲置满一年不满两年50亩（征缴土地闲置费）、闲置满两年30亩（无偿收回）。"
    )
    assert (
        "丙30亩闲置满两年" in section.sentences[1]
        and "乙50亩闲置满一年不满两年" in section.sentences[1]
    )
    # 20000万元 over 甲's 100亩, the one parcel carrying investment, not over all 180亩 (111.11)
    assert section.sentences[2] == (
        "全市亩均投资按有投资数据的1宗地、100亩计算；武陟县亩均投资按有投资数据的1宗地、100亩计算。"
    )


def test_a_city_without_land_gets_no_land_section(world):
    assert land_section(world.city, 2025, 4) is None


def test_the_land_table_fits_a4_with_thousands_and_a_long_park_name():
    """The demo's bulletin: 6,011.00亩 and 焦作高新技术产业开发区 under the eight heads."""
    from guanmo.attraction.land import LAND_HEADERS
    from guanmo.documents.tables import column_layout
    from guanmo.progress.sections import SectionTable

    row = ["焦作高新技术产业开发区", *(Decimal("6011.00") for _ in LAND_HEADERS[1:])]
    table = SectionTable(caption="", headers=LAND_HEADERS, rows=[row])

    (cells,) = table.text_rows()
    assert cells[1] == "6,011.00"
    assert column_layout(LAND_HEADERS, [cells]).widths  # raises when it does not fit
