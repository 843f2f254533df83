"""Writing a park's own figures (issue 14, "Parks"), from its page or from a sheet: a figure not
given leaves the stored one alone, and every change to a stored figure is kept in the period's
history (`ParkFiguresChange`, the shape of reporting.FieldChange)."""

from dataclasses import dataclass
from typing import Any

from guanmo.accounts.models import User
from guanmo.attraction.models import ParkFigures, ParkFiguresChange
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


@dataclass(frozen=True)
class SavedFigures:
    figures: ParkFigures | None  # None when nothing was given for a period not yet stored
    created: bool
    changes: int


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
) -> SavedFigures:
    """Store what `given` gives (field → value; None or "" is not given) for the park's period
    (a year up to `month`), recording each changed figure. Nothing given for a period not yet
    stored stores nothing. Call it inside a transaction: a refused import undoes it."""
    values = {
        name: value for name, value in given.items() if name in LABELS and value not in (None, "")
    }
    figures = ParkFigures.objects.filter(park=park, year=year, month=month).first()
    if figures is None:
        if not values:
            return SavedFigures(None, created=False, changes=0)
        figures = ParkFigures.objects.create(park=park, year=year, month=month, **values)
        return SavedFigures(figures, created=True, changes=0)
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
    return SavedFigures(figures, created=False, changes=len(changes))
