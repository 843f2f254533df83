"""The shipped deployment files are valid where this machine can tell: the systemd units pass
`systemd-analyze verify`, the nginx site passes `nginx -t`, compose and the Dockerfile name only
what exists, and the limits they state match the application's own."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.conf import settings

from guanmo.commissioners.forms import MAX_PHOTOS

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
VENV = Path(sys.executable).parent.parent


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="没有 systemd-analyze")
def test_the_systemd_units_verify(tmp_path):
    for unit in (DEPLOY / "systemd").glob("*.service"):
        # The units name the installation path; here the test's own virtual environment stands in.
        text = unit.read_text(encoding="utf-8").replace("/opt/guanmo/.venv", str(VENV))
        (tmp_path / unit.name).write_text(text, encoding="utf-8")
    units = sorted(str(path) for path in tmp_path.glob("*.service"))
    assert len(units) == 2
    done = subprocess.run(
        ["systemd-analyze", "verify", *units], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr


def test_the_worker_unit_runs_the_scheduler_and_the_web_unit_serves():
    web = (DEPLOY / "systemd" / "guanmo.service").read_text(encoding="utf-8")
    worker = (DEPLOY / "systemd" / "guanmo-worker.service").read_text(encoding="utf-8")
    assert "guanmo serve" in web and "EnvironmentFile=/etc/guanmo/guanmo.env" in web
    assert "guanmo qcluster" in worker


@pytest.mark.skipif(shutil.which("nginx") is None, reason="没有 nginx")
def test_the_nginx_site_passes_nginx_t(tmp_path):
    site = (DEPLOY / "nginx" / "guanmo.conf").read_text(encoding="utf-8")
    certificate, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=guanmo.test", "-keyout", str(key), "-out", str(certificate)],
        check=True, capture_output=True,
    )  # fmt: skip
    site = site.replace("/etc/ssl/guanmo/fullchain.pem", str(certificate))
    site = site.replace("/etc/ssl/guanmo/privkey.pem", str(key))
    config = tmp_path / "nginx.conf"
    config.write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\naccess_log off;\nclient_body_temp_path {tmp_path};\n{site}\n}}\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        ["nginx", "-t", "-c", str(config), "-p", str(tmp_path)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_the_proxy_allows_exactly_the_applications_request_limit():
    site = (DEPLOY / "nginx" / "guanmo.conf").read_text(encoding="utf-8")
    megabytes = int(re.search(r"client_max_body_size (\d+)m;", site).group(1))
    assert megabytes == settings.GUANMO_MAX_REQUEST_MB == 200


def test_a_visits_photos_and_a_sheet_fit_inside_one_request():
    photos = MAX_PHOTOS * settings.GUANMO_PHOTO_MAX_MB
    assert photos < settings.GUANMO_MAX_REQUEST_MB
    assert settings.GUANMO_SHEET_MAX_UPLOAD_MB < settings.GUANMO_MAX_REQUEST_MB
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= settings.GUANMO_MAX_REQUEST_MB * 1024 * 1024


def test_compose_runs_postgres_the_web_and_the_worker_from_the_dockerfile():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    services = compose["services"]
    assert set(services) == {"db", "web", "worker"}
    assert services["web"]["build"] == "." and services["worker"]["command"][-1] == "qcluster"
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert dockerfile.startswith("# ") and "FROM debian:" in dockerfile
    assert "guanmo serve" in dockerfile and "pip install" in dockerfile
    # Nothing is fetched from outside the package registries (no curl/wget of installers).
    assert not re.search(r"\b(curl|wget)\b", dockerfile)
