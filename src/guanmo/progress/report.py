"""The monthly progress report as plain data: built from per-unit totals, shared by every output."""

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from guanmo.figures.arithmetic import (
    competition_ranks,
    completion_rate,
    period_label,
    points_vs_time_progress,
    ranks_within_groups,
    tied,
    time_progress,
)
from guanmo.figures.changes import (
    places_moved,
    points_change_text,
    rank_change_text,
    share_points_change,
)
from guanmo.progress.sections import RankingColumns
from guanmo.progress.sentences import NOT_LISTED, headline, sentences
from guanmo.regions.names import unit_name, with_unit


@dataclass(frozen=True)
class Period:
    year: int
    month: int

    @property
    def label(self) -> str:
        return period_label(self.month)


@dataclass(frozen=True)
class UnitTotals:
    """What the database gives for one county or zone: key projects, plan and completed (万元).

    `ranked` is False for the city's own projects: listed and counted in the total, never ranked.
    """

    region: str
    projects: int
    annual_plan: Decimal
    completed: Decimal
    ranked: bool = True
    group: str = ""  # the ranking group the unit is ranked in as well (县（市）组…), if any
    # of `projects` and `completed`: those without an annual plan for the year (or of 0) and
    # what they completed, in no completion rate (`Figures.rated_completed`)
    unplanned: int = 0
    unplanned_completed: Decimal = Decimal(0)


@dataclass(frozen=True)
class UnreportedProject:
    """A key project with no report for the month: its region's name (the city's own name for
    the city's own projects, `is_city`) and its name."""

    region: str
    name: str
    is_city: bool = False

    @property
    def unit(self) -> str:
        """Whose project it is in a bulletin: the county's name, or 市本级."""
        return unit_name(self.region, is_city=self.is_city)

    @property
    def named(self) -> str:
        """Its name after its unit, the region said once: 温县太极文化产业园, 焦作市城市快速路."""
        return with_unit(self.region, self.name, is_city=self.is_city)


@dataclass(frozen=True)
class LeftProject:
    """A key project taken off the list(s) counted before the report's month: its region (the
    city's own name for the city's own projects, `is_city`), its name, what it completed by
    the end of the month it left and its annual plan of the year (万元, None without one), which
    both stay in its unit's year totals (`ledger.key_lists`)."""

    region: str
    name: str
    completed: Decimal
    annual_plan: Decimal | None = None
    is_city: bool = False


@dataclass(frozen=True)
class ProjectLine:
    """One project's figures for the project table; one taken off the list(s) before the
    month (`removed`) has its plan and what it completed by then."""

    region: str
    name: str
    stage: str
    leader_in_charge: str
    annual_plan: Decimal | None
    completed: Decimal
    completion_rate: Decimal | None
    reported: bool
    removed: bool = False

    @property
    def reporting(self) -> str:
        """What the table's 是否报送 column says: 已调出, 是 or 否. (A project entering the list
        after the month has no line: `selectors.project_lines`.)"""
        if self.removed:
            return "已调出"
        return "是" if self.reported else "否"


@dataclass(frozen=True)
class Figures:
    """A unit's (or the whole city's) figures as the bulletin shows them. `projects` counts
    the projects on the list in the month (`ledger.due`, `ledger.key_lists`); a unit with none
    (`listed` False) is not ranked, and its rank's place says NOT_LISTED (`rank_note`)."""

    region: str
    projects: int
    annual_plan: Decimal
    completed: Decimal
    completion_rate: Decimal | None
    vs_time_progress: Decimal | None
    rank: int | None = None
    tied: bool = False
    ranked: bool = True  # False for the city's own projects (市本级), which take no rank
    group: str = ""
    group_rank: int | None = None
    group_tied: bool = False
    unplanned: int = 0  # projects without an annual plan for the year: in no rate
    unplanned_completed: Decimal = Decimal(0)  # what they completed (万元), in `completed`

    @property
    def rated_completed(self) -> Decimal:
        """The completed investment a completion rate counts (万元): that of the projects with
        an annual plan for the year, against which alone it is judged; a project without one
        (made from a lead on its 开工, tryout 22) would raise the rate with no plan beside it.
        The rate, the points against time progress and against the curves all use it."""
        return self.completed - self.unplanned_completed

    @property
    def listed(self) -> bool:
        """Whether the unit has a project on the list in the month."""
        return self.projects > 0

    @property
    def rank_note(self) -> str:
        """What stands where a ranked unit's rank would be when it has no project on the list
        in the month (本月无在列重点项目); "" otherwise."""
        return NOT_LISTED if self.ranked and not self.listed else ""


@dataclass(frozen=True)
class UnitChange:
    """A unit's change since the previous month, in words for sentences and pages (较上月前移2位,
    提高8.2个百分点; "" unknown) and as figures for tables: places moved up (+) or down (−),
    the completion rate's change in 个百分点 (None unknown)."""

    rank: str
    rate: str
    places: int | None = None
    points: Decimal | None = None


