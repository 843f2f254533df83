"""Visits stored straight through the service, for tests that read logs rather than write them."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from guanmo.commissioners.models import Visit
from guanmo.commissioners.services import record_visit
from guanmo.ledger.models import Project


def log_visit(project: Project, visited_on: date, *photos: bytes) -> Visit:
    """A visit by the project's commissioner with the given JPEGs."""
    return record_visit(
        project,
        commissioner=project.commissioner,
        visited_on=visited_on,
        seen="现场施工正常",
        done="查看进度",
        photos=[
            SimpleUploadedFile(f"IMG_{number:04}.jpg", content, "image/jpeg")
            for number, content in enumerate(photos, start=1)
        ],
    )
