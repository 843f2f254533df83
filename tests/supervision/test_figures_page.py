"""The figures page and its Excel export show the report of `supervision.report`, computed from
the problems as stored; and the city office sets the deadlines they are measured by."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from guanmo.accounts.models import User
from guanmo.supervision import services
from guanmo.supervision.models import SupervisionRules
from guanmo.supervision.report import problem_report
from tests.documents.injection import INJECTION, assert_kept_as_text


@pytest.fixture
def april(world, calendar, raise_problem, environment_bureau):
    """Three April problems and one of March, as they stand on 6 May:
    装备园 (自然资源, 武陟县) raised 4/1, due 4/10, solved 4/8 and confirmed: on time, 7 days;
    文旅 (生态环境, 温县) raised 4/3, due 4/13, solved 4/20 and confirmed: late, 17 days;
    食品 (生态环境, 温县) raised 4/20, due 4/25, open: overdue;
    物流 (自然资源, 武陟县) raised 3/20, due 4/15, open: outside the month, inside the year."""
    department, city = world.users["department"], world.users["city"]
    environment = User.objects.create_user(
        "sthjj", role="department", region=world.city, department=environment_bureau
    )
    solved = raise_problem(raised_on=date(2025, 4, 1), deadline=date(2025, 4, 10))
    services.answer(solved, user=department, note="已解决", solved=True, today=date(2025, 4, 8))
    services.confirm(solved, user=city, today=date(2025, 4, 9))
    late = raise_problem(
        "温县文旅",
        department=environment_bureau,
        raised_on=date(2025, 4, 3),
        deadline=date(2025, 4, 13),
    )
    services.answer(late, user=environment, note="已解决", solved=True, today=date(2025, 4, 20))
    services.confirm(late, user=city, today=date(2025, 4, 21))
    raise_problem(
        "温县食品",
        department=environment_bureau,
        raised_on=date(2025, 4, 20),
        deadline=date(2025, 4, 25),
    )
    raise_problem("武陟物流", raised_on=date(2025, 3, 20), deadline=date(2025, 4, 15))


def test_the_month_s_report(world, april):
    report = problem_report(world.city, year=2025, month=4, span="month", today=date(2025, 5, 6))
    assert report.as_of == date(2025, 4, 30)
    assert report.sentences[0] == (
        "本月共交办问题3个，已解决2个（其中按期解决1个），按期解决率33.3%，"
        "平均解决用时12.0天；逾期未解决1个。"
    )
    assert [(d.name, d.raised, d.overdue) for d in report.departments] == [
        ("市自然资源和规划局", 1, 0),
        ("市生态环境局", 2, 1),
    ]
    # Every county and zone of the city is listed, with or without problems.
    assert [c.name for c in report.counties][:2] == ["解放区", "中站区"]
    assert {c.name: c.raised for c in report.counties}["温县"] == 2


def test_the_year_to_date_includes_march(world, april):
    report = problem_report(world.city, year=2025, month=4, span="year", today=date(2025, 5, 6))
    assert report.period == "2025年1—4月"
    assert report.sentences[0].startswith("1—4月共交办问题4个，已解决2个")
    assert "逾期未解决2个" in report.sentences[0]


def test_the_page_and_the_export_agree(client, world, april):
    client.force_login(world.users["leader"])
    query = {"year": 2025, "month": 4, "span": "month"}
    page = client.get(reverse("problem_figures"), query).content.decode()
    assert "2025年4月督办问题办理情况" in page
    assert "本月共交办问题3个，已解决2个（其中按期解决1个），按期解决率33.3%" in page

    workbook = load_workbook(
        io.BytesIO(b"".join(client.get(reverse("problem_figures_file"), query).streaming_content))
    )
    assert workbook.sheetnames == ["按责任部门", "按县区"]
    rows = list(workbook["按责任部门"].iter_rows(min_row=3, values_only=True))
    assert rows == [
        (
            "单位",
            "交办问题",
            "已解决",
            "按期解决",
            "待确认",
            "逾期未解决",
            "按期解决率",
            "平均解决用时（天）",
        ),
        ("市自然资源和规划局", 1, 1, 1, 0, 0, 1, 7),
        ("市生态环境局", 2, 1, 0, 0, 1, 0, 17),
        ("合计", 3, 2, 1, 0, 1, 0.333, 12),
    ]


def test_the_page_is_for_those_who_see_the_city_s_totals(client, world):
    for role, status in (("city", 200), ("leader", 200), ("wuzhi", 404), ("department", 404)):
        client.force_login(world.users[role])
        assert client.get(reverse("problem_figures")).status_code == status, role


def test_a_bad_month_falls_back_to_the_current_one(client, world):
    client.force_login(world.users["city"])
    response = client.get(reverse("problem_figures"), {"year": "2025", "month": "13"})
    assert response.status_code == 200


def test_the_city_office_sets_the_deadlines(client, world, calendar, land_bureau):
    client.force_login(world.users["city"])
    assert client.get(reverse("supervision_rules")).status_code == 200
    values = {
        f"{kind}_days": 20
        for kind in (
            "land",
            "funds",
            "environment",
            "planning",
            "utilities",
            "resettlement",
            "other",
        )
    }
    client.post(reverse("supervision_rules"), {**values, "land_days": 12, "escalation_days": 3})
    rules = SupervisionRules.objects.get(city=world.city)
    assert (rules.land_days, rules.funds_days, rules.escalation_days) == (12, 20, 3)
    response = client.post(reverse("supervision_rules"), {**values, "escalation_days": 0})
    assert "确保该值大于或等于1" in response.content.decode()
    client.post(
        reverse("problem_new"),
        {
            "project": world.projects["武陟装备"].pk,
            "problem_type": "land",
            "department": land_bureau.pk,
            "text": "用地",
        },
    )
    assert world.projects["武陟装备"].supervised_problems.get().deadline == date(2025, 5, 18)


def test_by_default_the_page_counts_the_year_to_this_month(client, world, april):
    client.force_login(world.users["city"])
    page = client.get(reverse("problem_figures")).content.decode()
    assert "2025年1—5月督办问题办理情况" in page  # the calendar says 6 May 2025
    assert "1—5月共交办问题4个" in page


def test_the_export_writes_a_formula_like_department_name_as_text(
    client, world, calendar, raise_problem, land_bureau
):
    land_bureau.name = INJECTION
    land_bureau.save()
    raise_problem(raised_on=date(2025, 4, 1), deadline=date(2025, 4, 10))
    client.force_login(world.users["city"])
    response = client.get(reverse("problem_figures_file"), {"year": 2025, "month": 4})
    assert_kept_as_text(load_workbook(io.BytesIO(b"".join(response.streaming_content))))
