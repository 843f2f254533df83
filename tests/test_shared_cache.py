"""Several server processes share the public data and the API's request counts through
GUANMO_CACHE_DIR; without it each process keeps its own."""

import os
import subprocess
import sys

WRITE_THEN_READ = (
    "import django, sys; django.setup(); from django.core.cache import cache; "
    "cache.set('seen', 'yes', 60) if sys.argv[1] == 'write' else print(cache.get('seen'))"
)


def run(step: str, **environment) -> str:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "guanmo.settings"}
    env.pop("GUANMO_CACHE_DIR", None)
    env.update(environment)
    result = subprocess.run(
        [sys.executable, "-c", WRITE_THEN_READ, step],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


def test_processes_share_a_cache_directory(tmp_path):
    run("write", GUANMO_CACHE_DIR=str(tmp_path))
    assert run("read", GUANMO_CACHE_DIR=str(tmp_path)) == "yes"


def test_without_it_each_process_has_its_own():
    run("write")
    assert run("read") == "None"
