"""The tour's results bulletin: issued by the city office once the tour has closed, with the
成文日期 it chooses and the city's next 发文字号; every download after is the issued file."""

import io
import uuid

import pytest
from django.urls import reverse
from docx import Document

from guanmo.documents.models import IssuedDocument, Kind
from guanmo.observation import services


@pytest.fixture
def scored(tour):
    services.open_scoring(tour)
    points = {"比规模": "22", "比进度": "20.5", "比质量": "23", "比效益": "21"}
    for site in tour.sites.all():
        for judge in tour.judges.all():
            if services.recused(judge, site):
                continue
            services.submit_scores(judge, site, points=points, submission=uuid.uuid4())
    return tour


def _docx(client, tour) -> bytes:
    response = client.get(reverse("tour_results_file", args=[tour.pk, "docx"]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_the_results_bulletin_is_issued_after_the_tour_and_kept(client, world, scored):
    client.force_login(world.users["city"])
    page = client.post(
        reverse("tour_results_issue", args=[scored.pk]), {"dated": "2025-06-20"}, follow=True
    ).content.decode()
    assert "观摩评分尚未结束，不能印发结果通报" in page

    services.close_tour(scored)
    page = client.post(
        reverse("tour_results_issue", args=[scored.pk]), {"dated": "2025-06-20"}, follow=True
    ).content.decode()
    assert "已印发焦作项目办〔2025〕1号" in page
    issued = IssuedDocument.objects.get(kind=Kind.TOUR_BULLETIN)

    assert _docx(client, scored) == _docx(client, scored) == bytes(issued.content)
    texts = [p.text for p in Document(io.BytesIO(bytes(issued.content))).paragraphs if p.text]
    assert texts[:3] == [
        "焦作市重点项目建设办公室文件",
        "焦作项目办〔2025〕1号",
        "关于2025年第二次重点项目观摩评比结果的通报",
    ]
    assert "2025年6月20日" in texts

    client.force_login(world.users["wenxian"])  # a county, once the tour has closed
    assert _docx(client, scored) == bytes(issued.content)


def test_the_results_bulletin_is_not_dated_before_the_tour_ended(client, world, scored):
    services.close_tour(scored)
    client.force_login(world.users["city"])
    page = client.post(
        reverse("tour_results_issue", args=[scored.pk]), {"dated": "2025-06-17"}, follow=True
    ).content.decode()
    assert "成文日期不得早于2025年6月18日" in page
    assert not IssuedDocument.objects.exists()
