"""The supervision order (督办单): numbered per city and year, recorded on the problem, and an
official .docx that reads back with every field in its place."""

import io
from datetime import date

import pytest
from django.db import IntegrityError
from django.urls import reverse
from docx import Document
from docx.oxml.ns import qn

from guanmo.documents.models import IssuingOffice
from guanmo.supervision import services
from guanmo.supervision.models import Problem, ProblemStep, SupervisionOrder
from guanmo.supervision.services import SupervisionError
from tests.documents.docx import body_tables, imprint_lines

REQUIREMENTS = "请于5月16日前办结，并将办理情况书面报送市重点项目办公室。"


@pytest.fixture
def problem(world, calendar, raise_problem):
    return raise_problem(text="二期用地指标尚未落实，影响厂房开工", deadline=date(2025, 5, 16))


def issue(client, world, problem, requirements=REQUIREMENTS):
    client.force_login(world.users["city"])
    return client.post(
        reverse("order_new", args=[problem.pk]), {"requirements": requirements}, follow=True
    )


def test_the_city_office_issues_numbered_orders(client, world, problem):
    issue(client, world, problem)
    issue(client, world, problem, "再次督办")
    first, second = SupervisionOrder.objects.order_by("sequence")
    assert (first.number, second.number) == ("焦作项目办督〔2025〕1号", "焦作项目办督〔2025〕2号")
    assert (first.issued_on, first.issued_by) == (date(2025, 5, 6), world.users["city"])
    step = problem.steps.filter(action=ProblemStep.Action.ORDER).first()
    assert (step.user, step.note) == (
        world.users["city"],
        f"焦作项目办督〔2025〕1号：{REQUIREMENTS}",
    )


def test_requirements_are_required_and_a_solved_problem_needs_no_order(client, world, problem):
    assert "请填写督办要求" in issue(client, world, problem, " ").content.decode()
    Problem.objects.filter(pk=problem.pk).update(status=Problem.Status.CONFIRMED)
    assert "该问题已解决，无需督办" in issue(client, world, problem).content.decode()
    assert not SupervisionOrder.objects.exists()


def test_a_county_office_may_not_issue_one(client, world, problem):
    client.force_login(world.users["wuzhi"])
    response = client.post(reverse("order_new", args=[problem.pk]), {"requirements": "督办"})
    assert response.status_code == 403


