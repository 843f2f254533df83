"""Log-in: argon2 hashes, sessions that end with the browser, CSRF, and throttling."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from guanmo.accounts.models import Role, User
from guanmo.regions.services import init_city

PASSWORD = "Xiangmu-ban-2025!"


@pytest.fixture
def city(db):
    return init_city("410800")


@pytest.fixture
def office(city):
    return User.objects.create_user("shixmb", password=PASSWORD, role=Role.CITY_OFFICE, region=city)


def log_in(client, password, username="shixmb"):
    return client.post(reverse("login"), {"username": username, "password": password})


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_the_log_in_page_is_a_chinese_form(client, db):
    page = client.get(reverse("login")).content.decode()
    for text in (
        '<label for="id_username">用户名</label>',
        '<label for="id_password">密码</label>',
    ):
        assert text in page
    assert '<button type="submit" style="width:100%">登录</button>' in page
    assert 'name="csrfmiddlewaretoken"' in page


def test_the_log_in_page_is_chinese_for_an_english_browser_too(client, db):
    page = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<label for="id_username">用户名</label>' in page
    assert "Username" not in page and "Password" not in page


def test_logging_in_leads_to_the_landing_with_a_browser_session(client, office):
    response = log_in(client, PASSWORD)
    # The landing sends each role on to its work (tests/accounts/test_landing.py).
    assert response.status_code == 302 and response.url == reverse("landing")
    assert client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() == 8 * 60 * 60
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert (cookie["max-age"], cookie["expires"], cookie["httponly"]) == ("", "", True)
    office.refresh_from_db()
    assert office.password.startswith("argon2")


def test_a_signed_in_user_skips_the_log_in_page(client, office):
    client.force_login(office)
    response = client.get(reverse("login"))
    assert response.status_code == 302 and response.url == reverse("landing")


def test_a_wrong_password_is_refused_in_chinese(client, office):
    response = log_in(client, "wrong-password")
    assert response.status_code == 200
    assert "请输入一个正确的" in response.content.decode()
    assert not signed_in(client)


def test_empty_fields_are_reported_in_chinese(client, db):
    response = log_in(client, "", username="")
    assert response.content.decode().count("这个字段是必填项。") == 2


def test_four_failures_still_let_the_right_password_in(client, office):
    for _ in range(4):
        log_in(client, "wrong-password")
    assert log_in(client, PASSWORD).status_code == 302
    assert signed_in(client)


def test_after_five_failures_even_the_right_password_is_refused(client, office):
    for _ in range(5):
        log_in(client, "wrong-password")
    response = log_in(client, PASSWORD)
    assert response.status_code == 429
    assert "登录失败次数过多，账号已暂时锁定，请15分钟后再试" in response.content.decode()
    assert not signed_in(client)


def test_the_lockout_holds_one_user_name_not_the_whole_address(client, office, city):
    User.objects.create_user("wenxian", password=PASSWORD, role=Role.CITY_OFFICE, region=city)
    for _ in range(5):
        log_in(client, "wrong-password")
    assert log_in(client, PASSWORD, username="wenxian").status_code == 302
    assert signed_in(client)


def test_a_successful_log_in_forgets_earlier_failures(client, office):
    for _ in range(4):
        log_in(client, "wrong-password")
    log_in(client, PASSWORD)
    client.post(reverse("logout"))
    for _ in range(4):
        log_in(client, "wrong-password")
    assert log_in(client, PASSWORD).status_code == 302
    assert signed_in(client)


def test_log_in_without_the_csrf_token_is_refused(office):
    client = Client(enforce_csrf_checks=True)
    refused = client.post(reverse("login"), {"username": "shixmb", "password": PASSWORD})
    assert refused.status_code == 403
    assert not signed_in(client)

    client.get(reverse("login"))
    token = client.cookies[settings.CSRF_COOKIE_NAME].value
    accepted = client.post(
        reverse("login"),
        {"username": "shixmb", "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert accepted.status_code == 302
    assert signed_in(client)


def test_logging_out_takes_a_post(client, office):
    client.force_login(office)
    assert client.get(reverse("logout")).status_code == 405
    assert signed_in(client)
    response = client.post(reverse("logout"))
    assert response.status_code == 302 and response.url == reverse("login")
    assert not signed_in(client)


def test_pages_need_a_signed_in_user(client, office):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
