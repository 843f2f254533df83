"""Who reads which log: a commissioner his own, a county office its county's, the city all; a
leader in charge and a department none. Photos are reached only through the log's scope."""

from datetime import date

import pytest
from django.urls import reverse

from guanmo.accounts.models import Role, User
from tests.commissioners.logs import log_visit
from tests.commissioners.photos import NEAR, jpeg

PHOTO_PAGES = ("photo_original", "photo_thumbnail", "photo_picture")


@pytest.fixture
def logs(world):
    """王专员 logs 温县太极文化产业园; 赵专员 is stationed on 武陟县智能装备产业园."""
    zhao = User.objects.create_user(
        "zhao", role=Role.COMMISSIONER, region=world.city, full_name="赵专员"
    )
    wuzhi_project = world.projects["武陟装备"]
    wuzhi_project.commissioner = zhao
    wuzhi_project.save()
    photo = jpeg(taken="2025:04:09 08:15:00", at=NEAR)
    wenxian_visit = log_visit(world.projects["温县文旅"], date(2025, 4, 9), photo)
    wuzhi_visit = log_visit(wuzhi_project, date(2025, 4, 10), photo)
    return {
        "zhao": zhao,
        "wenxian": (world.projects["温县文旅"], wenxian_visit, wenxian_visit.photos.get()),
        "wuzhi": (wuzhi_project, wuzhi_visit, wuzhi_visit.photos.get()),
    }


def statuses(client, project, visit, photo) -> dict[str, int]:
    pages = {
        "project_log": reverse("project_log", args=[project.pk]),
        "visit_detail": reverse("visit_detail", args=[visit.pk]),
        **{name: reverse(name, args=[photo.pk]) for name in PHOTO_PAGES},
    }
    return {name: client.get(url).status_code for name, url in pages.items()}


def test_a_commissioner_sees_only_his_projects_and_their_logs(client, world, logs):
    client.force_login(world.users["commissioner"])
    page = client.get(reverse("commissioner_projects")).content.decode()
    assert "温县太极文化产业园" in page and "武陟县智能装备产业园" not in page
    assert set(statuses(client, *logs["wenxian"]).values()) == {200}
    assert set(statuses(client, *logs["wuzhi"]).values()) == {404}


def test_another_countys_office_gets_404(client, world, logs):
    client.force_login(world.users["wuzhi"])
    assert set(statuses(client, *logs["wenxian"]).values()) == {404}
    assert set(statuses(client, *logs["wuzhi"]).values()) == {200}
    client.force_login(world.users["wenxian"])
    assert set(statuses(client, *logs["wenxian"]).values()) == {200}
    assert set(statuses(client, *logs["wuzhi"]).values()) == {404}


def test_the_city_office_reads_every_log(client, world, logs):
    client.force_login(world.users["city"])
    page = client.get(reverse("commissioner_projects")).content.decode()
    assert "温县太极文化产业园" in page and "武陟县智能装备产业园" in page
    for place in ("wenxian", "wuzhi"):
        assert set(statuses(client, *logs[place]).values()) == {200}


@pytest.mark.parametrize("role", ["leader", "department"])
def test_a_leader_or_a_department_reads_no_log(client, world, logs, role):
    client.force_login(world.users[role])
    assert client.get(reverse("commissioner_projects")).status_code == 403
    for place in ("wenxian", "wuzhi"):
        assert set(statuses(client, *logs[place]).values()) == {404}


def test_only_the_projects_commissioner_writes_its_log(client, world, logs):
    project = world.projects["温县文旅"]
    url = reverse("visit_new", args=[project.pk])
    for role in ("admin", "city", "wenxian"):
        client.force_login(world.users[role])
        assert client.get(url).status_code == 403, role
        assert client.post(url, {}).status_code == 403, role
    client.force_login(logs["zhao"])
    assert client.get(url).status_code == 404


def test_photos_are_not_served_as_plain_files(client, world, logs):
    _, _, photo = logs["wenxian"]
    client.force_login(world.users["city"])
    for prefix in ("/", "/media/"):
        assert client.get(prefix + photo.original.name).status_code == 404
