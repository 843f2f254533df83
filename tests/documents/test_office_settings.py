"""The issuing office's names are the city office's to set, and every document issued after
uses them: the mark, the signature, the 发文字号's prefix, the 签发人."""

import io
from datetime import date

from django.urls import reverse
from docx import Document

from guanmo.documents.models import IssuingOffice, Kind
from guanmo.documents.official import OfficialDocument
from guanmo.documents.services import issue
from tests.documents.docx import imprint_lines

NAMES = {
    "full_name": "焦作市重点项目建设领导小组办公室",
    "short_name": "焦作市重点办",
    "number_prefix": "焦重点办",
    "signer": "李卫东",
    "addressee": "各县（市、区）重点项目建设领导小组办公室",
    "copy_to": "市委办公室",
}


def test_the_city_office_sets_the_names_every_document_then_uses(client, world):
    client.force_login(world.users["city"])
    response = client.post(reverse("issuing_office"), NAMES, follow=True)
    assert "发文机关设置已保存" in response.content.decode()
    assert IssuingOffice.objects.get(city=world.city).signer == "李卫东"

    def build(head) -> bytes:
        return OfficialDocument(head, "关于2025年1—2月重点项目建设进展情况的通报").finish()

    document = issue(
        world.city,
        kind=Kind.PROGRESS_BULLETIN,
        subject="2025-02",
        title="通报",
        dated=date(2025, 3, 8),
        user=world.users["city"],
        build=build,
    )
    read = Document(io.BytesIO(bytes(document.content)))
    texts = [p.text for p in read.paragraphs if p.text]
    assert document.number == "焦重点办〔2025〕1号"
    assert texts[:2] == ["焦作市重点项目建设领导小组办公室文件", "焦重点办〔2025〕1号"]
    assert "各县（市、区）重点项目建设领导小组办公室：" in texts
    assert "抄送：市委办公室。" in imprint_lines(read)


def test_a_county_office_may_not_change_them(client, world):
    client.force_login(world.users["wuzhi"])
    assert client.post(reverse("issuing_office"), NAMES).status_code == 403
    assert not IssuingOffice.objects.exists()
