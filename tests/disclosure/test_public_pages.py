"""The public pages (媒体公示): open to anyone, the year's key projects as of the last closed
month, with search, filters, a map and a page per project."""

from datetime import date

import pytest
from django.urls import reverse

from guanmo.ledger.models import KeyListEntry, MonthlyProgress
from guanmo.regions.services import init_city
from guanmo.reporting.services import open_period
from tests.world import YEAR

CITY = "410800"


def page_text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_a_stranger_sees_the_years_projects_as_of_the_last_closed_month(client, public_world):
    text = page_text(client, reverse("public_projects", args=[CITY]))
    assert "焦作市2025年重点项目公示" in text
    assert "数据截至2025年3月" in text
    for name in ("武陟县智能装备产业园", "武陟县冷链物流园", "温县太极文化产业园"):
        assert name in text
    assert "共4个项目" in text
    # 武陟县智能装备产业园: 400 of 1200 in March; 温县健康食品产业园: 260 of 800.
    assert "33.3%" in text and "32.5%" in text
    assert "武陟智能装备有限公司" in text and "武陟县产业集聚区" in text
    assert "王专员" in text  # the commissioner's name is always public


def test_an_open_month_does_not_move_the_date_of_the_figures(client, public_world):
    open_period(public_world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=None)
    assert "数据截至2025年3月" in page_text(client, reverse("public_projects", args=[CITY]))


def test_before_any_month_is_closed_nothing_of_the_year_is_shown(client, world):
    """Only closed months are public: before the first, the year's projects and their plans
    are not shown either (they listed every project of the year with its annual plan)."""
    # The test world's months were imported (closed, as on every page): here, none yet.
    MonthlyProgress.objects.all().delete()
    text = page_text(client, reverse("public_projects", args=[CITY]))
    assert "2025年尚无已关闭的填报月份，暂无进度数据" in text
    assert "武陟县智能装备产业园" not in text and "温县太极文化产业园" not in text
    assert "33.3%" not in text
    project = world.projects["武陟装备"]
    assert client.get(reverse("public_project", args=[CITY, project.pk])).status_code == 404


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("county=410823", {"武陟县智能装备产业园", "武陟县冷链物流园"}),
        ("industry=文化旅游", {"温县太极文化产业园"}),
        ("stage=新开工", {"武陟县冷链物流园"}),
        ("q=休闲食品", {"温县健康食品产业园"}),  # words of the scope
        ("q=太极文旅集团", {"温县太极文化产业园"}),  # the owner
        ("county=410825&stage=续建", {"温县太极文化产业园", "温县健康食品产业园"}),
    ],
)
def test_search_and_filters(client, public_world, query, names):
    text = page_text(client, reverse("public_projects", args=[CITY]) + "?" + query)
    everyone = {
        "武陟县智能装备产业园",
        "武陟县冷链物流园",
        "温县太极文化产业园",
        "温县健康食品产业园",
    }
    assert {name for name in everyone if name in text} == names


def test_the_level_filter_reads_the_years_key_lists(client, public_world):
    KeyListEntry.objects.create(project=public_world.projects["温县文旅"], year=YEAR, level="省")
    text = page_text(client, reverse("public_projects", args=[CITY]) + "?level=省")
    assert "共1个项目" in text and "温县太极文化产业园" in text


def test_a_project_page_shows_its_published_facts_and_figures(client, public_world):
    project = public_world.projects["温县文旅"]
    text = page_text(client, reverse("public_project", args=[CITY, project.pk]))
    assert "温县太极文化产业园" in text and "数据截至2025年3月" in text
    assert "进度（截至2025年3月）" in text
    for fact in ("太极文化园及配套", "温县太极文旅集团", "温县文广旅局", "王专员", "温县某某路"):
        assert fact in text
    assert "1,000.00万元" in text and "400.00万元" in text and "40.0%" in text
    assert "主体施工" in text  # visible progress is public by default


def test_a_project_off_the_list_or_of_another_city_is_not_found(client, public_world):
    other = init_city("410700")
    assert client.get(reverse("public_projects", args=["999999"])).status_code == 404
    project = public_world.projects["武陟装备"]
    assert client.get(reverse("public_project", args=[other.code, project.pk])).status_code == 404
    KeyListEntry.objects.filter(project=project).delete()
    from django.core.cache import cache

    cache.clear()
    assert client.get(reverse("public_project", args=[CITY, project.pk])).status_code == 404


def test_the_map_draws_published_positions(client, public_world):
    text = page_text(client, reverse("public_map", args=[CITY]))
    assert 'id="map"' in text
    points = client.get(reverse("public_map_points", args=[CITY])).json()
    assert len(points["features"]) == 4
    feature = points["features"][0]
    assert feature["geometry"]["coordinates"] == [113.42, 35.1]
    assert feature["properties"]["url"].startswith(f"/public/{CITY}/projects/")
    shapes = client.get(reverse("public_county_shapes", args=[CITY])).json()
    assert {"武陟县", "温县"} <= {f["properties"]["name"] for f in shapes["features"]}


def test_home_goes_to_the_only_city_and_lists_several(client, world):
    response = client.get(reverse("public_home"))
    assert response.status_code == 302
    assert response.url == reverse("public_projects", args=[CITY])
    init_city("410700")
    text = page_text(client, reverse("public_home"))
    assert "焦作市" in text and "新乡市" in text


def test_the_api_root_is_not_behind_the_log_in(client, world):
    # django-ninja's root only says where the docs are (404); the docs themselves are open.
    response = client.get(reverse("public_api:api-root"))
    assert response.status_code == 404
    assert client.get(reverse("public_api:openapi-view")).status_code == 200


def test_the_settings_page_needs_a_log_in(client, world):
    response = client.get(reverse("disclosure_settings"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
