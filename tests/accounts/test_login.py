"""Log-in: argon2 hashes, sessions that end with the browser, CSRF, and throttling."""

import pytest
from django.test import Client
from django.urls import reverse

from guanmo.accounts.models import Role, User
from guanmo.regions.services import init_city

PASSWORD = "Xiangmu-ban-2025!"


@pytest.fixture
def office(db):
    city = init_city("410800")
    return User.objects.create_user("shixmb", password=PASSWORD, role=Role.CITY_OFFICE, region=city)


def log_in(client, password):
    return client.post(reverse("login"), {"username": "shixmb", "password": password})


def test_logging_in_leads_to_the_dashboard_with_a_browser_session(client, office):
    response = log_in(client, PASSWORD)
    assert response.status_code == 302 and response.url == reverse("dashboard")
    assert client.session.get_expire_at_browser_close()
    assert office.password.startswith("argon2")


def test_a_wrong_password_is_refused_in_chinese(client, office):
    response = log_in(client, "wrong-password")
    assert response.status_code == 200
    assert "请输入一个正确的" in response.content.decode()


def test_after_five_failures_even_the_right_password_is_refused(client, office):
    for _ in range(5):
        log_in(client, "wrong-password")
    response = log_in(client, PASSWORD)
    assert response.status_code == 429
    assert "登录失败次数过多，账号已暂时锁定" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_log_in_without_the_csrf_token_is_refused(office):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "shixmb", "password": PASSWORD})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_pages_need_a_signed_in_user(client, office):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
