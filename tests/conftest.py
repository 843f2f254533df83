import pytest

from tests.world import World, build_world


@pytest.fixture
def world(db, settings, tmp_path) -> World:
    """The small test city; its users' passwords use a fast hasher (argon2 is for real use),
    and uploaded files go to a temporary MEDIA_ROOT, never into the checkout."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_world()
