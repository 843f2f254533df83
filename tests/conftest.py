import pytest
from hypothesis import settings as hypothesis_settings

from tests.world import World, build_world

# No time limit on a property test's examples: speed is measured by benchmarks, never asserted
# in tests, and a loaded machine made Hypothesis's default 200 ms deadline fail a correct test.
hypothesis_settings.register_profile("guanmo", deadline=None)
hypothesis_settings.load_profile("guanmo")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite the tests run against a real file, as the server does, not Django's in-memory
    test database: WAL, BEGIN IMMEDIATE and several connections writing at once (the
    concurrency tests' threads) behave there as they do in production."""
    from django.conf import settings

    default = settings.DATABASES["default"]
    if default["ENGINE"] == "django.db.backends.sqlite3":
        path = tmp_path_factory.mktemp("database") / "guanmo-test.sqlite3"
        default.setdefault("TEST", {})["NAME"] = str(path)


@pytest.fixture
def world(db, settings, tmp_path) -> World:
    """The small test city; its users' passwords use a fast hasher (argon2 is for real use),
    and uploaded files go to a temporary MEDIA_ROOT, never into the checkout."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_world()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: the public pages and the API's rate limit keep
    their state there, and a city's cached data must not outlive the test that made it."""
    from django.core.cache import cache

    cache.clear()
