"""Leads made in the tests of pages and services."""

from datetime import date
from decimal import Decimal

from guanmo.attraction.models import Lead, StageDate
from guanmo.attraction.stages import Stage
from tests.world import YEAR, World


def signed_lead(world: World, signed_on: date = date(YEAR, 3, 10)) -> Lead:
    """武陟县's 智能传感器项目, registered in YEAR, contract investment 35000 万元, signed on
    `signed_on` (stored as the register keeps it, no history)."""
    lead = Lead.objects.create(
        city=world.city,
        county=world.wuzhi,
        name="智能传感器项目",
        register_year=YEAR,
        contract_investment=Decimal(35000),
    )
    StageDate.objects.create(lead=lead, stage=Stage.SIGNED, reached=signed_on)
    return lead