def test_the_order_reads_back_from_its_docx(client, world, problem):
    issue(client, world, problem)
    order = SupervisionOrder.objects.get()
    client.force_login(world.users["department"])  # the department it is addressed to
    response = client.get(reverse("order_file", args=[order.pk]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    document = Document(io.BytesIO(b"".join(response.streaming_content)))

    paragraphs = [p.text for p in document.paragraphs if p.text]
    assert paragraphs[:4] == [
        "焦作市重点项目建设办公室文件",
        "焦作项目办督〔2025〕1号",
        "焦作市重点项目督办单",
        "市自然资源和规划局：",
    ]
    assert paragraphs[4] == (
        "武陟县智能装备产业园存在的用地问题，已列入重点督办事项。"
        "请你单位于2025年5月16日前办结，并将办理情况书面报送焦作市重点项目建设办公室。"
    )
    assert paragraphs[-2:] == ["焦作市重点项目建设办公室", "2025年5月6日"]
    assert imprint_lines(document)[-1] == "焦作市重点项目建设办公室\t2025年5月6日印发"
    title = document.paragraphs[2].runs[0]
    assert title._element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"

    (table,) = body_tables(document)
    rows = [(row.cells[0].text, row.cells[1].text) for row in table.rows]
    assert rows == [
        ("督办编号", "焦作项目办督〔2025〕1号"),
        ("项目名称", "武陟县智能装备产业园"),
        ("所在县区", "武陟县"),
        ("问题类型", "用地"),
        ("存在问题", "二期用地指标尚未落实，影响厂房开工"),
        ("责任部门", "市自然资源和规划局"),
        ("交办日期", "2025年5月6日"),
        ("办结时限", "2025年5月16日"),
        ("督办要求", REQUIREMENTS),
    ]


def test_the_issuer_is_the_city_s_issuing_office_whoever_signs(client, world, problem):
    world.users["city"].unit = "焦作市重点项目建设领导小组办公室"
    world.users["city"].save()
    issue(client, world, problem)
    response = client.get(reverse("order_file", args=[SupervisionOrder.objects.get().pk]))
    document = Document(io.BytesIO(b"".join(response.streaming_content)))
    texts = [p.text for p in document.paragraphs]
    assert "焦作市重点项目建设领导小组办公室" not in texts
    assert texts[0] == "焦作市重点项目建设办公室文件"


def test_another_county_cannot_download_it(client, world, problem):
    issue(client, world, problem)
    client.force_login(world.users["wenxian"])
    order = SupervisionOrder.objects.get()
    assert client.get(reverse("order_file", args=[order.pk])).status_code == 404


def _stated_deadline(document) -> str:
    """The date the order's own sentence orders completion by: 请你单位于…前办结."""
    (sentence,) = [p.text for p in document.paragraphs if "请你单位于" in p.text]
    return sentence.split("请你单位于")[1].split("前办结")[0]


def test_an_order_for_an_overdue_problem_orders_completion_after_its_own_date(
    client, world, problem, calendar
):
    calendar.today = date(2025, 6, 1)  # the problem was due on 16 May
    issue(client, world, problem)
    order = SupervisionOrder.objects.get()
    response = client.get(reverse("order_file", args=[order.pk]))
    document = Document(io.BytesIO(b"".join(response.streaming_content)))

    assert _stated_deadline(document) == "2025年6月8日"
    rows = dict((row.cells[0].text, row.cells[1].text) for row in document.tables[0].rows)
    assert rows["办结时限"] == "2025年6月8日"
    assert rows["原办理时限"] == "2025年5月16日"


def test_a_deadline_before_the_order_s_date_is_refused(world, problem):
    with pytest.raises(SupervisionError, match="办结时限不得早于督办单日期2025年6月1日"):
        services.issue_order(
            problem,
            user=world.users["city"],
            requirements="按期办结",
            deadline=date(2025, 5, 20),
            today=date(2025, 6, 1),
        )
    assert not SupervisionOrder.objects.exists()


def test_the_database_refuses_an_order_due_before_its_date(world, problem):
    with pytest.raises(IntegrityError):
        SupervisionOrder.objects.create(
            problem=problem,
            city=world.city,
            year=2025,
            sequence=9,
            requirements="按期办结",
            issued_on=date(2025, 6, 1),
            deadline=date(2025, 5, 20),
        )


def test_the_signer_is_the_person_the_city_names(client, world, problem):
    IssuingOffice.objects.create(
        city=world.city,
        full_name="焦作市重点项目建设办公室",
        short_name="焦作市项目办",
        number_prefix="焦作项目办",
        signer="王建国",
    )
    issue(client, world, problem)
    response = client.get(reverse("order_file", args=[SupervisionOrder.objects.get().pk]))
    document = Document(io.BytesIO(b"".join(response.streaming_content)))
    texts = [p.text for p in document.paragraphs]
    assert "签发人：王建国" in texts
    assert "焦作项目办督〔2025〕1号" in texts
    assert texts.count("焦作市重点项目建设办公室") == 1  # the signature


def test_the_order_downloads_the_same_file_every_time(client, world, problem):
    issue(client, world, problem)
    order = SupervisionOrder.objects.get()
    first = b"".join(client.get(reverse("order_file", args=[order.pk])).streaming_content)
    problem.text = "已改写的问题描述"
    problem.save()
    again = b"".join(client.get(reverse("order_file", args=[order.pk])).streaming_content)
    assert first == again
