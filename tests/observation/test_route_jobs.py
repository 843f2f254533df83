"""The route page's automatic planning runs as a background job: the page starts it and shows
its progress page; the job stores the route and links back to it; one plan at a time."""

from datetime import timedelta

import pytest
from django.urls import reverse

from guanmo import clock
from guanmo.accounts.models import Role, User
from guanmo.observation.models import Tour
from guanmo.observation.route_jobs import plan_tour_route, plan_under_way, start_route_plan
from guanmo.operations.jobs import JobRefused
from guanmo.operations.models import BackgroundJob
from tests.observation.tours import put_on_map


@pytest.fixture
def city_client(client, world):
    client.force_login(world.users["city"])
    return client


@pytest.fixture
def placed_tour(tour, world, settings):
    """The tour with its four sites and start point on the map, searched for one second."""
    settings.GUANMO_ROUTE_SECONDS = 1
    put_on_map(tour, world)
    return tour


def test_planning_opens_the_job_page_and_the_job_stores_the_route(
    city_client, placed_tour, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = city_client.post(reverse("tour_route_plan", args=[placed_tour.pk]))
    job = BackgroundJob.objects.get()
    assert response.url == reverse("job_page", args=[job.pk])

    sites = list(placed_tour.sites.order_by("position"))
    assert [site.day for site in sites] == [1, 1, 1, 1]
    assert [site.position for site in sites] == [1, 2, 3, 4]
    route_url = reverse("tour_route", args=[placed_tour.pk])
    assert (job.state, job.result_url) == ("done", route_url)
    assert job.message == "排线完成：安排4个观摩点"
    assert job.done == job.total > 0

    page = city_client.get(response.url).content.decode()
    assert "已完成" in page and f'<a href="{route_url}">查看结果</a>' in page
    page = city_client.get(route_url).content.decode()
    assert "重新自动排线" in page and "正在排线" not in page


def test_sites_the_days_cannot_hold_are_named_in_the_outcome(
    city_client, placed_tour, django_capture_on_commit_callbacks
):
    Tour.objects.filter(pk=placed_tour.pk).update(day_end="08:10")
    with django_capture_on_commit_callbacks(execute=True):
        city_client.post(reverse("tour_route_plan", args=[placed_tour.pk]))
    job = BackgroundJob.objects.get()
    assert job.message.startswith("排线完成：安排0个观摩点，4个未能安排（日程内安排不下：")
    assert not placed_tour.sites.filter(day__isnull=False).exists()


def test_someone_else_cannot_see_the_plan_job(
    client, world, placed_tour, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = start_route_plan(placed_tour, user=world.users["city"])
    for other in (
        world.users["wuzhi"],
        User.objects.create_user("other", password="x", role=Role.CITY_OFFICE),
    ):
        client.force_login(other)
        assert client.get(reverse("job_page", args=[job.pk])).status_code == 404
        assert client.get(reverse("job_status", args=[job.pk])).status_code == 404


def test_a_plan_under_way_is_shown_instead_of_a_second_button(city_client, placed_tour):
    # Outside a captured commit the job stays queued, as it is until the worker takes it.
    first = city_client.post(reverse("tour_route_plan", args=[placed_tour.pk]))
    job = BackgroundJob.objects.get()
    assert first.url == reverse("job_page", args=[job.pk])
    assert plan_under_way(placed_tour) == job

    second = city_client.post(reverse("tour_route_plan", args=[placed_tour.pk]), follow=True)
    page = second.content.decode()
    assert "本活动正在排线，请等待排线完成" in page
    assert BackgroundJob.objects.count() == 1
    assert "正在排线…" in page and reverse("job_page", args=[job.pk]) in page
    assert reverse("tour_route_plan", args=[placed_tour.pk]) not in page


def test_a_tour_without_sites_is_refused_in_chinese_and_starts_nothing(city_client, placed_tour):
    placed_tour.sites.all().delete()
    response = city_client.post(reverse("tour_route_plan", args=[placed_tour.pk]), follow=True)
    assert response.status_code == 200
    assert "尚无已确定的观摩点，请先确定观摩点再排线" in response.content.decode()
    assert not BackgroundJob.objects.exists()


def test_a_plan_whose_sites_were_withdrawn_before_it_ran_fails_in_chinese(
    city_client, placed_tour, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        city_client.post(reverse("tour_route_plan", args=[placed_tour.pk]))
        placed_tour.sites.all().delete()
    assert len(callbacks) == 1
    job = BackgroundJob.objects.get()
    assert job.state == BackgroundJob.State.FAILED
    assert job.message == "未能排线：尚无已确定的观摩点，请先确定观摩点再排线"
    assert job.result_url == reverse("tour_route", args=[placed_tour.pk])
    page = city_client.get(reverse("job_page", args=[job.pk])).content.decode()
    assert "失败" in page and job.message in page


def test_a_plan_lost_for_over_an_hour_no_longer_blocks_a_new_one(city_client, placed_tour):
    city_client.post(reverse("tour_route_plan", args=[placed_tour.pk]))
    lost = BackgroundJob.objects.get()
    BackgroundJob.objects.filter(pk=lost.pk).update(
        state=BackgroundJob.State.RUNNING, created_at=clock.now() - timedelta(minutes=61)
    )
    assert plan_under_way(placed_tour) is None
    response = city_client.post(reverse("tour_route_plan", args=[placed_tour.pk]))
    fresh = BackgroundJob.objects.exclude(pk=lost.pk).get()
    assert response.url == reverse("job_page", args=[fresh.pk])


def test_a_plan_whose_tour_was_deleted_before_it_ran_is_refused(db):
    with pytest.raises(JobRefused, match=r"^未能排线：该观摩活动已删除$"):
        plan_tour_route(lambda *said: None, 0)


def test_the_route_says_each_days_date_with_its_year(
    city_client, placed_tour, django_capture_on_commit_callbacks
):
    """第1天（2025年6月18日） (|chinese_date), as the tour's page says its first day."""
    with django_capture_on_commit_callbacks(execute=True):
        city_client.post(reverse("tour_route_plan", args=[placed_tour.pk]))

    page = city_client.get(reverse("tour_route", args=[placed_tour.pk])).content.decode()

    assert "<h2>第1天（2025年6月18日）" in page
