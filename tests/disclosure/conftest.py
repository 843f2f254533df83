import pytest

from tests.disclosure.seeds import publish_march


@pytest.fixture
def public_world(world):
    """The test city with the facts a public page shows, and March closed."""
    return publish_march(world)
