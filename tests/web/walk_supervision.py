"""Supervision pages and actions for the permission walk.

The walk's problems belong to 市生态环境局, not to the test world's department user (市自然资源和
规划局): he must get 404 on them and see no project on any page, while the city office, the
武陟县 office and the leader in charge see the 武陟县 problem. A county office sees only its
county's problems and meetings; the meeting is chaired by the leader.
"""

from datetime import date

from django.urls import reverse

from guanmo.accounts.models import Department
from guanmo.supervision import services
from guanmo.supervision.models import Problem
from tests.web.walks import Walk

ROLES = ("admin", "city", "wuzhi", "wenxian", "leader", "commissioner", "department")
EVERYONE = dict.fromkeys(ROLES, 200)
CITY_OFFICE = {**dict.fromkeys(ROLES, 403), "admin": 200, "city": 200}
CITY_TOTALS = {**dict.fromkeys(ROLES, 404), "admin": 200, "city": 200, "leader": 200}
RAISERS = {**EVERYONE, "leader": 403, "department": 403}
DEPARTMENT_ONLY = {**dict.fromkeys(ROLES, 404), "department": 200}
# The 武陟县 problem: seen by the city office, 武陟县 and its leader in charge, nobody else.
WUZHI_PROBLEM = {**EVERYONE, "wenxian": 404, "commissioner": 404, "department": 404}
OUTSIDE = {"wenxian": 404, "commissioner": 404, "department": 404}


def walk(world) -> Walk:
    city = world.users["city"]
    environment = Department.objects.create(city=world.city, name="市生态环境局")

    def problem(project: str) -> Problem:
        return services.raise_problem(
            world.projects[project],
            problem_type="environment",
            text="环评批复未下达",
            department=environment,
            user=city,
            source=Problem.Source.CITY_OFFICE,
        )

    wuzhi = problem("武陟装备")
    problem("温县文旅")
    order = services.issue_order(wuzhi, user=city, requirements="按期办结")
    meeting = services.record_meeting(
        world.city,
        held_on=date.today(),
        topic="智能装备产业园建设专题推进会",
        chair=world.users["leader"],
        attendees="市生态环境局、武陟县政府",
        user=city,
    )
    services.add_decision(
        meeting,
        world.projects["武陟装备"],
        problem_type="environment",
        text="一周内完成环评审批",
        department=environment,
        deadline=None,
        user=city,
    )
    return Walk(
        pages={
            "problem_list": (reverse("problem_list"), EVERYONE),
            "department_queue": (reverse("department_queue"), DEPARTMENT_ONLY),
            "problem_new": (reverse("problem_new"), RAISERS),
            "problem_detail": (reverse("problem_detail", args=[wuzhi.pk]), WUZHI_PROBLEM),
            "order_file": (reverse("order_file", args=[order.pk]), WUZHI_PROBLEM),
            "meeting_list": (reverse("meeting_list"), EVERYONE),
            "meeting_new": (reverse("meeting_new"), CITY_OFFICE),
            "meeting_detail": (reverse("meeting_detail", args=[meeting.pk]), WUZHI_PROBLEM),
            "problem_figures": (reverse("problem_figures"), CITY_TOTALS),
            "problem_figures_file": (reverse("problem_figures_file"), CITY_TOTALS),
            "supervision_rules": (reverse("supervision_rules"), CITY_OFFICE),
        },
        actions={
            # Only 市生态环境局 answers; those who see the problem are refused, others 404.
            "problem_answer": (
                reverse("problem_answer", args=[wuzhi.pk]),
                {**OUTSIDE, "admin": 403, "city": 403, "wuzhi": 403, "leader": 403},
            ),
            # The city office raised it: it confirms or reopens, nobody else.
            "problem_confirm": (
                reverse("problem_confirm", args=[wuzhi.pk]),
                {**OUTSIDE, "wuzhi": 403, "leader": 403},
            ),
            "problem_reopen": (
                reverse("problem_reopen", args=[wuzhi.pk]),
                {**OUTSIDE, "wuzhi": 403, "leader": 403},
            ),
            "order_new": (
                reverse("order_new", args=[wuzhi.pk]),
                {**OUTSIDE, "wuzhi": 403, "leader": 403},
            ),
            # The leader in charge of 武陟装备 instructs; not even the city office may.
            "problem_instruct": (
                reverse("problem_instruct", args=[wuzhi.pk]),
                {**OUTSIDE, "admin": 403, "city": 403, "wuzhi": 403},
            ),
            "decision_add": (
                reverse("decision_add", args=[meeting.pk]),
                {**OUTSIDE, "wuzhi": 403, "leader": 403},
            ),
            "problem_new": (reverse("problem_new"), {"leader": 403, "department": 403}),
            "meeting_new": (
                reverse("meeting_new"),
                {role: status for role, status in CITY_OFFICE.items() if status != 200},
            ),
            "supervision_rules": (
                reverse("supervision_rules"),
                {role: status for role, status in CITY_OFFICE.items() if status != 200},
            ),
        },
    )
