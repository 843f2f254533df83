"""Every sentence and document the demo city generates, read as an official would: no region
named twice in a row ("温县温县…", "解放区·解放区…"), and no amount of money without its unit.

The demo is built once (the `demo` command, as `make demo` runs it); the texts are gathered
through the pages and downloads the city office opens: the dashboard, warnings, every closed
month's bulletin page and .docx, the problem figures, every problem and supervision order, the
tours' routes, schedules and results, and the public list."""

import io
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from docx import Document

from guanmo.accounts.models import User
from guanmo.demo.city import YEAR
from guanmo.observation.models import Tour
from guanmo.regions.models import Region
from guanmo.regions.names import spoken_names
from guanmo.supervision.models import Problem, SupervisionOrder

pytestmark = pytest.mark.django_db

CLOSED_MONTHS = range(1, 12)
# A number that is an amount of money (after 投资, 完成, 计划 ... within a few characters) and
# ends its phrase with no unit at all ("完成投资672891.28，" rather than "…亿元，").
MONEY_WITHOUT_UNIT = re.compile(
    r"(?:投资|完成|计划|到位资金)[^\d，。；、（）]{0,4}(\d[\d,]*(?:\.\d+)?)(?![\d.,])"
    r"(?=\s*(?:$|[，。；、,;:：）)]))"
)


class _Texts(HTMLParser):
    """The text nodes of a page, each apart: a table's county cell and the project cell beside it
    are two texts, not one run."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.texts.append(data.strip())


def page_texts(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    parser = _Texts()
    parser.feed(response.content.decode())
    return parser.texts


def docx_texts(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    document = Document(io.BytesIO(b"".join(response.streaming_content)))
    texts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return [text for text in texts if text.strip()]


@pytest.fixture
def demo_texts(demo, client) -> dict[str, list[str]]:
    """Every text gathered, by where it came from."""
    client.force_login(User.objects.get(username="shixmb"))
    return _gather(client)


def _gather(client) -> dict[str, list[str]]:
    city = Region.objects.get(kind=Region.Kind.CITY)
    gathered = {
        "看板": page_texts(client, reverse("dashboard")),
        "预警": page_texts(client, reverse("warnings")),
        "项目": page_texts(client, reverse("project_list")),
        "督办统计": page_texts(client, reverse("problem_figures")),
        "督办": page_texts(client, reverse("problem_list")),
        "公示": page_texts(client, reverse("public_projects", args=[city.code])),
    }
    for month in CLOSED_MONTHS:
        gathered[f"{month}月通报"] = page_texts(client, reverse("bulletin", args=[YEAR, month]))
        gathered[f"{month}月通报.docx"] = docx_texts(
            client, reverse("bulletin_file", args=[YEAR, month, "docx"])
        )
    for problem in Problem.objects.all():
        gathered[f"问题{problem.pk}"] = page_texts(
            client, reverse("problem_detail", args=[problem.pk])
        )
    for order in SupervisionOrder.objects.all():
        gathered[f"督办单{order.number}"] = docx_texts(
            client, reverse("order_file", args=[order.pk])
        )
    for tour in Tour.objects.all():
        gathered[f"{tour.name}路线"] = page_texts(client, reverse("tour_route", args=[tour.pk]))
        if tour.sites.filter(day__isnull=False).exists():
            gathered[f"{tour.name}日程.docx"] = docx_texts(
                client, reverse("tour_route_file", args=[tour.pk])
            )
        if tour.sites.filter(score_forms__isnull=False).exists():
            gathered[f"{tour.name}结果"] = page_texts(
                client, reverse("tour_results", args=[tour.pk])
            )
            gathered[f"{tour.name}结果.docx"] = docx_texts(
                client, reverse("tour_results_file", args=[tour.pk, "docx"])
            )
    return gathered


def _said_twice(name: str) -> str:
    """A pattern for a region said twice in a row, in any of its spellings: 温县温县,
    武陟县·武陟…, 城乡一体化示范区示范区… (a zone's short name is its name's tail)."""
    spelled = "|".join(re.escape(each) for each in spoken_names(name))
    return f"(?:{spelled})[·・ ]?(?:{spelled})"


def test_the_scan_catches_a_zone_said_by_name_then_by_its_tail():
    twice = re.compile(_said_twice("城乡一体化示范区"))
    assert twice.search("4月未报送进度的项目有1个：城乡一体化示范区示范区智慧物流园项目。")
    assert twice.search("武陟县·武陟县冷链物流园") is None
    assert re.search(_said_twice("武陟县"), "武陟县·武陟县冷链物流园")


def test_no_generated_text_names_a_region_twice_or_money_without_its_unit(demo_texts):
    assert len(demo_texts) > 30 and all(demo_texts.values())
    names = Region.objects.exclude(kind=Region.Kind.PROVINCE).values_list("name", flat=True)
    twice = re.compile("|".join(_said_twice(name) for name in names))
    texts = [(where, text) for where, found in demo_texts.items() for text in found]
    assert [(where, text) for where, text in texts if twice.search(text)] == []
    assert [(where, text) for where, text in texts if MONEY_WITHOUT_UNIT.search(text)] == []
