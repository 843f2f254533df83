import pytest

from tests.world import World, build_world


@pytest.fixture
def world(db, settings) -> World:
    """The small test city; its users' passwords use a fast hasher (argon2 is for real use)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return build_world()
