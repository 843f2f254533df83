"""A department reads the basic facts of a project with a problem assigned to it, and nothing
of the project's figures (issue 10: it could not open the project of its own problem)."""

import pytest
from django.urls import reverse

from guanmo.supervision import services
from guanmo.supervision.models import Problem

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned(world) -> Problem:
    return services.raise_problem(
        world.projects["武陟装备"],
        problem_type="land",
        text="用地预审未批复",
        department=world.users["department"].department,
        user=world.users["city"],
        source=Problem.Source.CITY_OFFICE,
    )


def test_a_department_opens_the_project_of_its_problem(client, world, assigned):
    client.force_login(world.users["department"])

    response = client.get(reverse("project_detail", args=[assigned.project_id]))

    body = response.content.decode()
    assert response.status_code == 200
    assert "武陟县智能装备产业园" in body and "基本情况" in body and "建设单位" in body
    assert "用地预审未批复" in body
    for figures in ("累计完成", "修改记录", "年度计划"):
        assert figures not in body


def test_a_department_gets_404_for_a_project_without_its_problems(client, world, assigned):
    client.force_login(world.users["department"])

    response = client.get(reverse("project_detail", args=[world.projects["温县文旅"].pk]))

    assert response.status_code == 404


def test_the_queue_links_each_problem_to_its_project(client, world, assigned):
    client.force_login(world.users["department"])

    body = client.get(reverse("department_queue")).content.decode()

    assert reverse("project_detail", args=[assigned.project_id]) in body


def test_a_department_still_sees_no_figures_pages_of_the_project(client, world, assigned):
    client.force_login(world.users["department"])

    assert "武陟县智能装备产业园" not in client.get(reverse("project_list")).content.decode()
    assert client.get(reverse("project_edit", args=[assigned.project_id])).status_code == 404
