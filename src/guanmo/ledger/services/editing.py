"""Editing a project's ledger entry on a page: every changed field goes to the history."""

from decimal import Decimal

from django.db import transaction

from guanmo.accounts.models import User
from guanmo.ledger.models import AnnualPlan, Project
from guanmo.locking import locked
from guanmo.reporting.history import Source, changes_between, field_labels, record_changes

EDITABLE_FIELDS = (
    "name",
    "owner",
    "industry",
    "category",
    "stage",
    "construction_nature",
    "scope",
    "start_year",
    "end_year",
    "planned_start",
    "total_investment",
    "responsible_unit",
    "leader_in_charge",
    "site_commissioner",
    "leader",
    "commissioner",
    "location",
    "latitude",
    "longitude",
)
PLAN_LABEL = "年度计划投资（万元）"


class EditRefused(Exception):
    """The edit may not be made; the message says why, in Chinese."""


def update_project(
    project: Project,
    values: dict,
    *,
    year: int,
    annual_plan: Decimal | None,
    user: User,
    reason: str,
) -> int:
    """Apply the edited fields and the year's annual plan, recording each change with the
    reason. Returns how many values changed."""
    reason = reason.strip()
    if not reason:
        raise EditRefused("修改台账必须填写修改原因")
    labels = field_labels(Project, values)
    with transaction.atomic():
        # Compared with the project as it is now, under its lock: two edits at once are
        # recorded one after the other, each from the value the other left (guanmo.locking).
        current = locked(project)
        before = {name: getattr(current, name) for name in values}
        changes = changes_between(project.pk, labels, before, values)
        plan = AnnualPlan.objects.filter(project=project, year=year).first()
        if annual_plan is not None:
            old_plan = plan.planned_investment if plan else None
            changes += changes_between(
                project.pk,
                {"plan": PLAN_LABEL},
                {"plan": old_plan},
                {"plan": annual_plan},
                year=year,
            )
        if not changes:
            return 0
        for name, value in values.items():
            setattr(current, name, value)
        current.save()
        if annual_plan is not None:
            AnnualPlan.objects.update_or_create(
                project=project, year=year, defaults={"planned_investment": annual_plan}
            )
        record_changes(changes, source=Source.LEDGER, user=user, reason=reason)
    project.refresh_from_db()
    return len(changes)
