"""Every answer carries a request id and the security headers; signed-in pages are never cached;
the health check answers for the proxy; a server error is logged and shows its request id."""

import logging

from django.contrib.auth.decorators import login_not_required
from django.test import Client
from django.urls import path


def test_the_log_in_page_has_the_security_headers_and_a_request_id(client, db):
    response = client.get("/accounts/login/")
    policy = response["Content-Security-Policy"]
    assert (
        "script-src 'self'" in policy
        and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    )
    assert "microphone=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    assert len(response["X-Request-ID"]) == 32


def test_a_signed_in_page_and_a_download_are_not_stored_by_the_browser(client, office):
    client.force_login(office)
    assert client.get("/").headers["Cache-Control"] == "no-store"
    export = client.get("/projects/export.xlsx")
    assert export.status_code == 200
    assert export.headers["Cache-Control"] == "no-store"


def test_a_sane_request_id_from_the_proxy_is_kept_and_a_forged_one_replaced(client, db):
    kept = client.get("/accounts/login/", HTTP_X_REQUEST_ID="nginx-4f2a9c81")
    assert kept["X-Request-ID"] == "nginx-4f2a9c81"
    replaced = client.get("/accounts/login/", HTTP_X_REQUEST_ID="<script>alert(1)</script>")
    assert replaced["X-Request-ID"] != "<script>alert(1)</script>"


def test_the_health_check_answers_without_a_log_in(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@login_not_required
def _fails(request):
    raise RuntimeError("计算出错了")


urlpatterns = [path("boom/", _fails)]
handler500 = "guanmo.operations.views.server_error"


def test_a_server_error_is_logged_with_its_traceback_and_its_id_is_shown(db, settings, caplog):
    settings.ROOT_URLCONF = __name__
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/boom/")
    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    assert request_id in response.content.decode()
    record = next(record for record in caplog.records if record.name == "django.request")
    assert record.exc_info and "计算出错了" in str(record.exc_info[1])
    assert record.request_id == request_id
