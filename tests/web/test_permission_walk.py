"""Every URL of the application, as every role and as a stranger.

A stranger is sent to the log-in page. A signed-in user gets the page, or 404 when the object
is outside his scope (never a hint that it exists), or 403 for an action his role may not take
on something he may see. And no page he may open shows a project or county outside his scope.
A project lying in two counties (温县 leads, 武陟县 shares) is read by both county offices, and
acted on by its lead's only; the city's own projects are reported by the city office alone.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from guanmo.ledger.models import AnnualPlan, KeyListEntry, MonthlyProgress, Project
from guanmo.ledger.views import GEO_DIR
from guanmo.observation import services as tours
from guanmo.reporting.models import Period
from guanmo.reporting.services import close_period, open_period
from tests.web.walks import contributed_walks
from tests.world import YEAR

ROLES = ("admin", "city", "wuzhi", "wenxian", "leader", "commissioner", "department")
EVERYONE = dict.fromkeys(ROLES, 200)
CITY_WIDE = {
    "admin": 200,
    "city": 200,
    "leader": 200,
    "wuzhi": 404,
    "wenxian": 404,
    "commissioner": 404,
    "department": 404,
}
WUZHI_PROJECT = {
    "admin": 200,
    "city": 200,
    "wuzhi": 200,
    "leader": 200,
    "wenxian": 404,
    "commissioner": 404,
    "department": 404,
}
WUZHI_REPORT = {
    "admin": 200,
    "city": 200,
    "wuzhi": 200,
    "wenxian": 404,
    "leader": 404,
    "commissioner": 404,
    "department": 404,
}

REPORTERS = {**EVERYONE, "leader": 403, "commissioner": 403, "department": 403}
TOUR = {**REPORTERS, "leader": 404, "commissioner": 404, "department": 404}
ORGANISER = {**TOUR, "wuzhi": 403, "wenxian": 403}
CITY_OFFICE = {**TOUR, "wuzhi": 404, "wenxian": 404}

SHARED = "沁河生态廊道工程"  # led by 温县, lying in 武陟县 too
SHARED_PROJECT = {**WUZHI_PROJECT, "wenxian": 200, "leader": 404}
CITY_LEVEL = "焦作市体育中心"  # the city's own project, in the 市本级 report
CITY_LEVEL_REPORT = {**WUZHI_REPORT, "wuzhi": 404}

# What each role may see of the test city: any other project's name, or a county's name outside
# his scope, on a page he can open is a leak. 武陟县 reads 温县's name as the lead of SHARED.
VISIBLE = {
    "admin": None,
    "city": None,
    "wuzhi": {"武陟县智能装备产业园", "武陟县冷链物流园", SHARED},
    "wenxian": {"温县太极文化产业园", "温县健康食品产业园", SHARED},
    "leader": {"武陟县智能装备产业园", "温县太极文化产业园"},
    "commissioner": {"温县太极文化产业园"},
    "department": set(),
}
HIDDEN_COUNTIES = {"wenxian": {"武陟县"}}
# Pages a county reads with the other counties on them, as they are issued to every county: the
# city's bulletins (which rank them all), the route of a tour it takes part in and an assessment
# result (published to the units it ranks, issue 13); and the page of a project lying in two
# counties, which names both.
SHARED_WITH_COUNTIES = {
    "bulletin_list",
    "bulletin",
    "tour_route",
    "project_detail shared",
    "assessment_result",
    "assessment_results",
}
# Everyone who signs in is sent on to the page of his work.
LANDING = dict.fromkeys(ROLES, 302)
BULLETINS = {**CITY_WIDE, "wuzhi": 200, "wenxian": 200}


@pytest.fixture
def places(world):
    """The objects the URLs point at: the 武陟县 project and report, the shared project, the
    市本级 report, an open and a closed period."""
    shared = _key_project(world, world.wenxian, SHARED)
    shared.other_counties.add(world.wuzhi)
    world.projects["沁河廊道"] = shared
    world.projects["体育中心"] = _key_project(world, world.city, CITY_LEVEL)
    march = open_period(world.city, year=YEAR, month=3, deadline=date(YEAR, 4, 5), user=None)
    close_period(march, user=world.users["city"])
    april = open_period(world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=None)
    tour = tours.create_tour(
        world.city,
        name="上半年观摩",
        first_day=date(YEAR, 6, 18),
        days=1,
        counties=[world.wuzhi, world.wenxian],
        user=None,
    )
    site = tours.add_site(tour, world.projects["武陟装备"], user=None, approved=True)
    judge = tours.add_judge(tour, name="张评委")
    return {
        "contributed": contributed_walks(world),
        "tour": tour.pk,
        "site": site.pk,
        "judge": judge,
        "project": world.projects["武陟装备"].pk,
        "shared": shared.pk,
        "report": april.reports.get(county=world.wuzhi).pk,
        "city_report": april.reports.get(county=world.city).pk,
        "period": april.pk,
        "closed": march,
    }


def _key_project(world, county, name: str) -> Project:
    """A key project of the year, reported for March so that March's bulletin names none."""
    project = Project.objects.create(
        city=world.city, county=county, name=name, total_investment=Decimal(30000)
    )
    KeyListEntry.objects.create(project=project, year=YEAR, level="市")
    AnnualPlan.objects.create(project=project, year=YEAR, planned_investment=Decimal(3000))
    MonthlyProgress.objects.create(
        project=project, year=YEAR, month=3, completed_this_month=900, cumulative_completed=900
    )
    return project


