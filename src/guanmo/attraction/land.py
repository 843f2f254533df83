"""Land and 亩均 figures (issue 14, "Land and 亩均"): investment intensity against a park's
standard, idle land, and a park's land supplied, in use and idle with investment and tax per 亩.

Plain functions over `ParcelFacts`; no database inside. Areas are in 亩 (1 亩 = 10000/15 m²,
so 1 m² = 0.0015 亩 and 1 公顷 = 15 亩 exactly); money in 万元; figures per 亩 to two decimals,
half-up.

Idle land (闲置土地) follows 《闲置土地处置办法》(国土资源部令第53号, 2012): land not started
one full year after the start date its contract or allocation set (or, where no date was set,
after it was supplied) is idle — the first step (征缴土地闲置费, 第十四条第一项); two full years
and it is to be taken back (无偿收回, 第十四条第二项); each idle parcel is at one of the two
steps. A year is a calendar year: land due to start on 1 March 2024 is idle from 1 March 2025,
not on 28 February 2025; one due on 29 February 2024 from 28 February 2025, the month's last
day when the year has no 29 February (民法典第二百零三条), as `relativedelta` counts.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from guanmo.documents.official import chinese_date
from guanmo.figures.formatting import half_up, mu_text

SQUARE_METRES_TO_MU = Decimal("0.0015")
# Where a parcel of a Chinese city may lie, in WGS-84 degrees: a longitude and a latitude
# swapped, or a projected coordinate (metres) typed for degrees, fall outside.
LONGITUDES = (Decimal(73), Decimal(136))
LATITUDES = (Decimal(3), Decimal(54))
HECTARES_TO_MU = Decimal(15)
PER_MU_PLACES = 2

NOT_IDLE = 0
IDLE_ONE_YEAR = 1  # 闲置满一年不满两年: 征缴土地闲置费
IDLE_TWO_YEARS = 2  # 闲置满两年: 无偿收回
# The first step said with its end, so that it never reads as "a year or more" beside the second
# (tryout 13: 闲置满一年 30亩 beside 闲置满两年 98亩 read as overlapping).
IDLE_WORDS = {IDLE_ONE_YEAR: "闲置满一年不满两年", IDLE_TWO_YEARS: "闲置满两年"}


@dataclass(frozen=True)
class ParcelFacts:
    """One parcel as the figures read it: area in 亩, the day it was supplied, the start date
    its contract set, the day building started, its investment and tax in 万元."""

    name: str
    area: Decimal
    units: tuple[str, ...] = ()  # the county and the park it lies in
    host: str = ""  # the one unit that counts it (selectors.host_unit); "" = the first of units
    holder: str = ""
    supplied_on: date | None = None
    agreed_start_on: date | None = None
    started_on: date | None = None
    investment: Decimal | None = None
    tax: Decimal | None = None
    plot_ratio: Decimal | None = None
    in_use_on: date | None = None  # the day its project came into use (投产), when it has
    phase: int | None = None  # 期次: 1 for 一期, 2 for 二期…; None when not built in phases
    completed_on: date | None = None  # the day its phase was built (建成)
    venture: str = ""  # the project it serves (its lead's, else its ledger project's), for phases
    # The 开工 of the project it serves (its lead's, else its ledger project's), when known:
    # `started_on` when the parcel's own 实际动工日期 is blank (selectors.parcel_facts).
    project_started_on: date | None = None
    started_from_project: bool = False  # `started_on` is the project's 开工, said (start_notes)


def takes_project_start(phase: int | None) -> bool:
    """Whether a parcel's blank 实际动工日期 may be read as its project's 开工: only for a
    project not built in phases (`phase` None) or its first phase's parcel (tryout 28: a
    second phase's land, still bare, counted as started on the first phase's 开工)."""
    return phase is None or phase <= 1


def start_notes(parcels: Iterable[ParcelFacts]) -> list[str]:
    """What the land figures took from the projects (tryout 22: a parcel whose project started
    in April was 闲置满两年 because its own 实际动工日期 was blank): a parcel counted started on
    its project's 开工, and a later phase's parcel counted not started though its project
    started (`takes_project_start`), each named. They explain figures: every face says them."""
    notes = []
    for parcel in parcels:
        project = parcel.project_started_on
        if project is None:
            continue
        if parcel.started_from_project:
            notes.append(
                f"地块{parcel.name}未填实际动工日期，按其项目开工日期{chinese_date(project)}计"
            )
        elif not takes_project_start(parcel.phase) and parcel.started_on is None:
            notes.append(
                f"地块{parcel.name}为项目第{parcel.phase}期用地，未填实际动工日期，"
                "项目开工日期只代表一期，按未动工计"
            )
    return notes


def start_checks(parcels: Iterable[ParcelFacts]) -> list[str]:
    """A parcel whose own 实际动工日期 disagrees with its project's 开工 (a later phase's may
    start later: not asked): a note for the office to check, never in the issued document
    (tryout 28)."""
    return [
        f"地块{parcel.name}实际动工日期{chinese_date(parcel.started_on)}"
        f"与其项目开工日期{chinese_date(parcel.project_started_on)}不一致，请核对"
        for parcel in parcels
        if parcel.project_started_on is not None
        and parcel.started_on is not None
        and parcel.started_on != parcel.project_started_on
        and takes_project_start(parcel.phase)
    ]


def per_mu(amount: Decimal | None, area: Decimal) -> Decimal | None:
    """An amount per 亩 (投资强度, 亩均税收), two decimals half-up; None without an amount or
    an area."""
    if amount is None or not area:
        return None
    return half_up(amount / area, PER_MU_PLACES)


def idle_since(parcel: ParcelFacts) -> date | None:
    """The day from which the idle years count: the agreed start date, else the supply date."""
    return parcel.agreed_start_on or parcel.supplied_on


def idle_step(parcel: ParcelFacts, day: date) -> int:
    """How far the parcel is idle on `day`: NOT_IDLE, IDLE_ONE_YEAR or IDLE_TWO_YEARS.

    Land started on or before `day`, not yet supplied, or with no date to count from, is not
    idle."""
    since = idle_since(parcel)
    if since is None or since > day or (parcel.supplied_on and parcel.supplied_on > day):
        return NOT_IDLE
    if parcel.started_on is not None and parcel.started_on <= day:
        return NOT_IDLE
    years = relativedelta(day, since).years
    return min(years, IDLE_TWO_YEARS)


@dataclass(frozen=True)
class StandardCheck:
    """A parcel's investment intensity and plot ratio against its park's standard."""

    intensity: Decimal | None  # 万元/亩
    intensity_met: bool | None  # None when either side is unknown
    plot_ratio_met: bool | None


def against_standard(
    parcel: ParcelFacts, intensity_standard: Decimal | None, min_plot_ratio: Decimal | None
) -> StandardCheck:
    """Investment intensity (投资强度 = investment ÷ area) and plot ratio against the park's
    standard (its 万元/亩 and its minimum plot ratio); a shown intensity equal to the standard
    meets it."""
    intensity = per_mu(parcel.investment, parcel.area)
    met = None
    if intensity is not None and intensity_standard is not None:
        met = intensity >= intensity_standard
    ratio_met = None
    if parcel.plot_ratio is not None and min_plot_ratio is not None:
        ratio_met = parcel.plot_ratio >= min_plot_ratio
    return StandardCheck(intensity, met, ratio_met)


# The land table's heads (bulletin, attraction report text and .xlsx): short, their units said
# once beside the table, so it prints within A4's width.
LAND_HEADERS = (
    "地区",
    "已供地",
    "已动工",
    "闲置土地",
    "满一年不满两年",  # of it: IDLE_WORDS without 闲置, so that eight heads fit A4's width
    "满两年",
    "亩均投资",
    "亩均税收",
)


@dataclass(frozen=True)
class PerMuBase:
    """The land a figure per 亩 is over: the supplied parcels that carry the figure, how many
    and their area in 亩."""

    parcels: int
    area: Decimal


def _base(parcels: Sequence[ParcelFacts], amount_of: Callable[[ParcelFacts], Decimal | None]):
    """The parcels carrying an amount, as (their sum in 万元 or None when none, their base)."""
    carrying = [(p, amount) for p in parcels if (amount := amount_of(p)) is not None]
    total = sum((amount for _, amount in carrying), Decimal(0)) if carrying else None
    return total, PerMuBase(len(carrying), sum((p.area for p, _ in carrying), Decimal(0)))


@dataclass(frozen=True)
class ParkLand:
    """A park's land on a day, in 亩, with investment and tax per 亩 of the land of the supplied
    parcels that carry the figure (`investment_base`, `tax_base`): a parcel with no investment
    typed is not a parcel with none (tryout 13: 764,000万元 on 19 of 44 parcels ÷ all 6,011亩
    gave 127.10). The idle land is split by the rules' two steps, each parcel in one of them."""

    supplied: Decimal
    in_use: Decimal
    idle_one_year: Decimal  # 闲置满一年不满两年: 征缴土地闲置费
    to_take_back: Decimal  # 闲置满两年: 无偿收回
    investment_per_mu: Decimal | None
    tax_per_mu: Decimal | None
    supplied_parcels: int = 0
    investment_base: PerMuBase = PerMuBase(0, Decimal(0))
    tax_base: PerMuBase = PerMuBase(0, Decimal(0))

    @property
    def idle(self) -> Decimal:
        """All idle land (闲置土地): both steps."""
        return self.idle_one_year + self.to_take_back

    @property
    def areas(self) -> tuple[Decimal, ...]:
        """The table's areas in 亩, in LAND_HEADERS' order after 地区: 已供地, 已动工, 闲置土地,
        闲置满一年不满两年, 闲置满两年."""
        return (self.supplied, self.in_use, self.idle, self.idle_one_year, self.to_take_back)

    @property
    def per_mu(self) -> tuple[Decimal | None, Decimal | None]:
        """亩均投资 and 亩均税收 in 万元/亩, the table's last two columns (None: no figure)."""
        return (self.investment_per_mu, self.tax_per_mu)


