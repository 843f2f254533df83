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
from guanmo.regions.names import own_level, spoken_names
from guanmo.regions.services import served_cities
from guanmo.supervision.models import Problem, SupervisionOrder

pytestmark = pytest.mark.django_db

CLOSED_MONTHS = range(1, 12)
# A number that is an amount of money (after 投资, 完成, 计划 ... within a few characters) and
# ends its phrase with no unit at all ("完成投资672891.28，" rather than "…亿元，").
MONEY_WITHOUT_UNIT = re.compile(
    r"(?:投资|完成|计划|到位资金)[^\d，。；、（）]{0,4}(\d[\d,]*(?:\.\d+)?)(?![\d.,])"
    r"(?=\s*(?:$|[，。；、,;:：）)]))"
)


# The elements that run inside a line of text: what they hold is read with the text around it, so
# "<li>温县 · <a>温县太极…</a></li>" is one text, as a reader sees it.
_INLINE = {"a", "abbr", "b", "code", "em", "i", "small", "span", "strong", "sub", "sup", "time"}


class _Texts(HTMLParser):
    """The texts of a page as a reader sees them: each block (a table cell, a list item, a
    paragraph) apart, so a table's county cell and the project cell beside it are two texts, not
    one run; the links and spans inside a block are read with the rest of it."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._skip = 0
        self._run: list[str] = []

    def _end_run(self) -> None:
        text = " ".join("".join(self._run).split())
        if text:
            self.texts.append(text)
        self._run = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        if tag not in _INLINE:
            self._end_run()

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        if tag not in _INLINE:
            self._end_run()

    def handle_data(self, data):
        if not self._skip:
            self._run.append(data)

    def close(self) -> None:
        super().close()
        self._end_run()


def html_texts(html: str) -> list[str]:
    parser = _Texts()
    parser.feed(html)
    parser.close()
    return parser.texts


def page_texts(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    return html_texts(response.content.decode())


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
    city = served_cities().get()
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
    武陟县·武陟…, 温县 · 温县… (a list's separator), 城乡一体化示范区示范区… (a zone's short
    name is its name's tail)."""
    spelled = "|".join(re.escape(each) for each in spoken_names(name))
    return rf"(?:{spelled})\s*[·・]?\s*(?:{spelled})"


def _city_level_twice(city: str) -> str:
    """A pattern for the city's own unit said before a name that already names the city:
    市本级焦作市城市快速路, 市本级 · 焦作…"""
    spelled = "|".join(re.escape(each) for each in spoken_names(city))
    return rf"{own_level(city)}\s*[·・]?\s*(?:{spelled})"


def said_twice(names: list[str], city: str) -> re.Pattern:
    """What the scan looks for: any region, or the city's own unit, said twice in a row."""
    return re.compile("|".join([*(_said_twice(name) for name in names), _city_level_twice(city)]))


def test_the_scan_catches_a_zone_said_by_name_then_by_its_tail():
    twice = re.compile(_said_twice("城乡一体化示范区"))
    assert twice.search("4月未报送进度的项目有1个：城乡一体化示范区示范区智慧物流园项目。")
    assert twice.search("武陟县·武陟县冷链物流园") is None
    assert re.search(_said_twice("武陟县"), "武陟县·武陟县冷链物流园")


def test_the_scan_catches_the_city_level_unit_before_a_name_naming_the_city():
    twice = said_twice(["焦作市", "温县"], "焦作市")
    assert twice.search("4月未报送进度的项目有2个：市本级焦作市城市快速路、温县物流园项目。")
    assert twice.search("市本级 · 焦作中心城区供热管网")
    assert twice.search("4月未报送进度的项目有1个：市本级南水北调配套工程。") is None


def test_the_scan_reads_a_list_item_with_its_link_as_one_text():
    texts = html_texts(
        '<ul><li>温县 · <a href="/p/1">温县太极文化产业园</a></li>'
        '<li><a href="/p/2">市本级·南水北调配套工程</a></li></ul>'
        "<table><tr><td>温县</td><td>温县健康食品产业园</td></tr></table>"
    )
    assert texts == [
        "温县 · 温县太极文化产业园",
        "市本级·南水北调配套工程",
        "温县",
        "温县健康食品产业园",
    ]
    twice = said_twice(["焦作市", "温县"], "焦作市")
    assert [text for text in texts if twice.search(text)] == ["温县 · 温县太极文化产业园"]


def test_no_generated_text_names_a_region_twice_or_money_without_its_unit(demo_texts):
    assert len(demo_texts) > 30 and all(demo_texts.values())
    names = list(Region.objects.exclude(kind=Region.Kind.PROVINCE).values_list("name", flat=True))
    twice = said_twice(names, served_cities().get().name)
    texts = [(where, text) for where, found in demo_texts.items() for text in found]
    assert [(where, text) for where, text in texts if twice.search(text)] == []
    assert [(where, text) for where, text in texts if MONEY_WITHOUT_UNIT.search(text)] == []
