"""Who sees which problems: a department its own queue, a county office its county's problems,
a commissioner his project's, a leader his projects'; anything else is 404, as if it did not
exist. And who may raise them, for which projects."""

from datetime import date

import pytest
from django.urls import reverse

from guanmo.reporting.models import ReportEntry
from guanmo.reporting.services import add_missing_entries, open_period
from guanmo.supervision.models import Level, Problem
from tests.world import YEAR


@pytest.fixture
def problems(world, raise_problem, environment_bureau):
    """One problem per project: 武陟 ones to 自然资源, 温县 ones to 生态环境."""
    return {
        "武陟装备": raise_problem("武陟装备", text="装备园用地"),
        "武陟物流": raise_problem("武陟物流", text="物流园用地"),
        "温县文旅": raise_problem("温县文旅", text="文旅环评", department=environment_bureau),
        "温县食品": raise_problem("温县食品", text="食品园环评", department=environment_bureau),
    }


def listed(client, world, role, url_name="problem_list") -> set[str]:
    client.force_login(world.users[role])
    body = client.get(reverse(url_name)).content.decode()
    return {text for text in ("装备园用地", "物流园用地", "文旅环评", "食品园环评") if text in body}


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("city", {"装备园用地", "物流园用地", "文旅环评", "食品园环评"}),
        ("wuzhi", {"装备园用地", "物流园用地"}),
        ("wenxian", {"文旅环评", "食品园环评"}),
        ("leader", {"装备园用地", "文旅环评"}),
        ("commissioner", {"文旅环评"}),
        ("department", {"装备园用地", "物流园用地"}),  # 市自然资源和规划局's
    ],
)
def test_each_role_lists_the_problems_of_its_scope(client, world, problems, role, expected):
    assert listed(client, world, role) == expected
    for name, problem in problems.items():
        response = client.get(reverse("problem_detail", args=[problem.pk]))
        assert response.status_code == (200 if problem.text in expected else 404), name


def test_the_department_queue_is_the_department_s_own(client, world, problems):
    assert listed(client, world, "department", "department_queue") == {"装备园用地", "物流园用地"}
    client.force_login(world.users["city"])
    assert client.get(reverse("department_queue")).status_code == 404


def test_a_county_filter_offers_only_the_county_s_own(client, world, problems):
    client.force_login(world.users["wuzhi"])
    body = client.get(reverse("problem_list")).content.decode()
    assert "温县" not in body
    # Asking for the other county's problems by filter finds nothing, not them.
    response = client.get(reverse("problem_list"), {"county": world.wenxian.pk})
    assert "文旅环评" not in response.content.decode()


def test_the_list_filters_by_status_type_and_department(client, world, problems, calendar):
    client.force_login(world.users["city"])
    problems["温县文旅"].status = Problem.Status.CONFIRMED
    problems["温县文旅"].save()

    def found(**query) -> set[str]:
        body = client.get(reverse("problem_list"), query).content.decode()
        return {
            text for text in ("装备园用地", "物流园用地", "文旅环评", "食品园环评") if text in body
        }

    assert found(status="confirmed") == {"文旅环评"}
    assert found(status="open", county=world.wenxian.pk) == {"食品园环评"}
    assert found(department=problems["温县食品"].department_id) == {"文旅环评", "食品园环评"}
    assert found(problem_type="funds") == set()


def test_overdue_problems_come_first(client, world, problems, calendar):
    late = problems["温县食品"]
    late.deadline = calendar.today.replace(day=1)
    late.save()
    client.force_login(world.users["city"])
    body = client.get(reverse("problem_list")).content.decode()
    table = body[body.index('id="problem-table"') :]
    assert table.index("食品园环评") < table.index("装备园用地")


def test_the_project_page_lists_its_problems_in_scope(client, world, problems):
    client.force_login(world.users["wuzhi"])
    project = world.projects["武陟装备"]
    body = client.get(reverse("project_detail", args=[project.pk])).content.decode()
    assert "装备园用地" in body and "物流园用地" not in body
    assert f"{reverse('problem_new')}?project={project.pk}" in body


def test_the_project_page_shows_the_level_an_overdue_problem_has_climbed_to(
    client, world, raise_problem, calendar
):
    problem = raise_problem(raised_on=date(2025, 5, 6), deadline=date(2025, 5, 16))
    calendar.today = date(2025, 5, 17)  # its first overdue day; no daily command has run
    client.force_login(world.users["wuzhi"])
    page = client.get(reverse("project_detail", args=[problem.project.pk])).content.decode()
    table = page[page.index('id="project-problems"') :]
    assert '<span class="badge yellow">县区项目办</span>' in table
    problem.refresh_from_db()
    assert problem.level == Level.COUNTY_OFFICE


def test_who_raises_for_which_project(client, world, land_bureau):
    def raise_as(role, project, expected_status):
        client.force_login(world.users[role])
        url = f"{reverse('problem_new')}?project={world.projects[project].pk}"
        assert client.get(url).status_code == expected_status, (role, project)
        if expected_status == 200:
            client.post(
                url,
                {
                    "project": world.projects[project].pk,
                    "problem_type": "funds",
                    "department": land_bureau.pk,
                    "text": f"{role}交办",
                },
            )

    raise_as("wuzhi", "武陟物流", 200)
    raise_as("wuzhi", "温县文旅", 404)
    raise_as("commissioner", "温县文旅", 200)
    raise_as("commissioner", "温县食品", 404)
    raise_as("city", "温县食品", 200)
    raise_as("leader", "武陟装备", 403)
    raise_as("department", "武陟装备", 403)
    sources = dict(Problem.objects.values_list("text", "source"))
    assert sources == {
        "wuzhi交办": Problem.Source.COUNTY_OFFICE,
        "commissioner交办": Problem.Source.COMMISSIONER,
        "city交办": Problem.Source.CITY_OFFICE,
    }


def test_a_county_cannot_post_another_county_s_project(client, world, land_bureau):
    client.force_login(world.users["wuzhi"])
    response = client.post(
        reverse("problem_new"),
        {
            "project": world.projects["温县文旅"].pk,
            "problem_type": "funds",
            "department": land_bureau.pk,
            "text": "越权交办",
        },
    )
    assert response.status_code == 200
    assert not Problem.objects.exists()


def test_a_report_entry_outside_his_scope_is_404(client, world):
    period = open_period(world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=None)
    for report in period.reports.all():
        add_missing_entries(report)
    other = ReportEntry.objects.get(project=world.projects["温县文旅"])
    client.force_login(world.users["wuzhi"])
    assert client.get(reverse("problem_new"), {"entry": other.pk}).status_code == 404
    assert client.get(reverse("problem_new"), {"entry": "x"}).status_code == 404
