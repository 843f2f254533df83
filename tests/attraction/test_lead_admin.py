"""The lead's admin page reads only: its stages, funds and history change through the lead page
and the import, which check and record them, and its 开工 comes from the ledger project's start
alone (issue 14: "When it starts, it becomes (or links to) a ledger project")."""

from datetime import date

import pytest
from django.urls import reverse

from guanmo.attraction.models import Lead, StageDate
from guanmo.attraction.stages import Stage
from tests.world import YEAR

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_lead(world):
    lead = Lead.objects.create(
        city=world.city, county=world.wuzhi, name="智能传感器项目", register_year=YEAR
    )
    StageDate.objects.create(lead=lead, stage=Stage.SIGNED, reached=date(YEAR, 3, 10))
    return lead


def test_the_admin_offers_no_row_to_type_a_stage_or_funds(client, world, signed_lead):
    client.force_login(world.users["admin"])

    page = client.get(reverse("admin:attraction_lead_change", args=[signed_lead.pk]))

    assert page.status_code == 200
    body = page.content.decode()
    assert "stages-__prefix__" not in body  # no empty row to add a stage (开工 included)
    assert "funds-__prefix__" not in body
    assert 'name="stages-0-reached"' not in body  # the stage shown is not an input


def test_a_typed_start_posted_to_the_admin_changes_nothing(client, world, signed_lead):
    client.force_login(world.users["admin"])

    response = client.post(
        reverse("admin:attraction_lead_change", args=[signed_lead.pk]),
        {
            "stages-TOTAL_FORMS": "2",
            "stages-INITIAL_FORMS": "1",
            "stages-0-id": str(signed_lead.stages.get().pk),
            "stages-0-lead": str(signed_lead.pk),
            "stages-0-stage": Stage.SIGNED,
            "stages-0-reached": "2025-03-10",
            "stages-1-lead": str(signed_lead.pk),
            "stages-1-stage": Stage.STARTED,
            "stages-1-reached": "2025-05-20",
        },
    )

    assert response.status_code == 403
    assert not signed_lead.stages.filter(stage=Stage.STARTED).exists()


def test_a_parcel_is_read_in_the_admin_with_its_history_not_changed_there(client, world):
    from guanmo.attraction.models import Parcel, ParcelChange

    parcel = Parcel.objects.create(city=world.city, county=world.wuzhi, name="WZ-01", area=10)
    ParcelChange.objects.create(
        parcel=parcel, field="面积（亩）", old_value="8", new_value="10", source="表格导入"
    )
    client.force_login(world.users["admin"])
    url = reverse("admin:attraction_parcel_change", args=[parcel.pk])

    page = client.get(url).content.decode()
    posted = client.post(url, {"name": "WZ-01", "area": "99"})

    assert "8" in page and "表格导入" in page
    assert 'name="area"' not in page
    assert posted.status_code == 403
    parcel.refresh_from_db()
    assert parcel.area == 10


@pytest.mark.parametrize("page", ["attraction_parkstandard_add", "attraction_parkfigures_add"])
def test_the_park_picker_offers_the_parks_not_the_investors_home_regions(client, world, page):
    """Tryout 22: 园区用地标准's 园区 offered every region stored, 北京市 and 雄县 among them."""
    from guanmo.regions.services import add_zone, divisions, region_of_division

    region_of_division(divisions()["110000"])  # an investor's home, stored as a lead's origin
    add_zone(world.city, "城乡一体化示范区")
    client.force_login(world.users["admin"])

    form = client.get(reverse(f"admin:{page}")).context["adminform"].form
    offered = [region.name for region in form.fields["park"].queryset]

    assert offered == ["城乡一体化示范区"]


def test_the_admin_home_names_the_log_in_records_in_chinese(client, world):
    """Tryout 22: django-axes' Access attempts / Access failures / Access logs in English."""
    client.force_login(world.users["admin"])

    page = client.get(reverse("admin:index")).content.decode()

    assert "登录保护" in page and "登录尝试" in page and "登录日志" in page
    assert "Access attempts" not in page and "Access logs" not in page
