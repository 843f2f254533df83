import io
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def demo_settings(settings, tmp_path):
    """The demo's photos go to a temporary MEDIA_ROOT, never into the checkout's var/media;
    its users' passwords use a fast hasher (argon2 is for real use)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = FAST_HASHER


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The whole demo (the `demo` command, as `make demo` runs it), built once for the tests of
    this package that only read it; each test's own changes are rolled back as usual, and the
    demo is flushed after the package's last test."""
    media = tmp_path_factory.mktemp("demo-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, PASSWORD_HASHERS=FAST_HASHER),
    ):
        call_command("demo", stdout=io.StringIO())
    yield
    with django_db_blocker.unblock():
        call_command("flush", "--noinput", verbosity=0)


@contextmanager
def kept_for_the_module(django_db_blocker, tmp_path_factory) -> Iterator[None]:
    """For a module-scoped fixture that builds the demo city once for the module's tests, as
    Django's setUpTestData does: what the body builds stays until the module's last test and
    is then rolled back, each test's own changes rolled back to a savepoint after it. A demo
    build takes seconds and every read-only test used to make its own; not for tests that
    need real commits (transactional_db)."""
    media = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, PASSWORD_HASHERS=FAST_HASHER),
        transaction.atomic(),
    ):
        yield
        transaction.set_rollback(True)