def get_pages(places) -> dict[str, tuple[str, dict[str, int]]]:
    """URL name → (URL, expected status per role) for every page reached with GET."""
    project, report, period = places["project"], places["report"], places["period"]
    tour = places["tour"]
    closed: Period = places["closed"]
    return {
        **places["contributed"].pages,
        "tour_list": (reverse("tour_list"), REPORTERS),
        "tour_detail": (reverse("tour_detail", args=[tour]), TOUR),
        "judge_links": (reverse("judge_links", args=[tour]), ORGANISER),
        "tour_rubric": (reverse("tour_rubric", args=[tour]), ORGANISER),
        "tour_board": (reverse("tour_board", args=[tour]), ORGANISER),
        # The counties of the tour read its route and schedule; the city office plans it.
        "tour_route": (reverse("tour_route", args=[tour]), TOUR),
        # No route is planned yet: nothing to print.
        "tour_route_file": (reverse("tour_route_file", args=[tour]), dict.fromkeys(ROLES, 404)),
        # A county sees the results once the tour has closed; this one is still open.
        "tour_results": (reverse("tour_results", args=[tour]), CITY_OFFICE),
        "tour_results_file": (
            reverse("tour_results_file", args=[tour, "docx"]),
            {**CITY_OFFICE, "admin": 404, "city": 404},  # no scores yet
        ),
        "landing": (reverse("landing"), LANDING),
        "dashboard": (reverse("dashboard"), EVERYONE),
        "warnings": (reverse("warnings"), EVERYONE),
        "project_list": (reverse("project_list"), EVERYONE),
        "project_export": (reverse("project_export"), EVERYONE),
        "project_map": (reverse("project_map"), EVERYONE),
        "map_points": (reverse("map_points"), EVERYONE),
        "county_shapes": (
            reverse("county_shapes"),
            EVERYONE if (GEO_DIR / "410800.geojson").exists() else dict.fromkeys(ROLES, 404),
        ),
        # The walk's problems go to 市生态环境局, not the department user's: still 404 for him
        # (tests/ledger/test_project_facts.py opens a project of his own problem).
        "project_detail": (reverse("project_detail", args=[project]), WUZHI_PROJECT),
        "project_edit": (
            reverse("project_edit", args=[project]),
            {**WUZHI_PROJECT, "wuzhi": 403, "leader": 403},
        ),
        # Read by the county it shares, edited by the city office only.
        "project_detail shared": (
            reverse("project_detail", args=[places["shared"]]),
            SHARED_PROJECT,
        ),
        "project_edit shared": (
            reverse("project_edit", args=[places["shared"]]),
            {**SHARED_PROJECT, "wuzhi": 404, "wenxian": 403},
        ),
        "project_note": (
            reverse("project_note", args=[project]),
            {**WUZHI_PROJECT, "admin": 403, "city": 403, "wuzhi": 403, "leader": 403},
        ),
        "period_list": (
            reverse("period_list"),
            {**dict.fromkeys(ROLES, 200), "leader": 403, "commissioner": 403, "department": 403},
        ),
        "period_detail": (
            reverse("period_detail", args=[period]),
            {**WUZHI_REPORT, "wuzhi": 302, "wenxian": 302},  # a county goes to its own report
        ),
        "report_grid": (reverse("report_grid", args=[report]), WUZHI_REPORT),
        "report_grid 市本级": (
            reverse("report_grid", args=[places["city_report"]]),
            CITY_LEVEL_REPORT,
        ),
        # No sheet held under this token: its county is sent back to upload again.
        "report_upload_preview": (
            reverse("report_upload_preview", args=[report, "0" * 32]),
            {**WUZHI_REPORT, "wuzhi": 302, "admin": 403, "city": 403},
        ),
        "bulletin_list": (reverse("bulletin_list"), BULLETINS),
        "bulletin": (reverse("bulletin", args=[closed.year, closed.month]), BULLETINS),
        "bulletin_file": (
            reverse("bulletin_file", args=[closed.year, closed.month, "docx"]),
            BULLETINS,
        ),
    }


