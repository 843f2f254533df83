"""Writing a project's milestones and taking it off a key list, every change kept in the
project's history (reporting.history: the one change record), and reading milestones for many
projects at once."""

from collections.abc import Iterable, Mapping
from datetime import date

from django.db import transaction
from django.db.models import Manager

from guanmo.accounts.models import User
from guanmo.documents.official import chinese_date
from guanmo.ledger.key_lists import first_day
from guanmo.ledger.milestones import MilestoneDates, date_faults
from guanmo.ledger.models import KeyListEntry, Milestone, MilestoneKind, Project
from guanmo.locking import locked
from guanmo.regions.models import Region
from guanmo.reporting.history import Change, Source, record_changes, shown


class MilestoneRefused(Exception):
    """Dates that may not be recorded; `messages` say why, in Chinese."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("；".join(messages))
        self.messages = messages


def milestones_by_project(
    project_ids: Iterable[int],
) -> dict[int, dict[MilestoneKind, MilestoneDates]]:
    """Each project's milestones by kind (one query); a project without any maps to {}."""
    found: dict[int, dict[MilestoneKind, MilestoneDates]] = {pk: {} for pk in project_ids}
    for row in Milestone.objects.filter(project_id__in=list(found)):
        kind = MilestoneKind(row.kind)
        found[row.project_id][kind] = MilestoneDates(kind, row.planned, row.reached)
    return found


def milestone_changes(
    project: Project,
    stored: Mapping[MilestoneKind, MilestoneDates],
    given: Mapping[MilestoneKind, MilestoneDates],
) -> list[Change]:
    """The history lines `given` makes against `stored`: "开工计划日期 2025-03-01 → 2025-04-01"."""
    changes = []
    for kind, dates in given.items():
        before = stored.get(kind, MilestoneDates(kind))
        for word, old, new in (
            ("计划日期", before.planned, dates.planned),
            ("实际日期", before.reached, dates.reached),
        ):
            if shown(old) != shown(new):
                changes.append(Change(project.pk, f"{kind.label}{word}", shown(old), shown(new)))
    return changes


def write_milestones(milestones: Manager, given: Mapping[MilestoneKind, MilestoneDates]) -> None:
    """Store the given dates in `milestones`, the related rows of one subject (a project's
    `project.milestones`, a lead's 前期手续 `lead.milestones`: each with `kind`, `planned` and
    `reached`); a milestone with neither date is deleted."""
    for kind, dates in given.items():
        if dates.planned is None and dates.reached is None:
            milestones.filter(kind=kind).delete()
        else:
            milestones.update_or_create(
                kind=kind, defaults={"planned": dates.planned, "reached": dates.reached}
            )


def save_milestones(
    project: Project,
    given: Mapping[MilestoneKind, MilestoneDates],
    *,
    user: User | None,
    today: date,
    reason: str = "",
    source: str = Source.LEDGER,
) -> int:
    """Set the given milestones' planned and actual dates (None clears one), checked
    (`milestones.date_faults` over the project's dates as they would be), each change recorded
    in the project's history as coming from `source`. Returns how many dates changed. Raises
    MilestoneRefused."""
    with transaction.atomic():
        locked(project)
        stored = milestones_by_project([project.pk])[project.pk]
        faults = date_faults({**stored, **given}, today)
        if faults:
            raise MilestoneRefused([f"{kind.label}：{why}" for kind, why in faults])
        changes = milestone_changes(project, stored, given)
        if not changes:
            return 0
        write_milestones(project.milestones, given)
        record_changes(changes, source=source, user=user, reason=reason)
    return len(changes)


class RemovalRefused(Exception):
    """The project may not be taken off the list; the message says why, in Chinese."""


def removal_closed_fault(city: Region, on: date) -> str | None:
    """Why a project of `city` may not be taken off a key list on `on` from its page, in
    Chinese: a day in or before the latest closed month (reporting.selectors.closed_months)
    would change reports already closed and bulletins already issued (tryout 32: the closed
    1—11月 report's 调出1个 became 2); the message names the closed month and the earliest
    day allowed. None when `on` lies after every closed month."""
    from guanmo.reporting.selectors import closed_months

    closed = closed_months(city)
    latest = max(closed, default=None)
    if latest is None or (on.year, on.month) > latest:
        return None
    year, month = (on.year, on.month) if (on.year, on.month) in closed else latest
    earliest = first_day(latest[0], latest[1] + 1)
    return (
        f"调出日期{chinese_date(on)}在已关账的月份：{year}年{month}月已关账，"
        f"调出会改变已关账月份的报表和已印发的通报；调出日期最早为{chinese_date(earliest)}"
    )


def remove_from_key_list(
    entry: KeyListEntry, *, on: date, reason: str, user: User | None, today: date
) -> None:
    """Take a project off a key list (调出重点项目名录) on `on` for `reason`: the entry stays, so
    its history and figures do, marked with the day and the reason, and the project's history
    says so. Raises RemovalRefused without a reason, for a day after today or outside the
    list's year, or for an entry already removed."""
    reason = reason.strip()
    if not reason:
        raise RemovalRefused("调出重点项目名录必须填写调出原因")
    if on > today:
        raise RemovalRefused("调出日期不能晚于今天")
    if on.year != entry.year:
        raise RemovalRefused(f"调出日期应在{entry.year}年内")
    with transaction.atomic():
        entry = KeyListEntry.objects.select_for_update().get(pk=entry.pk)
        if entry.removed_on is not None:
            raise RemovalRefused(f"该项目已于{entry.removed_on:%Y-%m-%d}调出名录")
        entry.removed_on, entry.removal_reason = on, reason
        entry.save(update_fields=["removed_on", "removal_reason"])
        label = f"{entry.year}年{entry.get_level_display()}名录"
        record_changes(
            [Change(entry.project_id, label, "在列", f"{shown(on)}调出", year=entry.year)],
            source=Source.LEDGER,
            user=user,
            reason=reason,
        )
