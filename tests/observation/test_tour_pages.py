"""The organiser's pages: a tour made through its forms, a county's proposal, the route planned
and moved by hand, the printable schedule, the judges' links, the board and the results."""

import io
import uuid
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import Workbook, load_workbook

from guanmo.observation import services
from guanmo.observation.models import Site, Tour
from tests.documents.injection import INJECTION, assert_kept_as_text
from tests.observation.tours import put_on_map


@pytest.fixture
def city_client(client, world, settings):
    settings.GUANMO_TODAY = date(2025, 6, 1)  # the tests' tours are of June 2025
    client.force_login(world.users["city"])
    return client


def test_the_city_office_creates_a_tour_with_the_default_rubric(city_client, world):
    response = city_client.post(
        reverse("tour_list"),
        {
            "name": "2025年第二次重点项目观摩",
            "first_day": "2025-06-18",
            "days": "2",
            "counties": [world.wuzhi.pk, world.wenxian.pk],
        },
    )
    tour = Tour.objects.get()
    assert response.url == reverse("tour_detail", args=[tour.pk])
    assert (tour.first_day, tour.days, tour.status) == (date(2025, 6, 18), 2, "preparing")
    assert [(c.name, c.maximum) for c in tour.criteria.all()] == [
        ("比规模", Decimal(25)),
        ("比进度", Decimal(25)),
        ("比质量", Decimal(25)),
        ("比效益", Decimal(25)),
    ]


def test_a_county_proposes_its_own_project_and_the_city_approves_it(client, world, tour):
    tour.sites.all().delete()
    client.force_login(world.users["wuzhi"])
    project = world.projects["武陟物流"]
    client.post(reverse("site_add", args=[tour.pk]), {"project": project.pk})
    site = tour.sites.get()
    assert (site.project, site.status) == (project, Site.Status.PROPOSED)
    # Another county's project is not among his choices.
    client.post(reverse("site_add", args=[tour.pk]), {"project": world.projects["温县文旅"].pk})
    assert tour.sites.count() == 1
    client.force_login(world.users["city"])
    client.post(reverse("site_decide", args=[site.pk]), {"decision": "approve"})
    site.refresh_from_db()
    assert site.status == Site.Status.APPROVED


SETTINGS = {  # the settings form as the organiser leaves it
    "method": "trimmed",
    "recusal": "on",
    "score_step": "0.5",
    "day_start": "08:00",
    "day_end": "18:00",
    "lunch_from": "12:00",
    "lunch_to": "13:30",
    "lunch_minutes": "60",
    "start_name": "市政府",
    "road_factor": "1.3",
    "speed_kmh": "40",
}


def test_trim_counts_go_together(city_client, tour):
    form = {
        **SETTINGS,
        "drop_high": "1",
        "drop_low": "",
        "start_latitude": "35.215",
        "start_longitude": "113.242",
    }
    response = city_client.post(reverse("tour_settings", args=[tour.pk]), form, follow=True)
    assert "去掉最高分和最低分的个数须同时填写，或同时留空" in response.content.decode()
    tour.refresh_from_db()
    assert tour.drop_high is None and tour.start_latitude is None


def test_the_tour_sets_its_scoring_step_and_the_judges_phone_steps_by_it(city_client, tour):
    form = {**SETTINGS, "score_step": "0.1"}
    city_client.post(reverse("tour_settings", args=[tour.pk]), {**form, "score_step": "0.05"})
    tour.refresh_from_db()
    assert tour.score_step == Decimal("0.5")

    city_client.post(reverse("tour_settings", args=[tour.pk]), form)
    tour.refresh_from_db()
    assert tour.score_step == Decimal("0.1")
    services.open_scoring(tour)
    judge = tour.judges.first()
    city_client.get(reverse("judge_sign_in", args=[judge.token]))
    page = city_client.get(reverse("judge_site", args=[tour.sites.first().pk])).content.decode()
    assert 'step="0.1"' in page


