"""The dashboard's 未报送 list names each project after its unit, the region said once (issue 10:
"county · name" printed by hand could show a region twice, and the city's own project as
"市本级 · 焦作市…")."""

import re

import pytest
from django.urls import reverse

from tests.world import _project

pytestmark = pytest.mark.django_db


def _unreported_items(body: str) -> list[str]:
    card = body[body.index('id="unreported"') :]
    card = card[: card.index("</ul>")]
    items = re.findall(r"<li>(.*?)</li>", card, flags=re.S)
    return [re.sub(r"<[^>]+>", "", item).strip() for item in items]


def test_the_unreported_list_says_each_region_once(client, world):
    two_months = {1: "100", 2: "200"}
    _project(world.city, world.wenxian, "温县污水处理厂项目", "900", two_months)
    _project(world.city, world.wenxian, "黄河滩区绿色农业园", "900", two_months)
    _project(world.city, world.city, "焦作市城市快速路", "900", two_months)
    _project(world.city, world.city, "南水北调配套工程", "900", two_months)
    client.force_login(world.users["city"])

    body = client.get(reverse("dashboard")).content.decode()

    assert sorted(_unreported_items(body)) == sorted(
        [
            "温县污水处理厂项目",
            "温县·黄河滩区绿色农业园",
            "焦作市城市快速路",
            "市本级·南水北调配套工程",
        ]
    )
