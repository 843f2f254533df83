"""The attraction funnel (招商漏斗): for a period, how many projects were signed and how many of
them had landed, started, produced and reached capacity by its end, with the rates bulletins
print (签约率, 履约率, 开工率, 投产率, 达产率, 资金到位率) and the time between stages.

Plain functions over `LeadFacts`; no database inside. The rules (source: issue 14):
- a period is a year up to month M (1 January to the last day of M);
- its base is the projects signed in it; each stage's rate is the share of them that had
  reached that stage by the period's end (履约 = 落地: 履约率 = 落地 ÷ 新签);
- a later stage reached implies every earlier one (a project started has landed), by the later
  stage's date at the latest;
- 签约率 = signed ÷ the period's leads: the projects under negotiation at some time in it (talks
  begun by its end, neither signed nor dropped before it began); a lead with no date of first
  talks is open from 1 January of the register year it was entered in;
- 资金到位率 = funds in place by the period's end ÷ contract investment, both of the base; funds
  in place are the latest cumulative reported for a month up to the period's end; a project
  with no record for a month up to the period's end — never reported, or first reported for a
  later month — has no figure for the period (unknown, not 0: tryout 22): it is left out of
  both sides of the rate and the sentences say so (截至6月无资金到位记录). A blank cell in an
  import is no record, a typed 0 is a record of 0, and a record for a later month never changes
  a period (tryout 32: a blank counted 0 or unknown by whether a later month was entered);
- every rate is a percentage to one decimal, half-up (figures.arithmetic.percent), and None
  (shown "—") when its denominator is zero: never 0%.
"""

from calendar import monthrange
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import pairwise

from guanmo.attraction.land import ParcelFacts
from guanmo.attraction.stages import AFTER_SIGNING, STAGES, Stage, later_or_same
from guanmo.figures.arithmetic import percent, period_label, shown


