"""A problem's whole life: from a county's monthly report to 市自然资源和规划局's queue, past its
deadline up two levels (county office, then city office), solved by the department and
confirmed by the county office that raised it, every step on record; and a meeting's decision
becoming a problem of its own."""

from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from guanmo.reporting import services as reporting
from guanmo.supervision import services
from guanmo.supervision.models import Level, Meeting, Problem, ProblemStep, SupervisionRules
from tests.world import YEAR

Action = ProblemStep.Action


@pytest.fixture
def rules(world):
    """焦作市 gives land problems 10 days and climbs one level every 5 overdue days."""
    return SupervisionRules.objects.create(city=world.city, land_days=10, escalation_days=5)


@pytest.fixture
def april_entry(world):
    """武陟县's April report, its 存在问题 for 智能装备产业园 written and saved."""
    period = reporting.open_period(
        world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=world.users["city"]
    )
    report = period.reports.get(county=world.wuzhi)
    reporting.add_missing_entries(report)
    project = world.projects["武陟装备"]
    reporting.save_entries(
        report,
        [reporting.EntryInput(project.pk, problems="二期用地指标尚未落实，影响厂房开工")],
        user=world.users["wuzhi"],
        version=report.version,
        texts_only=True,
    )
    return report.entries.get(project=project)


def as_user(client, world, role):
    client.force_login(world.users[role])
    return client


def steps_of(problem):
    return [
        (step.action, step.on, step.level, step.user.username if step.user else None, step.note)
        for step in problem.steps.select_related("user")
    ]


def test_from_a_monthly_report_to_solved_and_confirmed(
    client, world, calendar, rules, land_bureau, april_entry
):
    # 6 May: 武陟县 sees the button on its report and raises the problem from it.
    wuzhi = as_user(client, world, "wuzhi")
    grid = wuzhi.get(reverse("report_grid", args=[april_entry.report_id])).content.decode()
    raise_url = f"{reverse('problem_new')}?entry={april_entry.pk}"
    assert raise_url in grid
    form = wuzhi.get(raise_url)
    assert "二期用地指标尚未落实，影响厂房开工" in form.content.decode()
    response = wuzhi.post(
        raise_url,
        {
            "entry": april_entry.pk,
            "project": april_entry.project_id,
            "problem_type": "land",
            "department": land_bureau.pk,
            "text": "二期用地指标尚未落实，影响厂房开工",
            "deadline": "",
        },
    )
    problem = Problem.objects.get()
    assert response.url == reverse("problem_detail", args=[problem.pk])
    assert (problem.source, problem.report_entry, problem.raised_by) == (
        Problem.Source.REPORT,
        april_entry,
        world.users["wuzhi"],
    )
    assert (problem.raised_on, problem.deadline) == (date(2025, 5, 6), date(2025, 5, 16))

    # It is in the department's queue.
    department = as_user(client, world, "department")
    queue = department.get(reverse("department_queue")).content.decode()
    assert "二期用地指标尚未落实" in queue and "武陟县智能装备产业园" in queue

    # 17 May, the first overdue day: the daily command hands it to 武陟县's office.
    call_command("escalate-problems", today="2025-05-17")
    problem.refresh_from_db()
    assert problem.level == Level.COUNTY_OFFICE
    listed = as_user(client, world, "wuzhi").get(reverse("problem_list")).content.decode()
    assert 'id="escalated"' in listed

    # 22 May: five more days. Loading a page is enough to climb to the city office.
    calendar.today = date(2025, 5, 22)
    listed = as_user(client, world, "city").get(reverse("problem_list")).content.decode()
    problem.refresh_from_db()
    assert problem.level == Level.CITY_OFFICE
    assert 'id="escalated"' in listed and "二期用地指标尚未落实" in listed
    listed = as_user(client, world, "wuzhi").get(reverse("problem_list")).content.decode()
    assert 'id="escalated"' not in listed  # no longer his to chase, though still in his list

    # 23 May: the department reports it solved (late); 24 May: 武陟县 confirms.
    calendar.today = date(2025, 5, 23)
    as_user(client, world, "department").post(
        reverse("problem_answer", args=[problem.pk]),
        {"note": "已调剂新增建设用地指标30亩，完成用地预审", "solved": "on"},
    )
    calendar.today = date(2025, 5, 24)
    as_user(client, world, "wuzhi").post(
        reverse("problem_confirm", args=[problem.pk]), {"note": "已核实"}
    )
    problem.refresh_from_db()
    assert (problem.status, problem.solved_on, problem.confirmed_on) == (
        Problem.Status.CONFIRMED,
        date(2025, 5, 23),
        date(2025, 5, 24),
    )
    assert steps_of(problem) == [
        (
            Action.RAISE,
            date(2025, 5, 6),
            0,
            "wuzhi",
            "交市自然资源和规划局办理，时限2025年5月16日",
        ),
        (Action.ESCALATE, date(2025, 5, 17), 1, None, "逾期1天，升级至县区项目办督办"),
        (Action.ESCALATE, date(2025, 5, 22), 2, None, "逾期6天，升级至市项目办督办"),
        (Action.SOLVE, date(2025, 5, 23), 2, "zrzyj", "已调剂新增建设用地指标30亩，完成用地预审"),
        (Action.CONFIRM, date(2025, 5, 24), 2, "wuzhi", "已核实"),
    ]
    page = as_user(client, world, "wuzhi").get(reverse("problem_detail", args=[problem.pk]))
    for text in ("逾期6天，升级至市项目办督办", "已调剂新增建设用地指标30亩", "已核实"):
        assert text in page.content.decode()


