"""终止洽谈 recorded on the lead's page, as the import records it: a date and a reason, in the
lead's history, by those who record its other stages (tryout 32: only an import could end a
negotiation; the stage form offered 洽谈…达产)."""

from datetime import date

import pytest
from django.urls import reverse

from guanmo.attraction.models import Lead, LeadChange, StageDate
from guanmo.attraction.stages import Stage
from tests.world import YEAR


@pytest.fixture
def lead(world, settings):
    settings.GUANMO_TODAY = date(YEAR, 6, 1)
    lead = Lead.objects.create(
        city=world.city, county=world.wuzhi, name="智能传感器项目", register_year=YEAR
    )
    StageDate.objects.create(lead=lead, stage=Stage.NEGOTIATING, reached=date(YEAR, 2, 1))
    return lead


def _post(client, world, who, lead, **data):
    client.force_login(world.users[who])
    return client.post(reverse("attraction_lead", args=[lead.pk]), data)


def test_the_county_ends_the_talks_with_a_date_and_a_reason(client, world, lead):
    client.force_login(world.users["wuzhi"])
    form = client.get(reverse("attraction_lead", args=[lead.pk])).content.decode()
    assert '<option value="终止洽谈">终止洽谈</option>' in form

    response = _post(client, world, "wuzhi", lead, stage="终止洽谈", reached="2025-04-01",
                     reason="投资方转投外省")  # fmt: skip

    assert response.status_code == 302
    lead.refresh_from_db()
    assert lead.dropped_on == date(YEAR, 4, 1)
    line = LeadChange.objects.get(lead=lead, field="终止洽谈日期")
    assert (line.old_value, line.reason, line.user.username) == ("", "投资方转投外省", "wuzhi")
    page = client.get(reverse("attraction_lead", args=[lead.pk])).content.decode()
    assert "已记录智能传感器项目的终止洽谈日期" in page


def test_ending_the_talks_needs_a_reason_a_past_date_and_no_signing(client, world, lead):
    no_reason = _post(client, world, "city", lead, stage="终止洽谈", reached="2025-04-01")
    ahead = _post(client, world, "city", lead, stage="终止洽谈", reached="2025-07-01",
                  reason="转投")  # fmt: skip
    StageDate.objects.create(lead=lead, stage=Stage.SIGNED, reached=date(YEAR, 3, 1))
    signed = _post(client, world, "city", lead, stage="终止洽谈", reached="2025-04-01",
                   reason="转投")  # fmt: skip

    assert "终止洽谈须写明原因" in no_reason.content.decode()
    assert "终止洽谈：2025年7月1日晚于今天" in ahead.content.decode()
    assert "已于2025年3月1日签约，不能终止洽谈" in signed.content.decode()
    lead.refresh_from_db()
    assert lead.dropped_on is None


def test_another_countys_office_may_not_end_the_talks(client, world, lead):
    response = _post(client, world, "wenxian", lead, stage="终止洽谈", reached="2025-04-01",
                     reason="转投")  # fmt: skip

    assert response.status_code in (403, 404)  # as for its other stages
    lead.refresh_from_db()
    assert lead.dropped_on is None
