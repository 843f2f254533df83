"""Opening a reporting month twice at once, from real threads: the month is opened once and
the second opening is refused by name.

The decisions every form under review shares (approve and return at once, a double click) are
pinned for each kind of form in tests/reporting/test_review_at_once.py."""

from django.test import Client
from django.urls import reverse

from tests.concurrency import all_at_once


def test_opening_a_month_twice_at_once_opens_it_once(transactional_db, world):
    city = Client()
    city.force_login(world.users["city"])
    form = {"year": 2025, "month": 5, "deadline": "2025-06-05"}
    url = reverse("period_list")
    answers = all_at_once([lambda: city.post(url, form), lambda: city.post(url, form)])
    assert sorted(getattr(answer, "status_code", answer) for answer in answers) == [200, 302]
    refused = next(answer for answer in answers if answer.status_code == 200)
    assert "2025年5月的填报期已开启，不能重复开启" in refused.content.decode()
    assert world.city.periods.filter(year=2025, month=5).count() == 1
