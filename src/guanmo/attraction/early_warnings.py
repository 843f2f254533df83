"""Early warnings on signed projects (issue 14, "Warnings"): signed and not landed after N
months, landed and not started after N months, started with no funds in place.

Plain functions over `LeadFacts` as of a day; the months are the office's to set (the defaults
are the usual terms of 招商 supervision: half a year to land, a quarter to start). A month is
a calendar month: signed on 31 January, six months have passed on 31 July (30 June … + 1).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from guanmo.attraction.funnel import LeadFacts, funds_in_place, reached_by, reached_on
from guanmo.attraction.stages import Stage
from guanmo.clock import today
from guanmo.documents.official import chinese_date

SIGNED_NOT_LANDED_MONTHS = 6
LANDED_NOT_STARTED_MONTHS = 3


@dataclass(frozen=True)
class EarlyWarning:
    """One warning on one project: which, since when, and the sentence the list shows."""

    lead: str
    units: tuple[str, ...]
    kind: str  # 签约未落地, 落地未开工, 开工无资金到位
    since: date  # the day of the stage it is stuck after
    text: str


def months_passed(since: date, day: date) -> int:
    """Whole calendar months from `since` to `day` (31 January to 30 June is 4, to 31 July 6)."""
    delta = relativedelta(day, since)
    return delta.years * 12 + delta.months


def _stuck(
    leads: Iterable[LeadFacts], day: date, months: int, reached: Stage, awaited: Stage
) -> list[EarlyWarning]:
    """Projects that reached `reached` at least `months` months before `day` and had not
    reached `awaited` by it."""
    found = []
    for lead in leads:
        since = reached_on(lead, reached)
        if since is None or since > day or reached_by(lead, awaited, day):
            continue
        passed = months_passed(since, day)
        if passed >= months:
            text = (
                f"{lead.name}于{chinese_date(since)}{reached.label}，"
                f"已满{passed}个月仍未{awaited.label}"
            )
            kind = f"{reached.label}未{awaited.label}"
            found.append(EarlyWarning(lead.name, lead.units, kind, since, text))
    return found


def signed_not_landed(
    leads: Iterable[LeadFacts], day: date, months: int = SIGNED_NOT_LANDED_MONTHS
) -> list[EarlyWarning]:
    """Projects signed at least `months` months before `day` and not landed by it."""
    return _stuck(leads, day, months, Stage.SIGNED, Stage.LANDED)


def landed_not_started(
    leads: Iterable[LeadFacts], day: date, months: int = LANDED_NOT_STARTED_MONTHS
) -> list[EarlyWarning]:
    """Projects landed at least `months` months before `day` and not started by it."""
    return _stuck(leads, day, months, Stage.LANDED, Stage.STARTED)


def started_without_funds(
    leads: Iterable[LeadFacts], day: date, now: date | None = None
) -> list[EarlyWarning]:
    """Projects started by `day` with no funds in place in their latest record up to `now`
    (today by default): the warning says 至今, so a project with funds reported after `day`
    has none (tryout 22: 至今无到位资金 for projects with 4亿元 in place)."""
    now = max(day, now or today())
    found = []
    for lead in leads:
        started = reached_on(lead, Stage.STARTED)
        if started is None or started > day or funds_in_place(lead, now) > 0:
            continue
        found.append(
            EarlyWarning(
                lead.name,
                lead.units,
                "开工无资金到位",
                started,
                f"{lead.name}于{chinese_date(started)}开工，至今无到位资金",
            )
        )
    return found


def early_warnings(
    leads: Iterable[LeadFacts],
    day: date,
    *,
    landing_months: int = SIGNED_NOT_LANDED_MONTHS,
    starting_months: int = LANDED_NOT_STARTED_MONTHS,
) -> list[EarlyWarning]:
    """Every warning as of `day`: not landed, then not started, then no funds."""
    leads = list(leads)
    return [
        *signed_not_landed(leads, day, landing_months),
        *landed_not_started(leads, day, starting_months),
        *started_without_funds(leads, day),
    ]
