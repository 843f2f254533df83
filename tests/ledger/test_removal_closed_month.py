"""Taking a project off the key list on its page never reaches into a closed month: a removal
dated in a closed month is refused, naming the closed months and the earliest day allowed
(tryout 32: a removal posted on 15 December as of 20 November turned the closed 1—11月 report's
「本月调出重点项目名录项目1个」 into 2 while the issued bulletin said 1)."""

from datetime import date

from django.urls import reverse
from django.utils import timezone

from guanmo.ledger.models import KeyListEntry
from guanmo.reporting.models import Period


def _post(client, world, settings, removed_on: str):
    settings.GUANMO_TODAY = date(2025, 12, 15)
    Period.objects.create(city=world.city, year=2025, month=11, deadline=date(2025, 12, 5),
                          closed_at=timezone.now())  # fmt: skip
    Period.objects.create(city=world.city, year=2025, month=12, deadline=date(2026, 1, 5))
    project = world.projects["武陟装备"]
    entry = KeyListEntry.objects.get(project=project, year=2025)
    client.force_login(world.users["city"])
    response = client.post(
        reverse("project_removal", args=[project.pk]),
        {"entry": entry.pk, "removed_on": removed_on, "reason": "长期停工"},
    )
    entry.refresh_from_db()
    return response, entry


def test_a_removal_dated_in_a_closed_month_is_refused(client, world, settings):
    response, entry = _post(client, world, settings, "2025-11-20")

    assert response.status_code == 200
    page = response.content.decode()
    assert "2025年11月已关账" in page
    assert "调出日期最早为2025年12月1日" in page
    assert entry.removed_on is None


def test_a_removal_dated_in_the_open_month_is_taken(client, world, settings):
    response, entry = _post(client, world, settings, "2025-12-01")

    assert response.status_code == 302
    assert entry.removed_on == date(2025, 12, 1)
