"""One bound on a request's size, GUANMO_MAX_REQUEST_MB: above it the answer is 413 with a
Chinese message before anything reads the body, as the proxy in front answers."""

from django.core.files.uploadedfile import SimpleUploadedFile

from guanmo.ledger.models import Project


def test_a_request_over_the_limit_is_refused_before_it_is_read(client, office, settings):
    settings.GUANMO_MAX_REQUEST_MB = 1
    client.force_login(office)
    sheet = SimpleUploadedFile("台账.xlsx", b"\0" * (1100 * 1024))
    response = client.post("/projects/import/", {"file": sheet, "year": "2025"})
    assert response.status_code == 413
    assert "提交的内容超过1MB，请分次上传或压缩后再上传" in response.content.decode()
    assert not Project.objects.exists()


def test_a_request_within_the_limit_reaches_the_page(client, office, settings):
    settings.GUANMO_MAX_REQUEST_MB = 1
    client.force_login(office)
    sheet = SimpleUploadedFile("台账.xlsx", b"\0" * (900 * 1024))
    response = client.post("/projects/import/", {"file": sheet, "year": "2025"})
    assert response.status_code == 200  # the page's own answer: the file is not a sheet
