"""A project's page shows its land (issue 14: "a project's life line on its page (milestones
planned and reached, the curve, land)"): each parcel it holds, directly or through the lead it
came from, with its area, dates, state as the land rules judge it today and its intensity."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.attraction.models import Lead, Parcel

pytestmark = pytest.mark.django_db


def test_the_project_page_lists_its_parcels_with_their_state(client, world, settings):
    settings.GUANMO_TODAY = date(2025, 12, 15)
    project = world.projects["武陟装备"]
    Parcel.objects.create(
        city=world.city, county=world.wuzhi, project=project, name="武陟2023-007", area=100,
        supplied_on=date(2023, 5, 1), agreed_start_on=date(2024, 6, 1),
        investment=Decimal("30000"),
    )  # fmt: skip
    lead = Lead.objects.create(
        city=world.city, county=world.wuzhi, name=project.name, register_year=2025,
        project=project,
    )  # fmt: skip
    Parcel.objects.create(
        city=world.city, county=world.wuzhi, lead=lead, name="武陟2025-011", area=Decimal("12.5"),
        supplied_on=date(2025, 3, 1), started_on=date(2025, 6, 1),
    )  # fmt: skip
    client.force_login(world.users["city"])

    body = client.get(reverse("project_detail", args=[project.pk])).content.decode()

    assert 'id="land"' in body
    section = body.split('id="land"')[1].split("</table>")[0]
    assert "武陟2023-007" in section and "100亩" in section and "闲置满一年不满两年" in section
    assert "300.00" in section  # 30000万元 ÷ 100亩
    assert "武陟2025-011" in section and "12.5亩" in section and "已动工在建" in section


def test_a_project_without_land_says_so(client, world):
    client.force_login(world.users["city"])

    body = client.get(
        reverse("project_detail", args=[world.projects["温县文旅"].pk])
    ).content.decode()

    assert "未登记用地地块" in body