def post_actions(places) -> dict[str, tuple[str, dict[str, int]]]:
    """URL name → (URL, status for each role that may NOT take the action)."""
    report, period, project = places["report"], places["period"], places["project"]
    tour, site = places["tour"], places["site"]
    organiser = {
        "wuzhi": 403,
        "wenxian": 403,
        "leader": 404,
        "commissioner": 404,
        "department": 404,
    }
    tour_actions = {
        name: (reverse(name, args=[tour]), organiser)
        for name in (
            "tour_settings",
            "judge_add",
            "tour_open",
            "tour_close",
            "tour_route_plan",
            "tour_route_matrix",
            "tour_route_issue",
            "tour_rubric",
        )
    }
    site_actions = {
        name: (reverse(name, args=[site]), organiser)
        for name in ("site_decide", "site_edit", "site_close", "site_move")
    }
    county_only = {
        "admin": 403,
        "city": 403,
        "wenxian": 404,
        "leader": 404,
        "commissioner": 404,
        "department": 404,
    }
    city_only = {
        "wuzhi": 403,
        "wenxian": 404,
        "leader": 404,
        "commissioner": 404,
        "department": 404,
    }
    return {
        **places["contributed"].actions,
        **tour_actions,
        **site_actions,
        "site_add": (
            reverse("site_add", args=[tour]),
            {"leader": 404, "commissioner": 404, "department": 404},
        ),
        # Results are a county's to see only once the tour has closed; this one is open.
        "tour_results_issue": (
            reverse("tour_results_issue", args=[tour]),
            {**organiser, "wuzhi": 404, "wenxian": 404},
        ),
        # Judges are not users: a signed-in user is no judge.
        "judge_submit": (reverse("judge_submit"), dict.fromkeys(ROLES, 404)),
        "report_upload": (reverse("report_upload", args=[report]), county_only),
        "report_submit": (reverse("report_submit", args=[report]), county_only),
        # The 市本级 report is the city office's to fill; no county sees it.
        **{
            f"{name} 市本级": (
                reverse(name, args=[places["city_report"]]),
                {
                    "wuzhi": 404,
                    "wenxian": 404,
                    "leader": 404,
                    "commissioner": 404,
                    "department": 404,
                },
            )
            for name in ("report_upload", "report_submit")
        },
        "report_return": (reverse("report_return", args=[report]), city_only),
        "report_approve": (reverse("report_approve", args=[report]), city_only),
        "report_reopen": (reverse("report_reopen", args=[report]), city_only),
        "period_close": (
            reverse("period_close", args=[period]),
            {"wuzhi": 403, "wenxian": 403, "leader": 404, "commissioner": 404, "department": 404},
        ),
        "project_edit": (
            reverse("project_edit", args=[project]),
            {"wuzhi": 403, "leader": 403, "wenxian": 404, "commissioner": 404, "department": 404},
        ),
        "project_note": (
            reverse("project_note", args=[project]),
            {
                "admin": 403,
                "city": 403,
                "wuzhi": 403,
                "leader": 403,
                "wenxian": 404,
                "commissioner": 404,
                "department": 404,
            },
        ),
    }


