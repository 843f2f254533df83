"""A county office of the tour reads its route and schedule, to have its hosts waiting; only the
city office plans and moves (issue 10: the county got 403)."""

from django.urls import reverse


def test_a_county_of_the_tour_reads_its_route(client, world, tour):
    client.force_login(world.users["wuzhi"])

    response = client.get(reverse("tour_route", args=[tour.pk]))

    body = response.content.decode()
    assert response.status_code == 200
    assert "路线与日程" in body
    assert reverse("tour_route_plan", args=[tour.pk]) not in body
    assert reverse("tour_route_matrix", args=[tour.pk]) not in body


def test_the_tour_page_links_a_county_to_the_route(client, world, tour):
    client.force_login(world.users["wuzhi"])

    body = client.get(reverse("tour_detail", args=[tour.pk])).content.decode()

    assert reverse("tour_route", args=[tour.pk]) in body


def test_a_county_still_may_not_plan_the_route(client, world, tour):
    client.force_login(world.users["wuzhi"])

    assert client.post(reverse("tour_route_plan", args=[tour.pk])).status_code == 403


def test_a_county_outside_the_tour_gets_404(client, world, tour):
    tour.counties.remove(world.wenxian)
    tour.sites.filter(project__county=world.wenxian).delete()
    client.force_login(world.users["wenxian"])

    assert client.get(reverse("tour_route", args=[tour.pk])).status_code == 404
