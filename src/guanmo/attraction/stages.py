"""A project's stages from the first talks to full output (洽谈 → 签约 → 落地 → 开工 → 投产 → 达产).

Source: issue 14 ("Investment attraction") and the glossary's milestones. 落地 is land and
registration: the project has its land and its company is registered where it will build.
"""

from collections.abc import Collection, Mapping
from datetime import date
from itertools import pairwise

from django.db import models

from guanmo.documents.official import chinese_date


class Stage(models.TextChoices):
    NEGOTIATING = "洽谈", "洽谈"
    SIGNED = "签约", "签约"
    LANDED = "落地", "落地"
    STARTED = "开工", "开工"
    PRODUCING = "投产", "投产"
    AT_CAPACITY = "达产", "达产"


STAGES: tuple[Stage, ...] = tuple(Stage)
# Talks ended before signing (Lead.dropped_on): not a stage of the funnel, but recorded on the
# lead's page with the stages (a date and a reason) and shown as its state in the list.
DROPPED = "终止洽谈"
# The stages a signed project goes on to, each counted in the funnel against those signed.
AFTER_SIGNING: tuple[Stage, ...] = STAGES[2:]


def later_or_same(stage: Stage) -> tuple[Stage, ...]:
    """`stage` and every stage after it: reaching any of them means `stage` was passed."""
    return STAGES[STAGES.index(stage) :]


def previous(stage: Stage) -> Stage | None:
    """The stage before `stage` (None for 洽谈)."""
    index = STAGES.index(stage)
    return STAGES[index - 1] if index else None


def stage_faults(
    reached: Mapping[Stage, date], given: Collection[Stage], today: date
) -> list[tuple[Stage, str]]:
    """What is wrong with a lead's actual dates, `given` the stages just set: a date after
    today, a stage dated before the stage reached before it, a later stage with no signing
    date. Each fault is (the stage it belongs to, why, in Chinese)."""
    faults = [
        (stage, f"{chinese_date(day)}晚于今天，实际日期不能是将来")
        for stage, day in reached.items()
        if stage in given and day > today
    ]
    order = [(stage, reached[stage]) for stage in STAGES if stage in reached]
    for (before, earlier), (after, later) in pairwise(order):
        if later < earlier and (after in given or before in given):
            faults.append(
                (after, f"{chinese_date(later)}早于{before.label}日期{chinese_date(earlier)}")
            )
    later_stages = [stage for stage in AFTER_SIGNING if stage in reached]
    if later_stages and Stage.SIGNED not in reached:
        faults.append((Stage.SIGNED, f"已有{later_stages[0].label}日期，但没有签约日期"))
    return faults


def missing_before(reached: Mapping[Stage, date], stage: Stage) -> Stage | None:
    """The stage that must be reached before an actual date of `stage` may be recorded on a
    lead's page, None when none is missing: 投产 needs 开工 and 达产 投产 (recording 投产 alone
    once filled 开工 with its date, tryout 22). 落地 needs only the signing (stage_faults), and
    开工 may imply its 落地 (funnel.reached_on: no ledger date is made from it)."""
    before = previous(stage)
    if stage not in STAGES[STAGES.index(Stage.STARTED) + 1 :] or before is None:
        return None
    return None if before in reached else before
