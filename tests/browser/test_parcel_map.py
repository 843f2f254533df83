"""The map of parcels by state in the browser: the parcels drawn in their state's colour beside
the projects, a legend in Chinese counting each state, a layer switch, and the parcels without
a place listed beside the map (issue 14, "Land and 亩均")."""

from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from guanmo.attraction.models import Parcel
from tests.browser.pages import log_in


@pytest.fixture
def parcels(transactional_db, world, settings):
    settings.GUANMO_TODAY = date(2025, 12, 15)
    for name, supplied, started, place in [
        ("WZ-01", date(2022, 5, 1), None, ("35.08", "113.40")),  # idle two years
        ("WZ-02", date(2025, 3, 1), date(2025, 6, 1), ("35.10", "113.45")),  # started
        ("WZ-03", date(2025, 10, 1), None, None),  # supplied, no place
    ]:
        Parcel.objects.create(
            city=world.city, county=world.wuzhi, name=name, area=Decimal(50),
            supplied_on=supplied, started_on=started,
            latitude=Decimal(place[0]) if place else None,
            longitude=Decimal(place[1]) if place else None,
        )  # fmt: skip


def test_the_map_draws_parcels_by_state_with_a_legend_and_lists_the_unplaced(
    live_server, desktop, parcels
):
    page = log_in(desktop, live_server.url, "wuzhi")
    page.goto(f"{live_server.url}/map/")
    page.locator("#map[data-parcels-ready='2']").wait_for(state="attached")

    legend = page.locator("#parcel-legend")
    expect(legend).to_contain_text("地块状态")
    assert legend.locator("[data-state='idle_two_years']").inner_text() == "闲置满两年（1）"
    assert legend.locator("[data-state='started']").inner_text() == "已动工在建（1）"
    # WZ-03 has no place: counted in its state all the same, and said not drawn and why.
    assert legend.locator("[data-state='supplied']").inner_text() == "已供地未动工（1）"
    expect(legend.locator(".legend-total")).to_have_text(
        "共3个，图上2个；1个未填经度、纬度，未在图上显示，见“未标注位置的地块”"
    )
    fills = page.locator("#map path.leaflet-interactive").evaluate_all(
        "shapes => shapes.map(s => s.getAttribute('fill'))"
    )
    assert "#d64545" in fills and "#3ebd93" in fills  # idle two years, started
    expect(page.locator(".leaflet-control-layers")).to_contain_text("用地地块")
    assert page.locator("#unplaced-parcels li").all_inner_texts() == [
        "WZ-03 武陟县 50亩 已供地未动工（未填经度、纬度）"
    ]
