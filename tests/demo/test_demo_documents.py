"""The demo's issued documents: each closed month's bulletin numbered and dated the day the
month closed, `/bulletins/2025/11.docx` giving the issued November bulletin, the closed tour's
results bulletin, the supervision orders; one issuing office's name on all of them, and no
order dated after the deadline it states."""

import io
import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from docx import Document

from guanmo.accounts.models import User
from guanmo.documents.models import IssuedDocument, Kind
from guanmo.reporting.models import Period

pytestmark = pytest.mark.django_db

OFFICE = "焦作市重点项目建设办公室"


def _texts(content: bytes) -> list[str]:
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return [p.text for p in document.paragraphs if p.text] + cells


def test_every_closed_month_has_its_bulletin_issued_the_day_it_closed(demo):
    bulletins = IssuedDocument.objects.filter(kind=Kind.PROGRESS_BULLETIN).order_by("dated")
    closed = {
        f"{p.year}-{p.month:02d}": timezone.localtime(p.closed_at).date()
        for p in Period.objects.filter(closed_at__isnull=False)
    }
    assert [b.subject for b in bulletins] == [f"2025-{m:02d}" for m in range(1, 12)]
    assert all(b.dated == closed[b.subject] for b in bulletins)
    numbers = [b.sequence for b in IssuedDocument.objects.exclude(kind=Kind.SUPERVISION_ORDER)]
    assert sorted(numbers) == list(range(1, len(numbers) + 1))
    dated = IssuedDocument.objects.exclude(kind=Kind.SUPERVISION_ORDER).order_by("sequence")
    assert [d.dated for d in dated] == sorted(d.dated for d in dated)  # numbers follow dates
    assert all(d.dated <= date(2025, 12, 15) for d in IssuedDocument.objects.all())


def test_the_november_bulletin_download_is_the_issued_document(demo):
    client = Client()
    client.force_login(User.objects.get(username="shixmb"))
    response = client.get(reverse("bulletin_file", args=[2025, 11, "docx"]))
    content = b"".join(response.streaming_content)
    november = IssuedDocument.objects.get(kind=Kind.PROGRESS_BULLETIN, subject="2025-11")

    assert content == bytes(november.content)
    texts = _texts(content)
    assert texts[:2] == [f"{OFFICE}文件", november.number]
    assert re.fullmatch(r"焦作项目办〔2025〕[1-9]\d*号", november.number)
    assert f"{november.dated.year}年{november.dated.month}月{november.dated.day}日" in texts


def test_one_issuing_office_name_on_every_document_and_orders_due_after_their_date(demo):
    documents = IssuedDocument.objects.all()
    assert {d.kind for d in documents} == set(Kind.values)
    for document in documents:
        texts = _texts(bytes(document.content))
        offices = {t for t in texts if re.fullmatch(r"\S*(项目办公室|项目建设办公室)", t)}
        assert offices == {OFFICE}, (document.number, offices)
        for text in texts:
            if match := re.search(r"于(\d{4})年(\d{1,2})月(\d{1,2})日前办结", text):
                due = date(*map(int, match.groups()))
                assert due >= document.dated, (document.number, text)
        if document.kind == Kind.SUPERVISION_ORDER:
            assert any(t.startswith("签发人：") and "办" not in t for t in texts)