def application_url_names() -> set[str]:
    """Every named URL of Guanmo's own apps (the Django admin has its own permissions)."""
    names = set()

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if getattr(pattern, "app_name", None) == "admin":
                    continue
                walk(pattern.url_patterns)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(pattern.name)

    walk(get_resolver().url_patterns)
    return names - {"login", "logout"}


def judge_pages(places) -> dict[str, str]:
    """The judge's own pages: no log-in, his personal link instead."""
    judge = places["judge"]
    return {
        "judge_sign_in": reverse("judge_sign_in", args=[judge.token]),
        "judge_home": reverse("judge_home"),
        "judge_site": reverse("judge_site", args=[places["site"]]),
    }


def test_the_walk_covers_every_url(places):
    contributed = places["contributed"]
    walked = set(get_pages(places)) | set(post_actions(places)) | set(judge_pages(places))
    walked |= set(contributed.public) | contributed.tested_elsewhere
    assert application_url_names() - walked == set()


def test_public_pages_open_without_log_in(client, places):
    for name, url in places["contributed"].public.items():
        assert client.get(url).status_code == 200, name


def test_without_his_link_nobody_reaches_a_judges_pages(client, world, places):
    pages = judge_pages(places)
    assert client.get(reverse("judge_sign_in", args=["not-a-token"])).status_code == 404
    for role in (None, *ROLES):
        if role:
            client.force_login(world.users[role])
        for name in ("judge_home", "judge_site"):
            assert client.get(pages[name]).status_code == 404, f"{role} GET {name}"
    response = client.get(pages["judge_sign_in"])
    assert response.status_code == 302 and response.url == pages["judge_home"]
    assert client.get(pages["judge_site"]).status_code == 200


def test_a_stranger_is_sent_to_log_in_everywhere(client, places):
    for name, (url, _) in {**get_pages(places), **post_actions(places)}.items():
        if name == "judge_submit":
            continue
        response = client.get(url)
        assert response.status_code == 302, name
        assert response.url.startswith(reverse("login")), name


@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_exactly_its_scope(client, world, places, role):
    client.force_login(world.users[role])
    visible = VISIBLE[role]
    hidden = (
        set()
        if visible is None
        else {project.name for project in world.projects.values()} - visible
    )
    counties = HIDDEN_COUNTIES.get(role, set())
    for name, (url, expected) in get_pages(places).items():
        response = client.get(url)
        assert response.status_code == expected[role], f"{role} GET {name}"
        content_type = response.get("Content-Type", "")
        if response.status_code == 200 and ("json" in content_type or "html" in content_type):
            body = response.content.decode()
            markers = hidden if name in SHARED_WITH_COUNTIES else hidden | counties
            leaks = {marker for marker in markers if marker in body}
            assert not leaks, f"{role} sees {leaks} on {name}"


@pytest.mark.parametrize("role", ROLES)
def test_actions_outside_a_role_are_refused(client, world, places, role):
    client.force_login(world.users[role])
    for name, (url, refused) in post_actions(places).items():
        if role not in refused:
            continue
        response = client.post(url, {"reason": "测试", "version": "0"})
        assert response.status_code == refused[role], f"{role} POST {name}"