@dataclass
class ProgressReport:
    period: Period
    level: str | None
    time_progress: Decimal
    total: Figures
    regions: list[Figures]
    unreported: list[UnreportedProject]
    headline: str = ""
    sentences: list[str] = field(default_factory=list)
    projects: list[ProjectLine] | None = None
    changes: dict[str, UnitChange] = field(default_factory=dict)  # region → since last month
    group_order: list[str] = field(default_factory=list)  # the city's ranking groups, in order
    columns: list[RankingColumns] = field(default_factory=list)  # added by other apps
    left: list[LeftProject] = field(default_factory=list)  # taken off before the month
    leaving: int = 0  # how many are counted this month for the last time (taken off in it)

    @property
    def added_headers(self) -> list[str]:
        """The headers of the columns other apps add to the ranking table, in order."""
        return [header for columns in self.columns for header in columns.headers]

    def added_text(self, region: str) -> list[str]:
        """A row's added cells as documents print them (`region` 合计 for the total)."""
        return [text for columns in self.columns for text in columns.text(region)]

    @property
    def added_page_cells(self) -> dict[str, list[str]]:
        """Every row's added cells as the page prints them, by region (合计 for the total)."""
        rows = [figures.region for figures in [*self.regions, self.total]]
        return {
            region: [text for columns in self.columns for text in columns.page_text(region)]
            for region in rows
        }

    def added_values(self, region: str) -> dict[str, Decimal | None]:
        """A row's added values by their JSON keys (`RankingColumns.keys`)."""
        return {
            key: value for columns in self.columns for key, value in columns.keyed(region).items()
        }

    @property
    def added_sentences(self) -> list[str]:
        return [sentence for columns in self.columns for sentence in columns.sentences]

    @property
    def groups(self) -> list[tuple[str, list["Figures"]]]:
        """Each ranking group with its units by their rank within it (empty without groups)."""
        return [
            (
                name,
                sorted(
                    (f for f in self.regions if f.group == name),
                    key=lambda f: (f.group_rank is None, f.group_rank or 0),
                ),
            )
            for name in self.group_order
        ]

    @property
    def subject(self) -> str:
        """What the report counts: 市重点项目, or 重点项目 when no level is chosen."""
        return f"{self.level}重点项目" if self.level else "重点项目"


def figures_of(totals: UnitTotals, month: int) -> Figures:
    """A unit's figures after `month`: its completion rate and its points against time progress
    (`points_vs_time_progress`: the exact gap rounded once, as 较序时进度)."""
    figures = Figures(
        region=totals.region,
        projects=totals.projects,
        annual_plan=totals.annual_plan,
        completed=totals.completed,
        completion_rate=None,
        vs_time_progress=None,
        ranked=totals.ranked,
        group=totals.group,
        unplanned=totals.unplanned,
        unplanned_completed=totals.unplanned_completed,
    )
    counted = figures.rated_completed
    return replace(
        figures,
        completion_rate=completion_rate(counted, totals.annual_plan),
        vs_time_progress=points_vs_time_progress(counted, totals.annual_plan, month),
    )


def ranked_regions(units: Sequence[UnitTotals], month: int) -> list[Figures]:
    """Each unit's figures with its competition rank in the city and within its ranking group;
    ranked units first, by rank, then the rest in the order given (a unit with no annual plan
    has no rate and no rank, nor has one with no project on the list in the month, nor the
    city's own row)."""
    figures = [figures_of(unit, month) for unit in units]
    rates = [f.completion_rate if f.ranked and f.listed else None for f in figures]
    ranks = competition_ranks(rates)
    ranked = [
        replace(f, rank=rank, tied=shared)
        for f, rank, shared in zip(figures, ranks, tied(ranks), strict=True)
    ]
    in_groups = ranks_within_groups(rates, [f.group for f in ranked])
    ranked = [
        replace(f, group_rank=rank, group_tied=shared)
        for f, (rank, shared) in zip(ranked, in_groups, strict=True)
    ]
    order = {id(f): position for position, f in enumerate(ranked)}
    return sorted(ranked, key=lambda f: (f.rank is None, f.rank or 0, order[id(f)]))


def build_progress_report(
    period: Period,
    units: Sequence[UnitTotals],
    *,
    level: str | None = None,
    unreported: Sequence[UnreportedProject] = (),
    projects: Sequence[ProjectLine] | None = None,
    group_order: Sequence[str] = (),
    left: Sequence[LeftProject] = (),
    leaving: int = 0,
) -> ProgressReport:
    """The whole report from plain totals: figures, ranks (in the city, and within each ranking
    group named in `group_order`), the headline and the sentences. `left` are the projects
    taken off the list(s) before the month (their completed already in `units`), `leaving`
    how many were taken off during it."""
    time = time_progress(period.month)
    total = figures_of(
        UnitTotals(
            region="合计",
            projects=sum(unit.projects for unit in units),
            annual_plan=sum((unit.annual_plan for unit in units), Decimal(0)),
            completed=sum((unit.completed for unit in units), Decimal(0)),
            unplanned=sum(unit.unplanned for unit in units),
            unplanned_completed=sum((unit.unplanned_completed for unit in units), Decimal(0)),
        ),
        period.month,
    )
    report = ProgressReport(
        period=period,
        level=level,
        time_progress=time,
        total=total,
        regions=ranked_regions(units, period.month),
        unreported=list(unreported),
        projects=list(projects) if projects is not None else None,
        group_order=list(group_order),
        left=list(left),
        leaving=leaving,
    )
    report.headline = headline(report)
    report.sentences = sentences(report)
    return report


def month_on_month(previous: ProgressReport, current: ProgressReport) -> dict[str, UnitChange]:
    """Each unit's change of rank and completion rate from `previous` to `current`; the rate's
    change in points is the exact one rounded once (`share_points_change`), as 较时间进度, in
    every face that shows it (page, sentences, .docx, .xlsx)."""
    before = {figures.region: figures for figures in previous.regions}
    changes = {}
    for figures in current.regions:
        earlier = before.get(figures.region)
        if earlier is None:
            continue
        points = share_points_change(
            (earlier.rated_completed, earlier.annual_plan),
            (figures.rated_completed, figures.annual_plan),
        )
        changes[figures.region] = UnitChange(
            rank=rank_change_text(earlier.rank, figures.rank),
            rate=points_change_text(points),
            places=places_moved(earlier.rank, figures.rank),
            points=points,
        )
    return changes
