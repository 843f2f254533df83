"""Observation tour operations: create a tour, pick and propose sites, add judges, take a
judge's scores (a resend stored once), close sites and the tour. Each checks its preconditions
and writes in one transaction; the message of a refusal says why, in Chinese."""

import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from django.db import transaction

from guanmo import bounds, clock
from guanmo.accounts.models import User
from guanmo.ledger.models import Project
from guanmo.locking import held_unchanged, hold, locked
from guanmo.observation.models import Criterion, Judge, Score, ScoreForm, Site, Tour
from guanmo.observation.rubric import DEFAULT_RUBRIC, score_fault
from guanmo.observation.rubric import Criterion as RubricCriterion
from guanmo.regions.models import Region


class TourError(Exception):
    """An operation that may not be done now; the message says why, in Chinese."""


@transaction.atomic
def create_tour(
    city: Region,
    *,
    name: str,
    first_day: date,
    days: int,
    counties: Iterable[Region],
    user: User | None,
    rubric: Sequence[RubricCriterion] = DEFAULT_RUBRIC,
    submission: uuid.UUID | None = None,
) -> Tour:
    """A new tour in preparation with its rubric; `submission` is the form's id (see
    guanmo.locking.once), unique among tours."""
    tour = Tour.objects.create(
        city=city,
        name=name,
        first_day=first_day,
        days=days,
        created_by=user,
        submission=submission,
    )
    tour.counties.set(counties)
    Criterion.objects.bulk_create(
        Criterion(
            tour=tour,
            name=criterion.name,
            maximum=criterion.maximum,
            description=criterion.description,
            position=position,
        )
        for position, criterion in enumerate(rubric)
    )
    return tour


def _preparing(tour: Tour) -> Tour:
    """The tour re-read under its lock (guanmo.locking), while it may still change; so two
    changes sent at once (a double click) are decided one after the other."""
    current = locked(tour)
    if current.is_closed:
        raise TourError("观摩活动已结束，不能再修改")
    return current


@transaction.atomic
def add_site(tour: Tour, project: Project, *, user: User, approved: bool) -> Site:
    """The city office's pick (approved at once) or a county office's proposal."""
    _preparing(tour)
    if not tour.counties.filter(pk=project.county_id).exists():
        raise TourError(f"「{project.name}」所在的{project.county.name}未参加本次观摩")
    if tour.sites.filter(project=project).exists():
        raise TourError(f"「{project.name}」已是本次观摩的观摩点")
    return Site.objects.create(
        tour=tour,
        project=project,
        status=Site.Status.APPROVED if approved else Site.Status.PROPOSED,
        proposed_by=user,
        introduction=project.scope,
    )


@transaction.atomic
def decide_site(site: Site, *, approve: bool) -> None:
    _preparing(site.tour)
    site.status = Site.Status.APPROVED if approve else Site.Status.REJECTED
    if not approve:
        site.day = site.position = None
    site.save(update_fields=["status", "day", "position"])


@transaction.atomic
def add_judge(tour: Tour, *, name: str, unit: str = "", county: Region | None = None) -> Judge:
    _preparing(tour)
    if tour.judges.filter(name=name).exists():
        raise TourError(f"评委「{name}」已在名单中")
    return Judge.objects.create(tour=tour, name=name, unit=unit, county=county)


@transaction.atomic
def open_scoring(tour: Tour) -> None:
    _preparing(tour)
    if not tour.sites.filter(status=Site.Status.APPROVED).exists():
        raise TourError("尚未确定观摩点，不能开始评分")
    if not tour.judges.exists():
        raise TourError("尚未添加评委，不能开始评分")
    tour.status = Tour.Status.SCORING
    tour.save(update_fields=["status"])


def recused(judge: Judge, site: Site, *, recusal: bool | None = None) -> bool:
    """Whether the judge stays out of this site's scoring: it is in his own county. `recusal`
    is the tour's rule when the caller has the tour at hand (else read from `judge.tour`); the
    site's project is read only for a judge from a county."""
    return (
        (judge.tour.recusal if recusal is None else recusal)
        and judge.county_id is not None
        and judge.county_id == site.project.county_id
    )


def sites_for_judge(judge: Judge) -> list[Site]:
    """The sites he scores, in route order (recused sites left out)."""
    sites = judge.tour.sites.filter(status=Site.Status.APPROVED).select_related("project__county")
    return [site for site in sites if not recused(judge, site)]


