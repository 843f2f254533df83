"""`next` sends the user back only to the application's own pages."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from guanmo.operations.redirects import own_path


@pytest.mark.parametrize(
    "candidate",
    [
        "https://evil.example/login",
        "//evil.example/",
        "/\\evil.example",
        "javascript:alert(1)",
        "http://testserver.evil.example/",
        "",
        None,
    ],
)
def test_anything_but_an_own_path_falls_back(candidate):
    request = RequestFactory().post("/")
    assert own_path(request, candidate, "/fallback/") == "/fallback/"


def test_an_own_path_is_followed():
    request = RequestFactory().post("/")
    assert own_path(request, "/observation/3/board/", "/x/") == "/observation/3/board/"


@pytest.mark.parametrize("target", ["https://evil.example/", "javascript:alert(1)"])
def test_closing_a_site_never_redirects_off_the_site(client, world, tour, target):
    client.force_login(world.users["city"])
    site = tour.sites.first()
    response = client.post(reverse("site_close", args=[site.pk]), {"next": target})
    assert response.status_code == 302
    assert response.url == reverse("tour_board", args=[tour.pk])