def test_the_route_is_planned_moved_by_hand_and_printed(
    city_client, tour, world, settings, django_capture_on_commit_callbacks
):
    settings.GUANMO_ROUTE_SECONDS = 1
    put_on_map(tour, world)
    page = city_client.get(reverse("tour_route", args=[tour.pk])).content.decode()
    assert "自动排线" in page

    with django_capture_on_commit_callbacks(execute=True):
        city_client.post(reverse("tour_route_plan", args=[tour.pk]))
    sites = list(tour.sites.order_by("position"))
    assert [site.day for site in sites] == [1, 1, 1, 1]
    assert [site.position for site in sites] == [1, 2, 3, 4]

    last = sites[-1]
    city_client.post(reverse("site_move", args=[last.pk]), {"day": "1", "position": "1"})
    moved = list(tour.sites.order_by("position").values_list("pk", flat=True))
    assert moved == [last.pk] + [site.pk for site in sites[:-1]]

    page = city_client.get(reverse("tour_route", args=[tour.pk])).content.decode()
    assert "午餐" in page and 'class="faults"' not in page

    response = city_client.get(reverse("tour_route_file", args=[tour.pk]))
    document = Document(io.BytesIO(b"".join(response.streaming_content)))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[:2] == ["焦作市重点项目建设办公室文件", "2025年第二次重点项目观摩日程安排"]
    table = document.tables[0]
    names = [row.cells[2].text for row in table.rows[1:]]
    # Four short visits are over by noon: lunch comes after the return.
    assert names[0] == "出发" and names[-2:] == ["返回", "午餐"]
    assert names[1] == last.project.name


def test_a_site_without_coordinates_is_named_before_planning(city_client, tour, world):
    project = world.projects["温县食品"]
    project.latitude = None
    project.save()
    page = city_client.get(reverse("tour_route", args=[tour.pk])).content.decode()
    assert "请在设置中填写出发地点的经纬度" in page
    assert "「温县健康食品产业园」没有经纬度，请先在项目台账中补充" in page


def test_each_judge_has_a_link_and_qr_code(city_client, tour):
    page = city_client.get(reverse("judge_links", args=[tour.pk])).content.decode()
    for judge in tour.judges.all():
        assert reverse("judge_sign_in", args=[judge.token]) in page
    assert page.count("<svg") == 3
    assert "回避本县区观摩点" in page


def test_a_judges_link_stops_working_when_the_tour_closes(client, tour):
    judge = tour.judges.first()
    tour.status = Tour.Status.CLOSED
    tour.save()
    response = client.get(reverse("judge_sign_in", args=[judge.token]))
    assert response.status_code == 410
    assert "已结束" in response.content.decode()


