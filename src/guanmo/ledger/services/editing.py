"""Editing a project's ledger entry on a page: every changed field goes to the history."""

from decimal import Decimal

from django.db import transaction

from guanmo.accounts.models import User
from guanmo.ledger.models import AnnualPlan, CompletedBeforeYear, Project
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
# The figures of the year the form edits beside the project's: model, attribute, its label.
_YEAR_FIGURES = {
    "annual_plan": (AnnualPlan, "planned_investment"),
    "previous_year_end": (CompletedBeforeYear, "completed"),
}


class EditRefused(Exception):
    """The edit may not be made; the message says why, in Chinese."""


def update_project(
    project: Project,
    values: dict,
    *,
    year: int,
    annual_plan: Decimal | None,
    previous_year_end: Decimal | None = None,
    user: User,
    reason: str,
) -> int:
    """Apply the edited fields and the year's figures (annual plan, 截至上年底累计完成投资, both
    万元; None leaves the stored one alone), recording each change with the reason. Returns
    how many values changed."""
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
        typed = {"annual_plan": annual_plan, "previous_year_end": previous_year_end}
        for name, (model, attribute) in _YEAR_FIGURES.items():
            if typed[name] is not None:
                stored = model.objects.filter(project=project, year=year).first()
                changes += changes_between(
                    project.pk,
                    field_labels(model, [attribute]),
                    {attribute: getattr(stored, attribute) if stored else None},
                    {attribute: typed[name]},
                    year=year,
                )
        if not changes:
            return 0
        for name, value in values.items():
            setattr(current, name, value)
        current.save()
        for name, (model, attribute) in _YEAR_FIGURES.items():
            if typed[name] is not None:
                model.objects.update_or_create(
                    project=project, year=year, defaults={attribute: typed[name]}
                )
        record_changes(changes, source=Source.LEDGER, user=user, reason=reason)
    project.refresh_from_db()
    return len(changes)
