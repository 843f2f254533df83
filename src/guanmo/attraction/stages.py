"""A project's stages from the first talks to full output (洽谈 → 签约 → 落地 → 开工 → 投产 → 达产).

Source: issue 14 ("Investment attraction") and the glossary's milestones. 落地 is land and
registration: the project has its land and its company is registered where it will build.
"""

from django.db import models


class Stage(models.TextChoices):
    NEGOTIATING = "洽谈", "洽谈"
    SIGNED = "签约", "签约"
    LANDED = "落地", "落地"
    STARTED = "开工", "开工"
    PRODUCING = "投产", "投产"
    AT_CAPACITY = "达产", "达产"


STAGES: tuple[Stage, ...] = tuple(Stage)
# The stages a signed project goes on to, each counted in the funnel against those signed.
AFTER_SIGNING: tuple[Stage, ...] = STAGES[2:]


def later_or_same(stage: Stage) -> tuple[Stage, ...]:
    """`stage` and every stage after it: reaching any of them means `stage` was passed."""
    return STAGES[STAGES.index(stage) :]


def previous(stage: Stage) -> Stage | None:
    """The stage before `stage` (None for 洽谈)."""
    index = STAGES.index(stage)
    return STAGES[index - 1] if index else None