@dataclass(frozen=True)
class Period:
    """A year up to month M: 1 January to the last day of M."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"月份应为1至12，而不是{self.month}")

    @property
    def start(self) -> date:
        return date(self.year, 1, 1)

    @property
    def end(self) -> date:
        return date(self.year, self.month, monthrange(self.year, self.month)[1])

    @property
    def label(self) -> str:
        """2025年1—6月, 2025年1月."""
        return f"{self.year}年{period_label(self.month)}"


@dataclass(frozen=True)
class FundsReport:
    """Funds in place (资金到位) as reported for a month: cumulative since signing, in 万元."""

    year: int
    month: int
    cumulative: Decimal


@dataclass(frozen=True)
class LeadFacts:
    """What the funnel needs of one lead or signed project.

    `units` are the county and the park it lies in, `host` the one of the city's units that
    counts it (selectors.host_unit; "" means the first of `units`), `source` the province (or
    境外) its investor comes from, `groups` the source groups (京津冀…), `industry` its section of
    GB/T 4754 ("C 制造业"), `industry_code` its own code there (a section's "C" or a division's
    "36"). `reached` holds the actual date of each stage reached, `planned` the plan.
    """

    name: str
    units: tuple[str, ...] = ()
    host: str = ""
    source: str = ""
    groups: tuple[str, ...] = ()
    industry: str = ""
    industry_code: str = ""
    contract_investment: Decimal | None = None
    reached: Mapping[Stage, date] = field(default_factory=dict)
    planned: Mapping[Stage, date] = field(default_factory=dict)
    register_year: int | None = None
    dropped_on: date | None = None
    funds: tuple[FundsReport, ...] = ()


def reached_on(lead: LeadFacts, stage: Stage) -> date | None:
    """The day `stage` was reached: its own date, or that of the earliest later stage reached
    (a project started without a landing date has landed by the day it started)."""
    days = [lead.reached[each] for each in later_or_same(stage) if each in lead.reached]
    return min(days, default=None)


def reached_by(lead: LeadFacts, stage: Stage, day: date) -> bool:
    """Whether `stage` had been reached on or before `day`."""
    on = reached_on(lead, stage)
    return on is not None and on <= day


def opened_on(lead: LeadFacts) -> date | None:
    """The day talks began: the 洽谈 date, else 1 January of the register year, else the day
    of the first later stage (talks had begun by then)."""
    if Stage.NEGOTIATING in lead.reached:
        return lead.reached[Stage.NEGOTIATING]
    if lead.register_year:
        return date(lead.register_year, 1, 1)
    return reached_on(lead, Stage.NEGOTIATING)


def is_lead_of(lead: LeadFacts, period: Period) -> bool:
    """Whether the project was under negotiation at some time in the period (signed in it
    included): talks begun by its end, not signed and not dropped before it began."""
    opened, signed = opened_on(lead), reached_on(lead, Stage.SIGNED)
    if opened is None or opened > period.end:
        return False
    if signed is not None and signed < period.start:
        return False
    return signed is not None or lead.dropped_on is None or lead.dropped_on >= period.start


def is_signed_in(lead: LeadFacts, period: Period) -> bool:
    signed = reached_on(lead, Stage.SIGNED)
    return signed is not None and period.start <= signed <= period.end


def funds_in_place(lead: LeadFacts, day: date) -> Decimal:
    """The cumulative funds in place reported for the latest month up to `day`'s, in 万元;
    0 when none was reported up to then (the warnings' 至今无到位资金; rates read
    `funds_known`, which leaves such a lead out)."""
    known = funds_known(lead, day)
    return Decimal(0) if known is None else known


def funds_known(lead: LeadFacts, day: date) -> Decimal | None:
    """The cumulative funds in place reported for the latest month up to `day`'s, in 万元;
    None (unknown) when there is no record for a month up to then, whether the lead was never
    reported or first reported for a later month: records after `day`'s month never change
    what is known at `day` (tryout 32)."""
    reports = [f for f in lead.funds if (f.year, f.month) <= (day.year, day.month)]
    if not reports:
        return None
    return max(reports, key=lambda f: (f.year, f.month)).cumulative


def last_funds_month(leads: Iterable[LeadFacts], day: date) -> tuple[int, int] | None:
    """The latest (year, month) any lead's funds in place were reported for, up to `day`'s
    month; None when none was."""
    months = [
        (f.year, f.month)
        for lead in leads
        for f in lead.funds
        if (f.year, f.month) <= (day.year, day.month)
    ]
    return max(months, default=None)


@dataclass(frozen=True)
class Funnel:
    """A period's funnel for one scope: the counts, money in 万元, and the rates in percent."""

    leads: int = 0
    signed: int = 0
    landed: int = 0
    started: int = 0
    producing: int = 0
    at_capacity: int = 0
    contract_investment: Decimal = Decimal(0)
    funds_in_place: Decimal | None = Decimal(0)  # None: no project's funds known by the end
    # Projects of the base with no funds record by the period's end (`funds_known`),
    # and the contract investment of those whose funds are known (the rate's base).
    funds_unrecorded: int = 0
    funds_contract: Decimal | None = None  # None: every project's funds are known

    def count(self, stage: Stage) -> int:
        """How many of the period's projects reached `stage` (洽谈: the period's leads)."""
        return {
            Stage.NEGOTIATING: self.leads,
            Stage.SIGNED: self.signed,
            Stage.LANDED: self.landed,
            Stage.STARTED: self.started,
            Stage.PRODUCING: self.producing,
            Stage.AT_CAPACITY: self.at_capacity,
        }[stage]

    @property
    def signing_rate(self) -> Decimal | None:
        """签约率: signed ÷ leads."""
        return percent(self.signed, self.leads)

    @property
    def fulfilment_rate(self) -> Decimal | None:
        """履约率: landed ÷ signed."""
        return percent(self.landed, self.signed)

    @property
    def start_rate(self) -> Decimal | None:
        """开工率: started ÷ signed."""
        return percent(self.started, self.signed)

    @property
    def production_rate(self) -> Decimal | None:
        """投产率: producing ÷ signed."""
        return percent(self.producing, self.signed)

    @property
    def capacity_rate(self) -> Decimal | None:
        """达产率: at capacity ÷ signed."""
        return percent(self.at_capacity, self.signed)

    @property
    def funds_rate(self) -> Decimal | None:
        """资金到位率: funds in place ÷ contract investment, both of the projects whose funds
        are known by the period's end (`funds_known`)."""
        if self.funds_in_place is None:
            return None
        base = self.contract_investment if self.funds_contract is None else self.funds_contract
        return percent(self.funds_in_place, base)

    def conversions(self) -> list[tuple[Stage, Stage, Decimal | None]]:
        """Between each two consecutive stages, the share of those at the first that reached
        the second: 洽谈→签约 is the signing rate, 签约→落地 the fulfilment rate, 落地→开工 is
        started ÷ landed, and so on."""
        return [
            (before, after, percent(self.count(after), self.count(before)))
            for before, after in pairwise(STAGES)
        ]


