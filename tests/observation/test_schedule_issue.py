"""The tour's schedule is issued like the bulletins: numbered in the city's series, dated by
the city office (not after the tour's first day), kept as issued; before that, an unnumbered
draft of the current route."""

import io

from django.urls import reverse
from docx import Document

from guanmo.documents.models import IssuedDocument, Kind
from guanmo.observation import route
from tests.documents.docx import imprint_lines
from tests.observation.tours import put_on_map


def _routed(tour, world):
    put_on_map(tour, world)
    sites = list(tour.sites.order_by("pk"))
    route.save_order(tour, [[str(site.pk) for site in sites]])
    return sites


def _docx(client, tour) -> bytes:
    response = client.get(reverse("tour_route_file", args=[tour.pk]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def _issue(client, tour, dated: str) -> str:
    url = reverse("tour_route_issue", args=[tour.pk])
    return client.post(url, {"dated": dated}, follow=True).content.decode()


def test_the_schedule_is_issued_numbered_and_dated_and_kept(client, world, tour):
    sites = _routed(tour, world)
    client.force_login(world.users["city"])
    draft = Document(io.BytesIO(_docx(client, tour)))
    assert [p.text for p in draft.paragraphs if p.text][1] == "2025年第二次重点项目观摩日程安排"

    page = _issue(client, tour, "2025-06-16")

    assert "已印发焦作项目办〔2025〕1号" in page
    issued = IssuedDocument.objects.get(kind=Kind.TOUR_SCHEDULE)
    assert issued.dated.isoformat() == "2025-06-16"
    assert _docx(client, tour) == _docx(client, tour) == bytes(issued.content)
    document = Document(io.BytesIO(bytes(issued.content)))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[:3] == [
        "焦作市重点项目建设办公室文件",
        "焦作项目办〔2025〕1号",
        "2025年第二次重点项目观摩日程安排",
    ]
    assert texts[-1] == "2025年6月16日"
    assert imprint_lines(document)[-1].endswith("2025年6月16日印发")

    # Moving a site afterwards changes the route page, not the issued schedule.
    route.save_order(tour, [[str(site.pk) for site in reversed(sites)]])
    assert _docx(client, tour) == bytes(issued.content)
    assert "已印发，不能重复印发" in _issue(client, tour, "2025-06-17")

    client.force_login(world.users["wenxian"])  # a county of the tour reads the same file
    assert _docx(client, tour) == bytes(issued.content)


def test_the_schedule_is_not_dated_after_the_tour_begins(client, world, tour):
    _routed(tour, world)
    client.force_login(world.users["city"])

    page = _issue(client, tour, "2025-06-19")

    assert "成文日期不得晚于2025年6月18日" in page
    assert not IssuedDocument.objects.exists()


def test_only_the_city_office_issues_the_schedule(client, world, tour):
    _routed(tour, world)
    client.force_login(world.users["wenxian"])
    response = client.post(reverse("tour_route_issue", args=[tour.pk]), {"dated": "2025-06-16"})
    assert response.status_code == 403
    assert not IssuedDocument.objects.exists()
