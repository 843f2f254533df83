"""A first phase built with no second phase (一期建成后不上后续项目): speeches name it beside
land taken and never built on ("有的项目占地后迟迟不动工，或一期建成后不上后续项目，造成大片
建设用地闲置", issue 14 "Land"). A project's parcels carry their phase (期次) and the day each
phase was built; the gap is a first phase built a full year ago while land supplied for a later
phase of the same project has still not started. The year is the term the idle-land rules count
(《闲置土地处置办法》: one full year), applied here from the day the first phase was built.

Plain functions over `land.ParcelFacts`; areas in 亩.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from guanmo.attraction.land import ParcelFacts, is_supplied_by
from guanmo.documents.official import chinese_date
from guanmo.figures.formatting import mu_text

FIRST_PHASE_WAIT = relativedelta(years=1)


@dataclass(frozen=True)
class PhaseGap:
    """A project's first phase built (`first`, since the day it was built) with its later
    phases' land (`waiting`) supplied and not started."""

    first: ParcelFacts
    waiting: tuple[ParcelFacts, ...]
    since: date

    @property
    def waiting_area(self) -> Decimal:
        return sum((parcel.area for parcel in self.waiting), Decimal(0))

    @property
    def text(self) -> str:
        holder = f"（{self.first.holder}）" if self.first.holder else ""
        return (
            f"{self.first.name}{holder}一期于{chinese_date(self.since)}建成，"
            f"后续{mu_text(self.waiting_area)}用地至今未动工"
        )


def _not_started(parcel: ParcelFacts, day: date) -> bool:
    return is_supplied_by(parcel, day) and (parcel.started_on is None or parcel.started_on > day)


def first_phase_only(parcels: Iterable[ParcelFacts], day: date) -> list[PhaseGap]:
    """Every project whose first phase was built a full year or more before `day` (on the
    anniversary it counts) and whose later phases' land, supplied by `day`, has not started;
    the longest waiting first. Parcels without a phase or a project are never counted."""
    ventures: dict[str, list[ParcelFacts]] = defaultdict(list)
    for parcel in parcels:
        if parcel.phase is not None and parcel.venture:
            ventures[parcel.venture].append(parcel)
    gaps = []
    for held in ventures.values():
        built = [
            p
            for p in held
            if p.phase == 1 and p.completed_on and p.completed_on + FIRST_PHASE_WAIT <= day
        ]
        waiting = tuple(p for p in held if p.phase > 1 and _not_started(p, day))
        if built and waiting:
            first = min(built, key=lambda p: p.completed_on)
            gaps.append(PhaseGap(first, waiting, first.completed_on))
    return sorted(gaps, key=lambda gap: gap.since)
