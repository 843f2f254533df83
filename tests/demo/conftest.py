import pytest


@pytest.fixture(autouse=True)
def demo_settings(settings, tmp_path):
    """The demo's photos go to a temporary MEDIA_ROOT, never into the checkout's var/media;
    its users' passwords use a fast hasher (argon2 is for real use)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
