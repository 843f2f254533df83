"""Behind the TLS proxy the lockout counts the real client, and a client cannot pass for another."""

import pytest
from django.test import RequestFactory

from guanmo.operations.client import client_address, parse_networks
from tests.accounts.test_login import PASSWORD

PROXY = "10.0.0.5"


def request_from(remote: str, forwarded: str | None = None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_trusted_proxies_the_client_is_the_connection(settings):
    settings.GUANMO_TRUSTED_PROXIES = ()
    assert client_address(request_from(PROXY, "203.0.113.9")) == PROXY


def test_a_trusted_proxy_names_the_client_read_from_the_right(settings):
    settings.GUANMO_TRUSTED_PROXIES = parse_networks("10.0.0.0/8")
    # The client sent a forged first entry; nginx appended the real address after it.
    assert client_address(request_from(PROXY, "1.2.3.4, 203.0.113.9")) == "203.0.113.9"


def test_an_untrusted_sender_cannot_pass_for_another_client(settings):
    settings.GUANMO_TRUSTED_PROXIES = parse_networks("10.0.0.0/8")
    assert client_address(request_from("198.51.100.7", "203.0.113.9")) == "198.51.100.7"


def test_a_bad_proxy_setting_is_named():
    with pytest.raises(ValueError, match=r"「10\.0\.0\.300」"):
        parse_networks("127.0.0.1, 10.0.0.300")


def test_five_wrong_passwords_behind_the_proxy_lock_out_only_that_client(client, office, settings):
    settings.GUANMO_TRUSTED_PROXIES = parse_networks(PROXY)
    attacker = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.66"}
    for _ in range(5):
        client.post("/accounts/login/", {"username": "shixmb", "password": "wrong"}, **attacker)
    right = {"username": "shixmb", "password": PASSWORD}
    locked = client.post("/accounts/login/", right, **attacker)
    assert locked.status_code == 429

    colleague = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.10"}
    response = client.post("/accounts/login/", right, **colleague)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
