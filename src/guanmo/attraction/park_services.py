"""Writing a park's own figures (issue 14, "Parks"), from its page or from a sheet: a figure not
given leaves the stored one alone, a figure cleared on the page is no figure (None, never 0),
and every change to a stored figure, a clearing too, is kept in the period's history
(`ParkFiguresChange`, the shape of reporting.FieldChange)."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from guanmo.accounts.models import User
from guanmo.attraction.models import ParkFigures, ParkFiguresChange
from guanmo.attraction.park_indicators import feed_park_indicators
from guanmo.attraction.selectors import park_figures_facts
from guanmo.regions.models import Region
from guanmo.reporting.history import field_labels, shown
from guanmo.reporting.models import ImportRecord

# The figures a park's office enters or a sheet gives, in the order forms and sheets show them.
PARK_FIGURE_FIELDS = (
    "revenue",
    "leading_industries",
    "leading_revenue",
    "leading_share_target",
    "enterprises_above_size",
    "high_tech_enterprises",
    "service_platforms",
    "employees",
    "planned_area",
    "built_area",
)
LABELS = field_labels(ParkFigures, PARK_FIGURE_FIELDS)
# What a cleared figure is stored as: no figure (the text field's blank), never 0.
_EMPTY = {
    name: "" if ParkFigures._meta.get_field(name).get_internal_type() == "CharField" else None
    for name in PARK_FIGURE_FIELDS
}


@dataclass(frozen=True)
class SavedFigures:
    figures: ParkFigures | None  # None when nothing was given for a period not yet stored
    created: bool
    changes: int
    notes: list[str] = field(default_factory=list)  # the park's indicators not fed, and why


def save_park_figures(
    park: Region,
    year: int,
    month: int,
    given: dict[str, Any],
    *,
    source: str,
    user: User | None,
    reason: str = "",
    import_record: ImportRecord | None = None,
    cleared: Iterable[str] = (),
) -> SavedFigures:
    """Store what `given` gives (field → value; None or "" is not given) for the park's period
    (a year up to `month`), and clear the stored figures named in `cleared` (the page's fields
    emptied: no figure, never 0), recording each changed figure with who, when and `reason`;
    then the park's indicator values (attraction.park_indicators). Nothing given for a period
    not yet stored stores nothing. Call it inside a transaction: a refused import undoes it."""
    values = {
        name: value for name, value in given.items() if name in LABELS and value not in (None, "")
    }
    figures = ParkFigures.objects.filter(park=park, year=year, month=month).first()
    if figures is None:
        if not values:
            return SavedFigures(None, created=False, changes=0)
        figures = ParkFigures.objects.create(park=park, year=year, month=month, **values)
        notes = feed_park_indicators(figures, user=user, reason=reason, import_record=import_record)
        return SavedFigures(figures, created=True, changes=0, notes=notes)
    before = park_figures_facts(figures)
    for name in cleared:
        if name in LABELS and name not in values:
            values[name] = _EMPTY[name]
    changes = [
        ParkFiguresChange(
            figures=figures,
            field=LABELS[name],
            old_value=shown(getattr(figures, name)),
            new_value=shown(value),
            source=source,
            user=user,
            reason=reason,
            import_record=import_record,
        )
        for name, value in values.items()
        if shown(getattr(figures, name)) != shown(value)
    ]
    if changes:
        for name, value in values.items():
            setattr(figures, name, value)
        figures.save()
        ParkFiguresChange.objects.bulk_create(changes)
    notes = feed_park_indicators(
        figures, user=user, reason=reason, import_record=import_record, before=before
    )
    return SavedFigures(figures, created=False, changes=len(changes), notes=notes)