def is_supplied_by(parcel: ParcelFacts, day: date) -> bool:
    """Whether the parcel was supplied on or before `day`: every land figure and list of a
    period is as of its end (tryout 28: a parcel supplied after 1—11月 was listed short of its
    park's standard while the land table left it out)."""
    return parcel.supplied_on is not None and parcel.supplied_on <= day


def park_land(parcels: Iterable[ParcelFacts], day: date) -> ParkLand:
    """The land supplied to `day`, the part started (in use), the part idle one year (not yet
    two) and the part idle two years; investment and tax per 亩 of the supplied parcels that
    carry them (None when none does)."""
    supplied = [p for p in parcels if is_supplied_by(p, day)]
    area = sum((p.area for p in supplied), Decimal(0))
    in_use = sum((p.area for p in supplied if p.started_on and p.started_on <= day), Decimal(0))
    steps = [(p, idle_step(p, day)) for p in supplied]
    investment, investment_base = _base(supplied, lambda p: p.investment)
    tax, tax_base = _base(supplied, lambda p: p.tax)
    return ParkLand(
        supplied=area,
        in_use=in_use,
        idle_one_year=sum((p.area for p, step in steps if step == IDLE_ONE_YEAR), Decimal(0)),
        to_take_back=sum((p.area for p, step in steps if step == IDLE_TWO_YEARS), Decimal(0)),
        investment_per_mu=per_mu(investment, investment_base.area),
        tax_per_mu=per_mu(tax, tax_base.area),
        supplied_parcels=len(supplied),
        investment_base=investment_base,
        tax_base=tax_base,
    )


