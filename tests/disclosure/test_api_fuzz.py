"""The public API driven from its own OpenAPI description (schemathesis): whatever a client
sends, no server error, and every response as described."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# Loaded through the application itself; schemathesis's lazy `from_fixture` does not run on
# pytest 9 (it sets the test item's private `_nodeid`), so the world comes in as fixtures.
schema = schemathesis.openapi.from_wsgi("/public/api/openapi.json", get_wsgi_application())


@pytest.fixture
def connection_kept():
    """The application is called in the test's thread and transaction; as Django's test client
    does, keep the request signals from closing that connection (PostgreSQL would lose the
    test's data; SQLite's in-memory database is never closed)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@hypothesis_settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_the_public_api_answers_every_request_as_described(
    case, public_world, settings, connection_kept
):
    # One client sending hundreds of requests: the rate limit is tested elsewhere.
    settings.GUANMO_PUBLIC_API_RATE = "100000/min"
    case.call_and_validate()
