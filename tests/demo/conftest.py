from collections.abc import Iterator

import pytest
from django.core.management import call_command
from django.test import override_settings

from guanmo.demo.build import Demo, build_demo

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def demo_settings(settings, tmp_path):
    """The demo's photos go to a temporary MEDIA_ROOT, never into the checkout's var/media;
    its users' passwords use a fast hasher (argon2 is for real use)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = FAST_HASHER


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[Demo]:
    """The whole demo (`build_demo`, as the `demo` command and `make demo` build it), built once
    for the tests of this package that only read it, or change it inside their own savepoint
    (each test's own changes are rolled back as usual); flushed after the package's last test.
    One build serves every module: a module never builds a demo of its own to read."""
    media = tmp_path_factory.mktemp("demo-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, PASSWORD_HASHERS=FAST_HASHER),
    ):
        built = build_demo()
    yield built
    with django_db_blocker.unblock():
        call_command("flush", "--noinput", verbosity=0)
