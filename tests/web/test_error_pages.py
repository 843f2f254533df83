"""With debug off, the application's errors are Chinese pages that say what happened and where
to go, never Django's English "Not Found" or "403 Forbidden"."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

from tests.world import PASSWORD


@pytest.fixture(autouse=True)
def production(settings):
    settings.DEBUG = False


def test_an_unknown_address_is_a_chinese_404_page(client, world):
    client.force_login(world.users["wuzhi"])
    response = client.get("/no-such-page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "页面不存在（404）" in page
    assert "Not Found" not in page
    assert reverse("dashboard") in page  # where to go


def test_a_404_shows_guanmo_s_own_reason_but_never_django_s_english_one(client, world):
    client.force_login(world.users["city"])
    page = client.get(reverse("project_detail", args=[999999])).content.decode()
    assert "页面不存在（404）" in page
    assert "matches the given query" not in page


def test_a_forbidden_action_is_a_chinese_403_page_with_its_reason(client, world):
    client.force_login(world.users["wuzhi"])
    response = client.get(reverse("supervision_rules"))
    page = response.content.decode()
    assert response.status_code == 403
    assert "无权访问（403）" in page
    assert "只有市项目办可以设置督办时限" in page
    assert "Forbidden" not in page


def test_a_form_sent_without_its_csrf_token_is_refused_in_chinese(world):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "wuzhi", "password": PASSWORD})
    page = response.content.decode()
    assert response.status_code == 403
    assert "页面已过期，未能提交（403）" in page
    assert "CSRF" not in page


def test_a_server_error_is_a_chinese_500_page():
    response = server_error(RequestFactory().get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert "系统出错（500）" in page
    assert "Server Error" not in page
