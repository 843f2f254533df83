"""Request ids, the bound on a request's size, and the security headers every answer carries."""

import logging
import re
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse

REQUEST_ID_HEADER = "X-Request-ID"
_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_current_request_id: ContextVar[str] = ContextVar("guanmo_request_id", default="-")

# Features no page of Guanmo uses; geolocation and camera stay for the commissioner's phone page.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), browsing-topics=(), display-capture=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=(), "
    "geolocation=(self), camera=(self)"
)


class RequestIdMiddleware:
    """Gives each request an id (the proxy's X-Request-ID when it sends a sane one), puts it on
    the request, in every log line written while it runs, and in the answer's header."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        offered = request.META.get("HTTP_X_REQUEST_ID", "")
        request.request_id = offered if _VALID_ID.match(offered) else uuid.uuid4().hex
        token = _current_request_id.set(request.request_id)
        try:
            response = self.get_response(request)
        finally:
            _current_request_id.reset(token)
        response[REQUEST_ID_HEADER] = request.request_id
        return response


class RequestSizeMiddleware:
    """Refuses a request whose declared body is over GUANMO_MAX_REQUEST_MB with 413 and a
    Chinese message, before anything reads it; the same bound as the proxy's in front, for a
    server reached without it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        most = settings.GUANMO_MAX_REQUEST_MB
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > most * 1024 * 1024:
            return HttpResponse(
                f"提交的内容超过{most}MB，请分次上传或压缩后再上传",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


def install_request_id_in_log_records() -> None:
    """Every log record from now on carries `request_id` ("-" outside a request), whichever
    handler writes it (a record factory, so records propagated to any handler have it)."""
    make_record = logging.getLogRecordFactory()
    if getattr(make_record, "adds_request_id", False):
        return

    def with_request_id(*args, **kwargs) -> logging.LogRecord:
        record = make_record(*args, **kwargs)
        record.request_id = _current_request_id.get()
        return record

    with_request_id.adds_request_id = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(with_request_id)


class SecurityHeadersMiddleware:
    """Permissions-Policy on every answer, a Content-Security-Policy without inline script, and
    `Cache-Control: no-store` on whatever a signed-in user is shown or downloads, so a shared
    computer's cache keeps no page or export of his."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or _is_personal_link(request):
            response["Cache-Control"] = "no-store"
        return response


def _is_personal_link(request: HttpRequest) -> bool:
    """A judge's personal link is as private as a log-in: its pages are not cached either."""
    return request.path.startswith("/observation/j/")


# Scripts and styles only from Guanmo's own static files (vendored htmx, ECharts, Leaflet);
# inline style attributes remain allowed (ECharts and Leaflet set them), inline script never.
# Map tiles are not fetched from anywhere: the maps draw the shipped county outlines.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
