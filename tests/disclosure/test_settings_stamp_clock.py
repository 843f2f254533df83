"""The 公示设置's 最后修改时间 is the application's clock (`guanmo.clock.now`), on every change:
with GUANMO_TODAY set (the demo city lives in December 2025) a choice made on the page is
stamped that day, and a later change the later day, not the machine's."""

from datetime import date

from django.urls import reverse
from django.utils import timezone

from guanmo.disclosure.models import DisclosureSettings


def _stamped(world) -> date:
    return timezone.localtime(DisclosureSettings.objects.get(city=world.city).updated_at).date()


def test_each_change_is_stamped_on_the_applications_day(client, public_world, settings):
    client.force_login(public_world.users["city"])
    settings.GUANMO_TODAY = date(2025, 12, 1)
    client.post(reverse("disclosure_settings"), {"show_visible_progress": "on"})
    assert _stamped(public_world) == date(2025, 12, 1)

    settings.GUANMO_TODAY = date(2025, 12, 15)
    response = client.post(reverse("disclosure_settings"), {"show_problems": "on"})
    assert response.status_code == 302
    assert _stamped(public_world) == date(2025, 12, 15)
