"""Migrations 0003–0005 on a register imported before them: each year's land is the firm's
land as it stood, the county text becomes the county unit it names (its city that unit's top),
a text naming no unit leaves the county empty in the only city, and going back restores both."""

from decimal import Decimal as D

import pytest

from guanmo.regions.services import init_city
from tests.migrating import migrate, migrate_to_latest

BEFORE = [("assessment", "0002_firm_register")]
AFTER = [("assessment", "0005_firm_scope_and_land_required")]


@pytest.mark.django_db(transaction=True)
def test_land_moves_to_each_year_and_the_county_text_to_its_unit():
    city = init_city("410800")
    old = migrate(BEFORE)
    Firm, FirmYear = old.get_model("assessment", "Firm"), old.get_model("assessment", "FirmYear")
    figures = dict(tax=1, sales=1, value_added=1, energy=1, emissions=1, rd_spending=1, employees=1)
    steel = Firm.objects.create(
        name="钢构", credit_code="A" * 18, county="武陟", park="", land_area=D("12.5")
    )
    food = Firm.objects.create(
        name="食品", credit_code="B" * 18, county="长垣市", park="", land_area=D(3)
    )
    for year in (2024, 2025):
        FirmYear.objects.create(firm=steel, year=year, **figures)
    FirmYear.objects.create(firm=food, year=2025, **figures)
    try:
        new = migrate(AFTER)
        Firm, FirmYear = (
            new.get_model("assessment", "Firm"),
            new.get_model("assessment", "FirmYear"),
        )
        steel, food = Firm.objects.get(name="钢构"), Firm.objects.get(name="食品")
        assert (steel.county.name, steel.city_id) == ("武陟县", city.pk)
        assert (food.county, food.city_id) == (None, city.pk)
        lands = FirmYear.objects.filter(firm=steel).values_list("year", "land_area")
        assert sorted(lands) == [(2024, D("12.5")), (2025, D("12.5"))]
        assert FirmYear.objects.get(firm=food).land_area == D(3)

        back = migrate(BEFORE)
        steel = back.get_model("assessment", "Firm").objects.get(name="钢构")
        assert (steel.county, steel.land_area) == ("武陟县", D("12.5"))
    finally:
        migrate_to_latest()