def _points(
    criteria: Sequence[Criterion], typed: Mapping[str, object], step: Decimal
) -> dict[Criterion, Decimal]:
    points: dict[Criterion, Decimal] = {}
    faults = []
    for criterion in criteria:
        raw = typed.get(str(criterion.pk), typed.get(criterion.name))
        if raw is None or str(raw).strip() == "":
            faults.append(f"「{criterion.name}」未打分")
            continue
        try:
            value = Decimal(str(raw).strip())
        except InvalidOperation:
            faults.append(f"「{criterion.name}」应填数字，而填的是「{raw}」")
            continue
        if fault := score_fault(criterion.as_rubric(), value, step):
            faults.append(fault)
            continue
        points[criterion] = value
    if faults:
        raise TourError("；".join(faults))
    return points


class StoredScores(NamedTuple):
    """What `submit_scores` stored: the form, whether anything was written (False for a resend
    of a stored submission), and the total of its points."""

    form: ScoreForm
    written: bool
    total: Decimal


@transaction.atomic
def submit_scores(
    judge: Judge,
    site: Site,
    *,
    points: Mapping[str, object],
    remark: str = "",
    submission: uuid.UUID,
) -> StoredScores:
    """Store a judge's scores for a site (only its `pk` is read: the site is read again here).

    `points` maps a criterion's id (or name) to the points as typed. A submission already stored
    (the same `submission` id, resent after a dropped connection) is not stored again; a new
    submission replaces his earlier scores until the site is closed. Raises TourError when the
    tour is not scoring, the site is not one of its approved sites, is closed, or is recused,
    or a point or the remark is refused.
    """
    # Only this judge's own submissions wait for one another (a resend of the same one); the
    # tour and the site are held unchanged, not locked, so two hundred judges score at once
    # while closing the site or the tour still waits for the scores being written.
    hold(judge)
    tour = held_unchanged(Tour(pk=judge.tour_id))
    if tour.status != Tour.Status.SCORING:
        raise TourError("观摩活动不在评分阶段，不能提交评分")
    try:
        current = held_unchanged(Site(pk=site.pk))
    except Site.DoesNotExist:
        raise TourError("没有这个观摩点") from None
    if current.tour_id != tour.pk or current.status != Site.Status.APPROVED:
        raise TourError("没有这个观摩点")
    existing = ScoreForm.objects.filter(judge=judge, site=current).first()
    if existing is not None and existing.submission == submission:
        total = sum((score.points for score in existing.scores.all()), Decimal(0))
        return StoredScores(existing, False, total)
    if current.is_closed:
        raise TourError(f"「{current}」已截止评分，评分不能再修改")
    if recused(judge, current, recusal=tour.recusal):
        raise TourError(f"「{current}」属本人所在县区，按回避规定不参加评分")
    checked = _points(list(tour.criteria.all()), points, tour.score_step)
    if fault := bounds.text_fault(remark.strip(), "评语"):
        raise TourError(fault)
    now = clock.now()
    if existing is None:
        form = ScoreForm.objects.create(
            judge=judge,
            site=current,
            remark=remark.strip(),
            submission=submission,
            submitted_at=now,
        )
    else:
        form = existing
        form.remark, form.submission, form.submitted_at = remark.strip(), submission, now
        form.times_changed += 1
        form.save(update_fields=["remark", "submission", "submitted_at", "times_changed"])
        form.scores.all().delete()
    Score.objects.bulk_create(
        Score(form=form, criterion=criterion, points=value) for criterion, value in checked.items()
    )
    return StoredScores(form, True, sum(checked.values(), Decimal(0)))


def close_site(site: Site) -> None:
    """Scores for the site can no longer change (closing it again keeps the first time)."""
    Site.objects.filter(pk=site.pk, closed_at__isnull=True).update(closed_at=clock.now())
    site.refresh_from_db(fields=["closed_at"])


@transaction.atomic
def close_tour(tour: Tour) -> None:
    """The tour ends: every site is closed and the judges' links stop working."""
    locked(tour)
    now = clock.now()
    tour.sites.filter(closed_at__isnull=True).update(closed_at=now)
    tour.status = Tour.Status.CLOSED
    tour.save(update_fields=["status"])