def test_a_report_answer_is_not_a_solution(client, world, calendar, raise_problem):
    problem = raise_problem()
    as_user(client, world, "department").post(
        reverse("problem_answer", args=[problem.pk]), {"note": "已与武陟县对接，正在组卷"}
    )
    problem.refresh_from_db()
    assert (problem.status, problem.solved_on) == (Problem.Status.OPEN, None)
    assert problem.steps.last().action == Action.ANSWER


def test_reopening_needs_a_reason_and_sends_it_back(client, world, calendar, raise_problem):
    problem = raise_problem()
    as_user(client, world, "department").post(
        reverse("problem_answer", args=[problem.pk]), {"note": "已办结", "solved": "on"}
    )
    city = as_user(client, world, "city")
    response = city.post(reverse("problem_reopen", args=[problem.pk]), {"reason": " "}, follow=True)
    assert "请填写重新交办的原因" in response.content.decode()
    problem.refresh_from_db()
    assert problem.status == Problem.Status.SOLVED

    city.post(reverse("problem_reopen", args=[problem.pk]), {"reason": "现场核实仍未供地"})
    problem.refresh_from_db()
    assert (problem.status, problem.solved_on) == (Problem.Status.OPEN, None)
    assert steps_of(problem)[-1] == (
        Action.REOPEN,
        date(2025, 5, 6),
        0,
        "shixmb",
        "现场核实仍未供地",
    )
    # Open again, it cannot be confirmed until the department solves it anew.
    response = city.post(reverse("problem_confirm", args=[problem.pk]), follow=True)
    assert "责任部门尚未办结，不能确认" in response.content.decode()


def test_the_raiser_of_another_problem_may_not_confirm(client, world, calendar, raise_problem):
    problem = raise_problem(user=world.users["wuzhi"], source=Problem.Source.COUNTY_OFFICE)
    problem.status = Problem.Status.SOLVED
    problem.save()
    leader = as_user(client, world, "leader")  # sees the problem (his project), raised nothing
    assert leader.post(reverse("problem_confirm", args=[problem.pk])).status_code == 403


def test_a_meeting_decision_becomes_a_problem(client, world, calendar, land_bureau):
    city = as_user(client, world, "city")
    response = city.post(
        reverse("meeting_new"),
        {
            "held_on": "2025-05-06",
            "topic": "温县太极文化产业园建设专题推进会",
            "chair": world.users["leader"].pk,
            "attendees": "市自然资源和规划局、市供电公司、温县政府",
        },
    )
    meeting = Meeting.objects.get()
    assert response.url == reverse("meeting_detail", args=[meeting.pk])
    assert (meeting.chair, meeting.recorded_by) == (world.users["leader"], world.users["city"])

    city.post(
        reverse("decision_add", args=[meeting.pk]),
        {
            "decision-project": world.projects["温县文旅"].pk,
            "decision-problem_type": "utilities",
            "decision-department": land_bureau.pk,
            "decision-text": "5月底前完成10千伏专线接入",
            "decision-deadline": "2025-05-31",
        },
    )
    problem = meeting.decisions.get()
    assert (problem.source, problem.raised_on, problem.deadline, problem.department) == (
        Problem.Source.MEETING,
        date(2025, 5, 6),
        date(2025, 5, 31),
        land_bureau,
    )
    assert steps_of(problem) == [
        (
            Action.RAISE,
            date(2025, 5, 6),
            0,
            "shixmb",
            "交市自然资源和规划局办理，时限2025年5月31日",
        ),
    ]
    queue = as_user(client, world, "department").get(reverse("department_queue"))
    assert "5月底前完成10千伏专线接入" in queue.content.decode()
    # The chair and the county see the meeting; the other county does not.
    for role, status in (("leader", 200), ("wenxian", 200), ("wuzhi", 404)):
        response = as_user(client, world, role).get(reverse("meeting_detail", args=[meeting.pk]))
        assert response.status_code == status, role


def test_a_decision_without_a_deadline_takes_the_default_from_the_meeting_day(
    client, world, calendar, land_bureau
):
    meeting = Meeting.objects.create(
        city=world.city, held_on=date(2025, 4, 28), topic="用地专题会", chair=world.users["leader"]
    )
    as_user(client, world, "city").post(
        reverse("decision_add", args=[meeting.pk]),
        {
            "decision-project": world.projects["武陟物流"].pk,
            "decision-problem_type": "land",
            "decision-department": land_bureau.pk,
            "decision-text": "落实冷库用地",
        },
    )
    assert meeting.decisions.get().deadline == date(2025, 5, 28)  # 30 days for land


def test_a_bad_decision_keeps_the_form_with_its_errors(client, world, calendar, land_bureau):
    meeting = Meeting.objects.create(
        city=world.city, held_on=date(2025, 5, 6), topic="用地专题会", chair=world.users["leader"]
    )
    response = as_user(client, world, "city").post(
        reverse("decision_add", args=[meeting.pk]),
        {
            "decision-project": world.projects["武陟物流"].pk,
            "decision-problem_type": "land",
            "decision-department": land_bureau.pk,
            "decision-text": "落实冷库用地",
            "decision-deadline": "2025-05-01",
        },
    )
    assert response.status_code == 200
    assert "办理时限不能早于交办日期" in response.content.decode()
    assert not Problem.objects.exists()


def test_a_second_click_from_an_older_page_acts_once(world, calendar, raise_problem):
    problem = raise_problem()
    stale = Problem.objects.get(pk=problem.pk)  # the same problem, as an older page loaded it
    department = world.users["department"]
    services.answer(problem, user=department, note="已办结", solved=True)
    with pytest.raises(services.SupervisionError, match="该问题待确认，不能再报送办理情况"):
        services.answer(stale, user=department, note="已办结", solved=True)
    assert problem.steps.filter(action=Action.SOLVE).count() == 1
