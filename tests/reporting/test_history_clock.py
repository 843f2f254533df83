"""A change's history line is stamped by the application's clock (`guanmo.clock.now`), so with
GUANMO_TODAY set (the demo city lives on 15 December 2025) a change made now is dated that
day, as its bulletins, deadlines and warnings are; not the machine's real day (issue 14)."""

from datetime import date

from django.apps import apps
from django.utils import timezone

from guanmo.attraction.models import LeadChange
from guanmo.attraction.services import record_stage
from guanmo.attraction.stages import Stage
from guanmo.ledger.services.editing import update_project
from guanmo.reporting.models import FieldChange, FigureChange
from tests.attraction.leads import signed_lead
from tests.world import YEAR

DEMO_TODAY = date(2025, 12, 15)


def _day(moment) -> date:
    return timezone.localtime(moment).date()


def test_a_ledger_edit_is_stamped_on_the_applications_day(world, settings):
    settings.GUANMO_TODAY = DEMO_TODAY
    project = world.projects["温县食品"]

    update_project(
        project,
        {"owner": "温县食品集团"},
        year=YEAR,
        annual_plan=None,
        user=world.users["city"],
        reason="业主更名",
    )

    change = FigureChange.objects.get(project=project, field="建设单位")
    assert _day(change.at) == DEMO_TODAY


def test_a_leads_stage_is_stamped_on_the_applications_day(world, settings):
    settings.GUANMO_TODAY = DEMO_TODAY
    lead = signed_lead(world, date(YEAR, 3, 10))
    record_stage(
        lead,
        Stage.SIGNED,
        planned=None,
        reached=date(YEAR, 3, 12),
        user=None,
        today=DEMO_TODAY,
        reason="核对合同后更正",  # a recorded date changed needs a reason (tryout 22)
    )

    change = LeadChange.objects.get(lead=lead, field="签约实际日期")
    assert _day(change.at) == DEMO_TODAY


def test_every_history_of_the_shared_shape_takes_the_applications_clock(settings):
    settings.GUANMO_TODAY = DEMO_TODAY
    histories = [
        model
        for model in apps.get_models()
        if issubclass(model, FieldChange) and not model._meta.abstract
    ]

    assert len(histories) >= 6  # figures, indicator values and targets, leads, parcels, parks
    for model in histories:
        assert _day(model._meta.get_field("at").get_default()) == DEMO_TODAY, model.__name__
