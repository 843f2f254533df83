"""Nothing but closed, approved figures and the fields a city publishes reaches the public:
drafts, submitted but unapproved figures, an approved month not yet closed, private fields and
another city's projects are seeded with unique markers and looked for in every public page,
download and API response."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.accounts.models import User
from guanmo.disclosure.models import DisclosureSettings
from guanmo.disclosure.records import OPTIONAL_SETTINGS
from guanmo.ledger.models import AnnualPlan, KeyListEntry, MonthlyProgress, Project
from guanmo.regions.services import init_city
from guanmo.reporting.models import Period, ReportEntry, Status
from guanmo.reporting.services import (
    EntryInput,
    approve_report,
    open_period,
    reopen_report,
    save_entries,
    submit_report,
)
from tests.web.walk_disclosure import walk
from tests.world import YEAR

CITY = "410800"

# Private fields of the closed month and the ledger: shown only when the city publishes them.
PRIVATE = {
    "commissioner_phone": "13912345678",
    "code": "2025-410825-48-03-099999",
    "leader_in_charge": "赵包抓XQ",
    "problems": "征地手续未办结XQ",
}
# Never shown, whatever the city publishes.
NEVER = {
    "approved April, not closed": "四月已审未关XQ",
    "approved April figure": "43210.9",
    "April draft": "四月草稿XQ",
    "April draft problem": "四月草稿问题XQ",
    "April draft figure": "31415.9",
    "March reopened, submitted, not approved": "三月重报未审XQ",
    "March reopened figure": "27182.8",
    "another city's project": "新乡市保密项目XQ",
}


def fill(report, user, project: Project, cumulative: str, visible: str, problems: str = ""):
    """Save one line of a county's report as its county office would, and reload the report."""
    typed = EntryInput(
        project.pk, cumulative_completed=cumulative, visible_progress=visible, problems=problems
    )
    assert save_entries(report, [typed], user=user, version=report.version).ok
    report.refresh_from_db()


@pytest.fixture
def seeded(public_world):
    world = public_world
    projects, users = world.projects, world.users
    User.objects.filter(pk=users["commissioner"].pk).update(phone=PRIVATE["commissioner_phone"])
    Project.objects.filter(pk=projects["温县文旅"].pk).update(code=PRIVATE["code"])
    Project.objects.filter(pk=projects["武陟装备"].pk).update(
        leader_in_charge=PRIVATE["leader_in_charge"]
    )
    MonthlyProgress.objects.filter(project=projects["武陟装备"], year=YEAR, month=3).update(
        problems=PRIVATE["problems"]
    )

    # April: 温县 approved (but the month is still open), 武陟县 a draft.
    april = open_period(world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=None)
    wenxian = april.reports.get(county=world.wenxian)
    fill(
        wenxian,
        users["wenxian"],
        projects["温县文旅"],
        NEVER["approved April figure"],
        NEVER["approved April, not closed"],
    )
    submit_report(wenxian, user=users["wenxian"], version=wenxian.version)
    wenxian.refresh_from_db()
    approve_report(wenxian, user=users["city"])
    fill(
        april.reports.get(county=world.wuzhi),
        users["wuzhi"],
        projects["武陟装备"],
        NEVER["April draft figure"],
        NEVER["April draft"],
        NEVER["April draft problem"],
    )

    # March, closed: 武陟县's report reopened, corrected and submitted, not yet approved.
    march = Period.objects.get(city=world.city, year=YEAR, month=3).reports.get(county=world.wuzhi)
    reopen_report(march, user=users["city"], reason="更正")
    march.refresh_from_db()
    fill(
        march,
        users["wuzhi"],
        projects["武陟物流"],
        NEVER["March reopened figure"],
        NEVER["March reopened, submitted, not approved"],
    )
    submit_report(march, user=users["wuzhi"], version=march.version)

    # Another city's key project, approved and closed there.
    other = init_city("410700")
    secret = Project.objects.create(
        city=other, county=other.children.first(), name=NEVER["another city's project"]
    )
    KeyListEntry.objects.create(project=secret, year=YEAR, level="市")
    AnnualPlan.objects.create(project=secret, year=YEAR, planned_investment=Decimal(100))
    MonthlyProgress.objects.create(project=secret, year=YEAR, month=3, cumulative_completed=10)

    # The seeds are where they should be, so that finding none of them means something.
    assert MonthlyProgress.objects.get(
        project=projects["温县文旅"], month=4
    ).cumulative_completed == Decimal(NEVER["approved April figure"])
    assert ReportEntry.objects.filter(visible_progress=NEVER["April draft"]).exists()
    march.refresh_from_db()
    assert march.status == Status.SUBMITTED
    assert ReportEntry.objects.filter(
        report=march, cumulative_completed=Decimal(NEVER["March reopened figure"])
    ).exists()
    return world


def public_responses(client, world) -> dict[str, str]:
    """Every public page, download and API response of the city, as text."""
    code = world.city.code
    urls = dict(walk(world).public)
    urls["public_home"] = reverse("public_home")
    for project in Project.objects.all():
        urls[f"page {project.pk}"] = reverse("public_project", args=[code, project.pk])
        urls[f"api {project.pk}"] = reverse(
            "public_api:public_api_project", args=[code, project.pk]
        )
    api_projects = reverse("public_api:public_api_projects", args=[code])
    urls["api all"] = f"{api_projects}?page_size=100"
    for county in ("410823", "410825"):
        urls[f"list {county}"] = reverse("public_projects", args=[code]) + f"?county={county}"
        urls[f"csv {county}"] = reverse("public_csv", args=[code]) + f"?county={county}"
    bodies = {}
    for name, url in urls.items():
        response = client.get(url, follow=True)
        assert response.status_code in (200, 404), name
        bodies[name] = response.content.decode("utf-8-sig")
    return bodies


def leaks(bodies: dict[str, str], markers: dict[str, str]) -> set[tuple[str, str]]:
    return {
        (what, name)
        for what, marker in markers.items()
        for name, body in bodies.items()
        if marker in body
    }


def test_no_public_response_shows_a_draft_an_unclosed_month_or_a_private_field(client, seeded):
    bodies = public_responses(client, seeded)
    assert leaks(bodies, {**PRIVATE, **NEVER}) == set()
    # The closed, approved figures are there: 武陟县冷链物流园 shows March's 120, not 27182.8.
    logistics = seeded.projects["武陟物流"]
    assert '"completed":120.0' in bodies[f"api {logistics.pk}"].replace(" ", "")
    assert "数据截至2025年3月" in bodies["public_projects"]


def test_publishing_every_field_shows_the_private_ones_and_still_no_draft(client, seeded):
    DisclosureSettings.objects.create(city=seeded.city, **dict.fromkeys(OPTIONAL_SETTINGS, True))
    bodies = public_responses(client, seeded)
    shown = {what for what, _ in leaks(bodies, PRIVATE)}
    assert shown == set(PRIVATE)
    assert leaks(bodies, NEVER) == set()


@pytest.mark.parametrize("marker", PRIVATE.values())
def test_a_private_field_cannot_be_found_by_searching(client, seeded, marker):
    url = reverse("public_api:public_api_projects", args=[CITY])
    assert client.get(url, {"q": marker}).json()["count"] == 0
    page = client.get(reverse("public_projects", args=[CITY]), {"q": marker})
    assert "共0个项目" in page.content.decode()