def base_note(what: str, base: PerMuBase, land: ParkLand) -> str | None:
    """ "按有税收数据的4宗地、90亩计算" when only part of the supplied parcels carry the figure
    (`what`: 投资, 税收); None when all carry it or none does ("—" says it)."""
    if 0 < base.parcels < land.supplied_parcels:
        return f"按有{what}数据的{base.parcels}宗地、{mu_text(base.area)}计算"
    return None


def per_mu_note(name: str, land: ParkLand) -> str | None:
    """What a unit's 亩均 figures are over when some supplied parcels carry no figure:
    "全市亩均投资按有投资数据的19宗地、1200亩计算，亩均税收按有税收数据的4宗地、90亩计算";
    None when each figure is over every parcel supplied, or there is none."""
    said = [
        f"{head}{note}"
        for head, what, base in (
            ("亩均投资", "投资", land.investment_base),
            ("亩均税收", "税收", land.tax_base),
        )
        if (note := base_note(what, base, land))
    ]
    return name + "，".join(said) if said else None


def per_mu_sentence(rows: Iterable[tuple[str, ParkLand]]) -> str | None:
    """The notes (`per_mu_note`) of a land table's rows that need one, as one sentence for the
    bulletin, the report's text, .xlsx and .docx alike; None when no row needs one."""
    notes = [note for name, land in rows if (note := per_mu_note(name, land))]
    return "；".join(notes) + "。" if notes else None


@dataclass(frozen=True)
class IdleParcel:
    """A parcel idle on a day, with the step the rules set and the day the years count from."""

    parcel: ParcelFacts
    step: int
    since: date

    @property
    def text(self) -> str:
        holder = f"（{self.parcel.holder}）" if self.parcel.holder else ""
        return f"{self.parcel.name}{holder}{mu_text(self.parcel.area)}{IDLE_WORDS[self.step]}"


def idle_parcels(parcels: Iterable[ParcelFacts], day: date) -> list[IdleParcel]:
    """Every parcel idle on `day`, the longest idle first."""
    found = [
        IdleParcel(parcel, step, idle_since(parcel))  # type: ignore[arg-type]
        for parcel in parcels
        if (step := idle_step(parcel, day)) != NOT_IDLE
    ]
    return sorted(found, key=lambda idle: (-idle.step, idle.since))


# A parcel's state on the map of parcels, in the legend's order: the key and its words.
PARCEL_STATES = {
    "unsupplied": "未供地",
    "supplied": "已供地未动工",
    "started": "已动工在建",
    "in_use": "已投产使用",
    "idle_one_year": IDLE_WORDS[IDLE_ONE_YEAR],
    "idle_two_years": IDLE_WORDS[IDLE_TWO_YEARS],
}


def parcel_state(parcel: ParcelFacts, day: date) -> str:
    """The parcel's state on `day` (a key of PARCEL_STATES): idle by the rules' two steps
    (`idle_step`) before anything else, then in use from the day its project produces, started
    from the day building started, supplied from the day it was supplied."""
    if parcel.supplied_on is None or parcel.supplied_on > day:
        return "unsupplied"
    step = idle_step(parcel, day)
    if step == IDLE_TWO_YEARS:
        return "idle_two_years"
    if step == IDLE_ONE_YEAR:
        return "idle_one_year"
    if parcel.in_use_on is not None and parcel.in_use_on <= day:
        return "in_use"
    if parcel.started_on is not None and parcel.started_on <= day:
        return "started"
    return "supplied"
