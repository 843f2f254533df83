"""A visit's 填写时间 and its photos' 上传时间 are the application's clock (`guanmo.clock.now`):
with GUANMO_TODAY set (the demo city lives in December 2025) a visit logged now is said as
written that day, not on the machine's."""

from datetime import date

from django.urls import reverse
from django.utils import timezone

from tests.commissioners.logs import log_visit
from tests.commissioners.photos import NEAR, jpeg


def test_a_visit_and_its_photos_are_stamped_on_the_applications_day(client, world, project):
    # the project fixture fixes the application's today at 30 April 2025
    visit = log_visit(project, date(2025, 4, 29), jpeg(taken="2025:04:29 08:15:00", at=NEAR))

    photo = visit.photos.get()
    assert timezone.localtime(visit.created_at).date() == date(2025, 4, 30)
    assert timezone.localtime(photo.uploaded_at).date() == date(2025, 4, 30)
    client.force_login(world.users["commissioner"])
    page = client.get(reverse("visit_detail", args=[visit.pk])).content.decode()
    assert "<dt>填写时间</dt><dd>2025年4月30日" in page
