"""Each commissioner's month as the dispatching unit sees it: visits, photos and their flags,
and whether he wrote his projects' month by the deadline."""

from datetime import date, datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from guanmo.accounts.scope import scope_of
from guanmo.commissioners.selectors import commissioner_months
from guanmo.reporting.models import FigureChange
from guanmo.reporting.services import open_period
from guanmo.supervision import services as supervision
from guanmo.supervision.models import Problem
from tests.commissioners.logs import log_visit
from tests.commissioners.photos import FAR, NEAR, jpeg
from tests.world import YEAR


@pytest.fixture
def april(client, world):
    """王专员 is stationed on both 温县 projects. In April he visits 温县太极文化产业园 twice
    (three photos, one taken 3.4 km away) and 温县健康食品产业园 not at all; he writes
    太极's month by the 5 May deadline and 食品's never. He raises two problems in April, one
    solved and confirmed within the month, and one in March."""
    wang = world.users["commissioner"]
    food = world.projects["温县食品"]
    food.commissioner = wang
    food.save()
    culture = world.projects["温县文旅"]
    period = open_period(world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=None)
    log_visit(culture, date(YEAR, 3, 20), jpeg(taken="2025:03:20 10:00:00", at=NEAR))
    log_visit(culture, date(YEAR, 4, 3), jpeg(taken="2025:04:03 10:00:00", at=NEAR))
    log_visit(
        culture,
        date(YEAR, 4, 17),
        jpeg(taken="2025:04:17 09:00:00", at=NEAR),
        jpeg(taken="2025:04:17 09:10:00", at=FAR),
    )
    client.force_login(wang)
    report = period.reports.get(county=world.wenxian)
    client.post(
        reverse("project_note", args=[culture.pk]),
        {"visible_progress": "主体封顶", "problems": "", "version": report.version},
    )
    written_on = timezone.make_aware(datetime(YEAR, 5, 4, 17, 0))
    FigureChange.objects.filter(project=culture).update(at=written_on)
    client.logout()
    raise_problems(world, wang)
    return period


def raise_problems(world, wang):
    department = world.users["department"].department
    culture, food = world.projects["温县文旅"], world.projects["温县食品"]

    def problem(project, on, text):
        return supervision.raise_problem(
            project,
            problem_type="utilities",
            text=text,
            department=department,
            user=wang,
            source=Problem.Source.COMMISSIONER,
            raised_on=on,
        )

    problem(culture, date(YEAR, 3, 25), "施工用电未接通")
    solved = problem(culture, date(YEAR, 4, 8), "施工用水压力不足")
    supervision.answer(
        solved, user=world.users["department"], note="已协调", solved=True, today=date(YEAR, 4, 20)
    )
    supervision.confirm(solved, user=wang, today=date(YEAR, 4, 22))
    problem(food, date(YEAR, 4, 15), "天然气管道未接入厂区")


def test_a_commissioners_month_counts_visits_photos_flags_notes_and_problems(world, april):
    scope = scope_of(world.users["city"])
    [month] = commissioner_months(scope, YEAR, 4, today=date(YEAR, 5, 20))
    assert month.commissioner == world.users["commissioner"]
    assert len(month.projects) == 2 and month.visited_projects == 1
    assert len(month.visits) == 2 and len(month.photos) == 3
    assert [str(flag) for photo in month.flagged_photos for flag in photo.flags] == [
        "距项目超过2公里（3.4公里）"
    ]
    assert {each.project.name: each.note for each in month.projects} == {
        "温县太极文化产业园": "按时填报",
        "温县健康食品产业园": "未填报",
    }
    assert (month.notes_on_time, month.notes_due) == (1, 2)
    assert [problem.text for problem in month.problems] == [
        "施工用水压力不足",
        "天然气管道未接入厂区",
    ]
    figures = month.problem_figures
    assert (figures.raised, figures.solved, figures.overdue) == (2, 1, 0)


def test_the_month_is_read_in_seven_queries_whatever_it_holds(
    world, april, django_assert_num_queries
):
    scope = scope_of(world.users["city"])
    with django_assert_num_queries(7):
        months = commissioner_months(scope, YEAR, 4, today=date(YEAR, 5, 20))
        assert sum(len(photo.flags) for month in months for photo in month.photos) == 1


def test_before_the_deadline_an_unwritten_month_is_only_pending(world, april):
    scope = scope_of(world.users["city"])
    [month] = commissioner_months(scope, YEAR, 4, today=date(YEAR, 5, 5))
    assert [each.note for each in month.projects] == ["按时填报", "尚未填报"]


def test_a_note_written_after_the_deadline_is_late(world, april):
    late = timezone.make_aware(datetime(YEAR, 5, 6, 8, 0))
    FigureChange.objects.filter(project=world.projects["温县文旅"]).update(at=late)
    [month] = commissioner_months(scope_of(world.users["city"]), YEAR, 4, today=date(YEAR, 6, 1))
    assert month.projects[0].note == "逾期填报"


def test_the_city_office_sees_every_commissioners_month(client, world, april):
    client.force_login(world.users["city"])
    page = client.get(reverse("commissioner_months"), {"year": YEAR, "month": 4}).content.decode()
    assert "驻工地专员2025年4月工作情况" in page and "王专员" in page
    url = reverse("commissioner_month", args=[YEAR, 4, world.users["commissioner"].pk])
    assert url in page
    page = client.get(url).content.decode()
    assert (
        "本月走访2次，覆盖负责的2个项目中的1个；上传现场照片3张，其中1张需核实；"
        "2个项目应填报形象进度和存在问题，按时填报1个（截止2025年5月5日）；"
        "提出问题2个，截至2025年4月30日已解决1个。"
    ) in page
    assert "距项目超过2公里（3.4公里）" in page
    for problem in Problem.objects.filter(raised_on__month=4):
        assert reverse("problem_detail", args=[problem.pk]) in page
    assert "施工用电未接通" not in page  # raised in March


def test_a_county_office_sees_its_own_countys_commissioners_only(client, world, april):
    url = reverse("commissioner_month", args=[YEAR, 4, world.users["commissioner"].pk])
    client.force_login(world.users["wenxian"])
    assert client.get(url).status_code == 200
    client.force_login(world.users["wuzhi"])
    page = client.get(reverse("commissioner_months"), {"year": YEAR, "month": 4})
    assert "王专员" not in page.content.decode()
    assert client.get(url).status_code == 404


def test_a_commissioner_sees_his_own_month_and_no_one_elses(client, world, april):
    wang = world.users["commissioner"]
    client.force_login(wang)
    response = client.get(reverse("commissioner_months"), {"year": YEAR, "month": 4})
    assert response.url == reverse("commissioner_month", args=[YEAR, 4, wang.pk])
    assert client.get(response.url).status_code == 200
    other = reverse("commissioner_month", args=[YEAR, 4, world.users["city"].pk])
    assert client.get(other).status_code == 404
