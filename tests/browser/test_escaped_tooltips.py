"""A project name is text wherever a script shows it: in the route map's tooltips and the
project map's popups, a name holding markup is shown as written and never runs (issue 11:
stored XSS through the route map tooltip)."""

from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import Page

from guanmo.attraction.models import Parcel
from guanmo.ledger.models import Project
from guanmo.observation.models import Tour
from tests.browser.pages import log_in
from tests.observation.tours import build_tour

PAYLOAD = '<img src=x onerror="window.__xss=1">温县健康食品产业园'


@pytest.fixture
def planted(transactional_db, world):
    """The test city with 温县健康食品产业园 renamed to carry markup, every project placed on
    the map, and a one-day tour whose route visits the four projects in order."""
    Project.objects.filter(pk=world.projects["温县食品"].pk).update(name=PAYLOAD)
    for offset, project in enumerate(world.projects.values()):
        Project.objects.filter(pk=project.pk).update(
            latitude=Decimal("35.0") + Decimal(offset) / 20,
            longitude=Decimal("113.2") + Decimal(offset) / 20,
        )
    tour = build_tour(world)
    Tour.objects.filter(pk=tour.pk).update(
        start_latitude=Decimal("35.215"), start_longitude=Decimal("113.242")
    )
    for position, site in enumerate(tour.sites.order_by("pk"), start=1):
        site.day, site.position = 1, position
        site.save()
    return tour


def shown_texts(page: Page, selector: str, event: str, target: str) -> list[str]:
    """Fire `event` on every interactive map shape; collect the texts of `target` shown."""
    texts = []
    for shape in page.locator(selector).all():
        shape.dispatch_event(event)
        texts += page.locator(target).all_inner_texts()
    return texts


def assert_shown_as_text(page: Page, texts: list[str]) -> None:
    assert any(PAYLOAD in text for text in texts), texts
    assert page.evaluate("window.__xss") is None
    assert page.locator(".leaflet-pane img[src='x']").count() == 0


def test_the_route_map_tooltip_shows_a_name_with_markup_as_text(live_server, desktop, planted):
    page = log_in(desktop, live_server.url, "shixmb")
    page.goto(f"{live_server.url}/observation/{planted.pk}/route/")
    page.wait_for_selector("#route-map path.leaflet-interactive")
    texts = shown_texts(
        page, "#route-map path.leaflet-interactive", "mouseover", ".leaflet-tooltip"
    )
    assert_shown_as_text(page, texts)


def test_the_project_map_popup_shows_a_name_with_markup_as_text(live_server, desktop, planted):
    page = log_in(desktop, live_server.url, "shixmb")
    page.goto(f"{live_server.url}/map/")
    page.locator("#map[data-ready]").wait_for(state="attached")
    texts = shown_texts(page, "#map path.leaflet-interactive", "click", ".leaflet-popup-content")
    assert_shown_as_text(page, texts)


def test_the_parcel_map_tooltip_shows_a_name_with_markup_as_text(live_server, desktop, world):
    Parcel.objects.create(
        city=world.city, county=world.wuzhi, name=PAYLOAD, holder=PAYLOAD, area=Decimal(20),
        latitude=Decimal("35.08"), longitude=Decimal("113.40"),
    )  # fmt: skip
    Parcel.objects.create(city=world.city, county=world.wuzhi, name=f"无位置{PAYLOAD}", area=1)
    page = log_in(desktop, live_server.url, "shixmb")
    page.goto(f"{live_server.url}/map/")
    page.locator("#map[data-parcels-ready='1']").wait_for(state="attached")
    texts = shown_texts(page, "#map path.leaflet-interactive", "mouseover", ".leaflet-tooltip")
    assert_shown_as_text(page, texts)
    assert PAYLOAD in page.locator("#unplaced-parcels li").first.inner_text()
    assert page.locator("#unplaced-parcels img[src='x']").count() == 0


def test_a_parcels_outline_is_drawn_in_its_states_colour_with_its_name_as_text(
    live_server, desktop, world, settings
):
    settings.GUANMO_TODAY = date(2025, 12, 15)
    west, south = 113.40, 35.08
    ring = [[west, south], [west + 0.01, south], [west + 0.01, south + 0.01], [west, south]]
    Parcel.objects.create(
        city=world.city, county=world.wuzhi, name=PAYLOAD, area=Decimal(700),
        supplied_on=date(2022, 5, 1), outline={"type": "Polygon", "coordinates": [ring]},
    )  # fmt: skip
    page = log_in(desktop, live_server.url, "shixmb")
    page.goto(f"{live_server.url}/map/")
    page.locator("#map[data-parcels-ready='1']").wait_for(state="attached")
    fills = page.locator("#map path.leaflet-interactive").evaluate_all(
        "shapes => shapes.map(s => s.getAttribute('fill'))"
    )
    assert "#d64545" in fills  # idle two years, drawn as its outline
    texts = shown_texts(page, "#map path.leaflet-interactive", "mouseover", ".leaflet-tooltip")
    assert_shown_as_text(page, texts)