def travel_sheet(
    names: list[str], minutes: list[list[object]], title: str = "观摩点位行车时间表（分钟）"
) -> io.BytesIO:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([title])
    sheet.append(["出发地\\到达地", *names])
    for name, row in zip(names, minutes, strict=True):
        sheet.append([name, *row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "行车时间表.xlsx"
    return buffer


def test_an_uploaded_travel_sheet_times_the_route(
    city_client, tour, world, settings, django_capture_on_commit_callbacks
):
    settings.GUANMO_ROUTE_SECONDS = 1
    names = ["市政府", *(project.name for project in world.projects.values())]
    minutes = [[None if i == j else 10 + abs(i - j) * 5 for j in range(5)] for i in range(5)]
    response = city_client.post(
        reverse("tour_route_matrix", args=[tour.pk]), {"sheet": travel_sheet(names, minutes)}
    )
    assert response.status_code == 302
    tour.refresh_from_db()
    assert tour.travel_matrix["places"] == names

    with django_capture_on_commit_callbacks(execute=True):
        city_client.post(reverse("tour_route_plan", args=[tour.pk]))
    page = city_client.get(reverse("tour_route", args=[tour.pk])).content.decode()
    assert "行车时间按上传的行车时间表" in page
    assert not tour.sites.filter(day__isnull=True).exists()
    # The first leg takes what the sheet says from 市政府 to the first site.
    first = tour.sites.get(position=1)
    # The sheet gives no distances: the leg shows its minutes only.
    assert f"<td>{minutes[0][names.index(first.project.name)]}分钟</td>" in page


def test_a_travel_sheet_missing_a_site_is_refused_whole(city_client, tour, world):
    names = ["市政府", *(project.name for project in world.projects.values())][:-1]
    minutes = [[None if i == j else 10 for j in range(4)] for i in range(4)]
    response = city_client.post(
        reverse("tour_route_matrix", args=[tour.pk]),
        {"sheet": travel_sheet(names, minutes)},
        follow=True,
    )
    page = response.content.decode()
    assert "行车时间表：表中没有「温县健康食品产业园」" in page
    assert "行车时间表有误，未保存" in page
    tour.refresh_from_db()
    assert tour.travel_matrix is None


def test_the_results_page_gathers_the_judges_remarks_and_names_them_to_the_organiser_only(
    client, tour, world
):
    services.open_scoring(tour)
    points = {"比规模": "22", "比进度": "20.5", "比质量": "23", "比效益": "21"}
    site = tour.sites.get(project__name="温县太极文化产业园")
    for name, remark in (("张评委", "文旅融合亮点突出"), ("王评委", "")):
        judge = tour.judges.get(name=name)
        services.submit_scores(judge, site, points=points, remark=remark, submission=uuid.uuid4())

    client.force_login(world.users["city"])
    page = client.get(reverse("tour_results", args=[tour.pk])).content.decode()
    assert "<strong>温县太极文化产业园</strong>（温县）：文旅融合亮点突出" in page
    assert "（张评委）" in page
    # Two judges on one site: no statistic can be computed, and each line says so.
    assert page.count("共同评分的评委或观摩点不足2个，无法计算。") == 3
    assert "排名依据的正是这个平均分" in page

    services.close_tour(tour)
    client.force_login(world.users["wenxian"])
    page = client.get(reverse("tour_results", args=[tour.pk])).content.decode()
    assert "文旅融合亮点突出" in page and "张评委" not in page


def test_the_rubric_is_edited_until_the_first_score(city_client, tour):
    criteria = list(tour.criteria.all())
    form = {
        "criteria-TOTAL_FORMS": "5",
        "criteria-INITIAL_FORMS": "4",
        "criteria-MIN_NUM_FORMS": "1",
        "criteria-MAX_NUM_FORMS": "1000",
    }
    for index, criterion in enumerate(criteria):
        form |= {
            f"criteria-{index}-id": str(criterion.pk),
            f"criteria-{index}-name": criterion.name,
            f"criteria-{index}-maximum": "30" if index == 0 else "25",
            f"criteria-{index}-description": "",
            f"criteria-{index}-position": str(index),
        }
    form |= {"criteria-3-DELETE": "on", "criteria-4-name": "比亮点", "criteria-4-maximum": "20"}
    form |= {"criteria-4-position": "9", "criteria-4-description": "特色与创新"}
    city_client.post(reverse("tour_rubric", args=[tour.pk]), form)
    assert [(c.name, c.maximum) for c in tour.criteria.all()] == [
        ("比规模", Decimal(30)),
        ("比进度", Decimal(25)),
        ("比质量", Decimal(25)),
        ("比亮点", Decimal(20)),
    ]

    form["criteria-4-maximum"] = "20.3"
    page = city_client.post(reverse("tour_rubric", args=[tour.pk]), form).content.decode()
    assert "满分应为正数，且以0.5分为单位" in page


def test_after_the_first_score_the_rubric_stays(city_client, tour):
    services.open_scoring(tour)
    site = tour.sites.get(project__name="温县太极文化产业园")
    points = {criterion.name: "20" for criterion in tour.criteria.all()}
    services.submit_scores(tour.judges.first(), site, points=points, submission=uuid.uuid4())
    response = city_client.post(reverse("tour_rubric", args=[tour.pk]), {}, follow=True)
    assert "已有评委打分，评分标准不能再修改" in response.content.decode()
    assert tour.criteria.count() == 4


def test_the_score_export_writes_a_judges_formula_like_remark_as_text(city_client, tour):
    services.open_scoring(tour)
    points = {"比规模": "22", "比进度": "20.5", "比质量": "23", "比效益": "21"}
    site = tour.sites.get(project__name="温县太极文化产业园")
    judge = tour.judges.get(name="张评委")
    services.submit_scores(judge, site, points=points, remark=INJECTION, submission=uuid.uuid4())
    response = city_client.get(reverse("tour_results_file", args=[tour.pk, "xlsx"]))
    assert_kept_as_text(load_workbook(io.BytesIO(b"".join(response.streaming_content))))


def test_a_travel_sheet_in_hours_is_kept_in_minutes_and_the_page_says_so(city_client, tour, world):
    names = ["市政府", *(project.name for project in world.projects.values())]
    hours = [[None if i == j else 0.5833333333333334 for j in range(5)] for i in range(5)]
    response = city_client.post(
        reverse("tour_route_matrix", args=[tour.pk]),
        {"sheet": travel_sheet(names, hours, title="观摩路线行车时间表（单位：小时）")},
        follow=True,
    )
    page = response.content.decode()
    assert "以小时填报" in page and "已换算为分钟" in page
    tour.refresh_from_db()
    assert {minutes for _, _, minutes in tour.travel_matrix["minutes"]} == {35}
