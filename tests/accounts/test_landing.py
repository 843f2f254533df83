"""Every role lands on its work after signing in (issue 10: a department landed on an empty
dashboard, "本人负责的0个重点项目…", instead of its 待办问题)."""

import pytest
from django.urls import reverse

from tests.world import PASSWORD

pytestmark = pytest.mark.django_db


def _lands_on(client, username: str) -> str:
    response = client.post(
        reverse("login"), {"username": username, "password": PASSWORD}, follow=True
    )
    assert response.status_code == 200
    return response.redirect_chain[-1][0]


def test_a_department_lands_on_its_queue_of_problems(client, world):
    assert _lands_on(client, "zrzyj") == reverse("department_queue")


@pytest.mark.parametrize("username", ["shixmb", "wuzhi", "leader", "zhuanyuan"])
def test_the_offices_leaders_and_commissioners_land_on_the_dashboard(client, world, username):
    assert _lands_on(client, username) == reverse("dashboard")


def test_the_brand_link_leads_to_the_landing(client, world):
    client.force_login(world.users["department"])

    page = client.get(reverse("department_queue")).content.decode()

    assert f'class="brand" href="{reverse("landing")}"' in page
