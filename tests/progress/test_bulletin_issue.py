"""A closed month's bulletin: issued by the city office with the 成文日期 it chooses and a
发文字号; every download after that is the issued file, whatever day it is downloaded; before
that, the draft is dated the day the month closed, not the day of the download."""

import io
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document

from guanmo.documents.models import IssuedDocument, IssuingOffice
from guanmo.reporting.models import Period
from guanmo.reporting.services import close_period, open_period


@pytest.fixture
def march(world) -> Period:
    IssuingOffice.objects.create(
        city=world.city,
        full_name="焦作市重点项目建设办公室",
        short_name="焦作市项目办",
        number_prefix="焦作项目办",
        signer="王建国",
    )
    period = open_period(
        world.city, year=2025, month=3, deadline=date(2025, 4, 5), user=world.users["city"]
    )
    close_period(period, user=world.users["city"])
    return period


def _download(client, monkeypatch, on: date) -> bytes:
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: on)
    response = client.get(reverse("bulletin_file", args=[2025, 3, "docx"]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def _texts(content: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(content)).paragraphs if p.text]


def test_the_draft_is_the_same_file_whatever_day_it_is_downloaded(
    client, world, march, monkeypatch, settings
):
    settings.GUANMO_TODAY = None
    client.force_login(world.users["city"])
    first = _download(client, monkeypatch, date(2025, 4, 8))
    later = _download(client, monkeypatch, date(2025, 4, 20))
    assert first == later
    closed = timezone.localtime(Period.objects.get(pk=march.pk).closed_at).date()
    assert f"{closed.year}年{closed.month}月{closed.day}日" in _texts(first)


def test_the_issued_bulletin_keeps_its_number_and_date(client, world, march, monkeypatch):
    client.force_login(world.users["city"])
    response = client.post(
        reverse("bulletin_issue", args=[2025, 3]), {"dated": "2025-04-08"}, follow=True
    )
    assert "已印发焦作项目办〔2025〕1号" in response.content.decode()

    first = _download(client, monkeypatch, date(2025, 4, 9))
    later = _download(client, monkeypatch, date(2025, 5, 20))
    assert first == later == bytes(IssuedDocument.objects.get().content)
    texts = _texts(first)
    assert texts[:2] == ["焦作市重点项目建设办公室文件", "焦作项目办〔2025〕1号"]
    assert "2025年4月8日" in texts and "焦作市重点项目建设办公室" in texts


def test_a_bulletin_is_issued_once_and_not_dated_inside_its_month(client, world, march):
    client.force_login(world.users["city"])
    page = client.post(
        reverse("bulletin_issue", args=[2025, 3]), {"dated": "2025-03-31"}, follow=True
    ).content.decode()
    assert "成文日期不得早于2025年4月1日" in page
    client.post(reverse("bulletin_issue", args=[2025, 3]), {"dated": "2025-04-08"})
    page = client.post(
        reverse("bulletin_issue", args=[2025, 3]), {"dated": "2025-04-09"}, follow=True
    ).content.decode()
    assert "已印发，不能重复印发" in page
    assert IssuedDocument.objects.count() == 1


def test_only_the_city_office_issues(client, world, march):
    client.force_login(world.users["leader"])
    assert client.post(reverse("bulletin_issue", args=[2025, 3])).status_code == 403
    assert not IssuedDocument.objects.exists()


def test_a_county_office_finds_the_issued_city_bulletin_in_its_list(client, world, march):
    client.force_login(world.users["city"])
    client.post(reverse("bulletin_issue", args=[2025, 3]), {"dated": "2025-04-08"})
    document = IssuedDocument.objects.get()

    client.force_login(world.users["wuzhi"])
    assert "焦作项目办〔2025〕1号" in client.get(reverse("document_list")).content.decode()
    response = client.get(reverse("document_file", args=[document.pk, "docx"]))
    assert b"".join(response.streaming_content) == bytes(document.content)

    client.force_login(world.users["department"])
    assert "焦作项目办〔2025〕1号" not in client.get(reverse("document_list")).content.decode()
    assert client.get(reverse("document_file", args=[document.pk, "docx"])).status_code == 404
