"""The public API driven from its own OpenAPI description (schemathesis): whatever a client
sends, no server error, and every response as described."""

import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# Loaded through the application itself; schemathesis's lazy `from_fixture` does not run on
# pytest 9 (it sets the test item's private `_nodeid`), so the world comes in as fixtures.
schema = schemathesis.openapi.from_wsgi("/public/api/openapi.json", get_wsgi_application())


@schema.parametrize()
@hypothesis_settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_the_public_api_answers_every_request_as_described(case, public_world, settings):
    # One client sending hundreds of requests: the rate limit is tested elsewhere.
    settings.GUANMO_PUBLIC_API_RATE = "100000/min"
    case.call_and_validate()