def funnel(leads: Iterable[LeadFacts], period: Period) -> Funnel:
    """The period's funnel over `leads` (see the module's rules)."""
    leads = list(leads)
    base = [lead for lead in leads if is_signed_in(lead, period)]
    counts = {
        stage: sum(reached_by(lead, stage, period.end) for lead in base) for stage in AFTER_SIGNING
    }
    known = [(lead, funds_known(lead, period.end)) for lead in base]
    known = [(lead, funds) for lead, funds in known if funds is not None]
    unrecorded = len(base) - len(known)
    return Funnel(
        leads=sum(is_lead_of(lead, period) for lead in leads),
        signed=len(base),
        landed=counts[Stage.LANDED],
        started=counts[Stage.STARTED],
        producing=counts[Stage.PRODUCING],
        at_capacity=counts[Stage.AT_CAPACITY],
        contract_investment=sum(
            (lead.contract_investment or Decimal(0) for lead in base), Decimal(0)
        ),
        funds_in_place=(
            sum((funds for _, funds in known), Decimal(0)) if known or not base else None
        ),
        funds_unrecorded=unrecorded,
        funds_contract=(
            sum((lead.contract_investment or Decimal(0) for lead, _ in known), Decimal(0))
            if unrecorded
            else None
        ),
    )


def funnels_by(
    leads: Iterable[LeadFacts],
    period: Period,
    keys: Callable[[LeadFacts], Iterable[str]],
    names: Sequence[str] = (),
) -> list[tuple[str, Funnel]]:
    """The funnel of each group a lead falls in by `keys` (its units, its source groups…):
    `names` first in their order (an empty funnel for one without leads), then any other group
    found, by name. A lead in two groups (two source groups) counts in both; for rows that
    add up to the whole, give each lead one key (its host unit: `host_of`)."""
    members: dict[str, list[LeadFacts]] = {name: [] for name in names}
    for lead in leads:
        for key in dict.fromkeys(keys(lead)):
            if key:
                members.setdefault(key, []).append(lead)
    order = [*names, *sorted(set(members) - set(names))]
    return [(name, funnel(members[name], period)) for name in order]


def host_of(facts: LeadFacts | ParcelFacts) -> str:
    """The one unit that counts a lead or a parcel among the city's units: its `host`, else
    the first of its `units` ("" when it has none)."""
    return facts.host or next(iter(facts.units), "")


def conversion_days(
    leads: Iterable[LeadFacts], period: Period
) -> list[tuple[Stage, Stage, Decimal | None, int]]:
    """The average days between each two consecutive stages (洽谈→签约 … 投产→达产) among the
    period's signed projects whose own dates of both are given and fall by the period's end:
    (from, to, mean days to one decimal half-up or None when none has both, how many)."""
    base = [lead for lead in leads if is_signed_in(lead, period)]
    found = []
    for before, after in pairwise(STAGES):
        days = [
            (lead.reached[after] - lead.reached[before]).days
            for lead in base
            if before in lead.reached
            and after in lead.reached
            and lead.reached[after] <= period.end
        ]
        mean = None
        if days:
            mean = shown(Decimal(sum(days)) / len(days))
        found.append((before, after, mean, len(days)))
    return found
