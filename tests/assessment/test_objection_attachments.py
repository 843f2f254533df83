"""An objection's attachment (附件): a real uploaded file of a bounded size and kind (pdf, jpg,
png, docx, xlsx, told by its content, not its name), served by a view to those who may see the
objection (never from public /media/), and kept with the objection after it is accepted and
the result recomputed (tryout 13)."""

from datetime import date
from decimal import Decimal
from io import BytesIO
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document
from openpyxl import Workbook
from PIL import Image

from guanmo.assessment.attachments import ATTACHMENT_MAX_MB, attachment_fault
from guanmo.assessment.models import Objection
from guanmo.assessment.objections import (
    ObjectionError,
    accept_objection,
    publish_result,
    raise_objection,
)
from guanmo.assessment.services import save_scheme
from tests.assessment.test_result_page import DEFINITION, INPUTS

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _png() -> bytes:
    file = BytesIO()
    Image.new("RGB", (4, 4), "white").save(file, "PNG")
    return file.getvalue()


def _docx() -> bytes:
    file = BytesIO()
    document = Document()
    document.add_paragraph("统计局关于投资完成率的说明")
    document.save(file)
    return file.getvalue()


def _xlsx() -> bytes:
    file = BytesIO()
    book = Workbook()
    book.active.append(["投资完成率", 120])
    book.save(file)
    return file.getvalue()


@pytest.fixture
def published(world, settings):
    settings.GUANMO_TODAY = date(2025, 12, 1)
    scheme = save_scheme(world.city, "2025年度", "综合考核", DEFINITION, list(INPUTS.values))
    return publish_result(scheme, INPUTS, days=5, runs=20, seed=1)


def _object(client, result, attachment) -> None:
    client.post(
        reverse("assessment_object", args=[result.pk]),
        {
            "indicator": "投资完成率",
            "value": "120",
            "reason": "统计局数据有误",
            "attachment": attachment,
        },
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [("函.pdf", PDF), ("照片.png", _png()), ("说明.docx", _docx()), ("台账.xlsx", _xlsx())],
)
def test_each_allowed_kind_is_taken_by_its_content(name, content):
    assert attachment_fault(SimpleUploadedFile(name, content)) is None


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("说明.txt", "统计局数据有误".encode(), "只能上传PDF、JPG、PNG、DOCX或XLSX文件"),
        ("函.pdf", "其实是文字".encode(), "内容不是PDF文件"),
        ("说明.docx", _xlsx(), "内容不是DOCX文件"),
        ("照片.jpg", _png(), "内容不是JPG文件"),
    ],
)
def test_other_kinds_and_contents_not_matching_the_name_are_refused(name, content, said):
    fault = attachment_fault(SimpleUploadedFile(name, content))
    assert fault is not None and said in fault and name in fault


def test_a_file_over_the_bound_is_refused():
    big = SimpleUploadedFile("函.pdf", PDF + b" " * (ATTACHMENT_MAX_MB * 1024 * 1024))
    assert f"超过{ATTACHMENT_MAX_MB}MB" in attachment_fault(big)


def test_a_county_uploads_its_file_and_it_is_served_only_to_those_who_see_the_objection(
    client, world, published
):
    client.force_login(world.users["wuzhi"])
    _object(client, published, SimpleUploadedFile("统计局函.pdf", PDF))
    objection = Objection.objects.get()
    assert objection.attachment.read() == PDF
    download = reverse("assessment_objection_attachment", args=[objection.pk])
    page = client.get(reverse("assessment_result", args=[published.pk])).content.decode()
    assert download in page and "/media/" not in page
    answer = client.get(download)
    assert answer.status_code == 200 and b"".join(answer.streaming_content) == PDF
    assert quote("统计局函.pdf") in answer["Content-Disposition"]
    client.force_login(world.users["city"])
    assert client.get(download).status_code == 200
    page = client.get(reverse("assessment_result", args=[published.pk])).content.decode()
    assert download in page  # the pending objection links its file for the office deciding
    for other in ("wenxian", "department"):
        client.force_login(world.users[other])
        assert client.get(download).status_code == 404


def test_a_text_file_is_refused_with_the_reason_and_no_objection_is_kept(client, world, published):
    client.force_login(world.users["wuzhi"])
    _object(client, published, SimpleUploadedFile("说明.pdf", "文字说明".encode()))
    assert not Objection.objects.exists()
    page = client.get(reverse("assessment_result", args=[published.pk])).content.decode()
    assert "内容不是PDF文件" in page


def test_the_attachment_stays_with_the_objection_after_accepting_and_recomputing(
    client, world, published
):
    client.force_login(world.users["wuzhi"])
    _object(client, published, SimpleUploadedFile("统计局函.pdf", PDF))
    objection = Objection.objects.get()
    corrected = accept_objection(objection, reason="核实无误")
    download = reverse("assessment_objection_attachment", args=[objection.pk])
    for user in ("wuzhi", "city"):
        client.force_login(world.users[user])
        page = client.get(reverse("assessment_result", args=[corrected.pk])).content.decode()
        assert download in page
        assert b"".join(client.get(download).streaming_content) == PDF
    client.force_login(world.users["wenxian"])
    page = client.get(reverse("assessment_result", args=[corrected.pk])).content.decode()
    assert download not in page
    assert client.get(download).status_code == 404


def test_an_objection_without_an_attachment_is_refused_saying_so(client, world, published):
    """Issue 13: a unit objects "with a reason and attachment"; tryout 19 filed one without."""
    with pytest.raises(ObjectionError, match="请上传异议的证明材料（附件）"):
        raise_objection(
            published, unit="武陟县", indicator="投资完成率", value=Decimal(120), reason="漏报"
        )
    client.force_login(world.users["wuzhi"])
    response = client.post(
        reverse("assessment_object", args=[published.pk]),
        {"indicator": "投资完成率", "value": "120", "reason": "统计局数据有误"},
        follow=True,
    )
    shown = response.content.decode()
    assert "异议未提交：请上传异议的证明材料（附件）：PDF、JPG、PNG、DOCX或XLSX文件" in shown
    assert not Objection.objects.exists()
