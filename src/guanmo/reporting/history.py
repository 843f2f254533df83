"""Change history: the one place that writes `FigureChange` rows.

Services that change a reported or ledger figure collect what they change as `Change` values
and record them in the same transaction, so no figure is overwritten without a trace.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Model

from guanmo.accounts.models import User
from guanmo.documents.official import chinese_date
from guanmo.reporting.models import FigureChange, ImportRecord
from guanmo.sheets.cells import format_wan


class Source:
    """Where a change came from, as the history table shows it."""

    GRID = "月报填写"
    UPLOAD = "月报上传"
    COMMISSIONER = "专员填写"
    APPROVAL = "审核通过"
    LEDGER = "台账修改"
    IMPORT = "表格导入"
    ATTRACTION = "招商引资"
    PARK = "园区指标填写"


@dataclass(frozen=True)
class Change:
    project_id: int
    field: str  # the field's Chinese label
    old: str
    new: str
    year: int | None = None
    month: int | None = None


def shown(value: Any) -> str:
    """A value as the history shows it: 1200.5 for money, 2025年3月1日 for dates (as every page
    says a date: `documents.official.chinese_date`; lines stored as 2025-03-01 before were
    rewritten by reporting 0008), "" for none."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_wan(value)
    if isinstance(value, date):
        return chinese_date(value)
    return str(value)


def field_labels(model: type[Model], names: Iterable[str]) -> dict[str, str]:
    """The history's label of each named field: its verbose name ("总投资（万元）")."""
    return {name: str(model._meta.get_field(name).verbose_name) for name in names}


def changes_between(
    project_id: int,
    labels: Mapping[str, str],
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    *,
    year: int | None = None,
    month: int | None = None,
) -> list[Change]:
    """The fields (named by `labels`: attribute → label) whose shown value differs."""
    changes = []
    for attribute, label in labels.items():
        if attribute not in after:
            continue
        old, new = shown(before.get(attribute)), shown(after[attribute])
        if old != new:
            changes.append(Change(project_id, label, old, new, year, month))
    return changes


def record_changes(
    changes: Iterable[Change],
    *,
    source: str,
    user: User | None,
    reason: str = "",
    import_record: ImportRecord | None = None,
) -> int:
    """Store the changes, linked to the import that made them if any; returns how many."""
    rows = [
        FigureChange(
            project_id=change.project_id,
            year=change.year,
            month=change.month,
            field=change.field,
            old_value=change.old,
            new_value=change.new,
            source=source,
            reason=reason,
            user=user,
            import_record=import_record,
        )
        for change in changes
    ]
    FigureChange.objects.bulk_create(rows, batch_size=1000)
    return len(rows)
