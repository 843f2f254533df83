"""The demo city's commissioners' notes: each commissioner writes his projects' visible
progress and problems into the month's report, so that 专员月度 shows who wrote in time.

Most months' notes are written in time, a few after the deadline and a few not at all; in the
open month (December) about half are written by the demo's today, the rest still to come.

The months January–November are closed, and a closed report refuses the commissioner's save
(`reporting.services.save_entries`), so the notes are recorded as that save records them: the
same `changes_between` over the two texts, from the empty draft line to the text the line
holds, stored by `record_changes` with source 专员填写 and his user, then dated the day he
wrote (the history stamps the moment of saving, which here would be the moment the demo runs).
Everything comes from one seeded random generator.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from guanmo.demo.city import TODAY
from guanmo.ledger.models import Project
from guanmo.regions.models import Region
from guanmo.reporting.history import Source, changes_between, record_changes
from guanmo.reporting.models import FigureChange, ReportEntry
from guanmo.reporting.services import TEXT_LABELS

ON_TIME, LATE = 0.82, 0.10  # of the closed months' lines; the rest are never written
OPEN_MONTH_WRITTEN = 0.5  # of the open month's lines, by the demo's today


@dataclass(frozen=True)
class DemoNotes:
    written: int
    late: int
    missing: int


@transaction.atomic
def create_demo_notes(city: Region, seed: int) -> DemoNotes:
    """(Re)write the commissioners' notes on the lines of their projects in every period."""
    # By the projects' ids, not a join on their city (see create_demo_periods).
    projects = list(Project.objects.filter(city=city).values_list("pk", flat=True))
    FigureChange.objects.filter(project_id__in=projects, source=Source.COMMISSIONER).delete()
    rng = random.Random(seed)
    entries = (
        ReportEntry.objects.filter(report__period__city=city, project__commissioner__isnull=False)
        .select_related("report__period", "project__commissioner")
        .order_by("report__period__month", "project_id")
    )
    written_on: dict[tuple[int, int, int], date] = {}
    changes_by = {}  # commissioner → his changes, recorded in one go each
    late = missing = 0
    for entry in entries:
        period = entry.report.period
        day = _written_on(rng, period.month, period.deadline)
        if day is None:
            missing += period.deadline < TODAY
            continue
        late += day > period.deadline
        written_on[entry.project_id, period.year, period.month] = day
        texts = {name: getattr(entry, name) for name in TEXT_LABELS}
        changes = changes_between(
            entry.project_id,
            TEXT_LABELS,
            dict.fromkeys(TEXT_LABELS, ""),
            texts,
            year=period.year,
            month=period.month,
        )
        commissioner = entry.project.commissioner
        changes_by.setdefault(commissioner, []).extend(changes)
    for commissioner, changes in changes_by.items():
        record_changes(changes, source=Source.COMMISSIONER, user=commissioner)
    _date_as_written(city, written_on, rng)
    return DemoNotes(written=len(written_on), late=late, missing=missing)


def _written_on(rng: random.Random, month: int, deadline: date) -> date | None:
    """The day the note is first written, or None if it is not (yet)."""
    roll = rng.random()
    if deadline >= TODAY:  # the open month: some written already, none late yet
        if roll >= OPEN_MONTH_WRITTEN:
            return None
        return TODAY - timedelta(days=rng.randint(1, 10))
    if roll < ON_TIME:  # in the last days of the month or the first of the next, up to it
        return deadline - timedelta(days=rng.randint(0, 9))
    if roll < ON_TIME + LATE:
        return deadline + timedelta(days=rng.randint(1, 10))
    return None


def _date_as_written(
    city: Region, written_on: dict[tuple[int, int, int], date], rng: random.Random
) -> None:
    notes = FigureChange.objects.filter(project__city=city, source=Source.COMMISSIONER)
    notes = list(notes.order_by("pk"))
    moments = {}
    for note in notes:
        key = (note.project_id, note.year, note.month)
        if key not in moments:  # one save: both texts share a moment
            minutes = rng.randint(0, 9 * 60)
            moment = datetime.combine(written_on[key], time(8, 30)) + timedelta(minutes=minutes)
            moments[key] = timezone.make_aware(moment)
        note.at = moments[key]
    FigureChange.objects.bulk_update(notes, ["at"], batch_size=500)
