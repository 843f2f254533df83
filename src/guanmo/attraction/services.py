"""Writing the attraction register: saving a lead with every change kept in its history, and
making a started lead a ledger project (issue 14: "When it starts, it becomes (or links to) a
ledger project, keeping its history")."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction

from guanmo import bounds, clock
from guanmo.accounts.models import User
from guanmo.attraction.funds import funds_faults
from guanmo.attraction.models import FundsInPlace, Lead, LeadChange, LeadMilestone, StageDate
from guanmo.attraction.selectors import host_unit, preparatory_dates, stage_dates
from guanmo.attraction.stages import DROPPED, Stage, missing_before, stage_faults
from guanmo.documents.official import chinese_date
from guanmo.ledger.key_lists import first_day
from guanmo.ledger.milestones import MilestoneDates, date_faults
from guanmo.ledger.models import KeyListEntry, Level, MilestoneKind, Project
from guanmo.ledger.models import Stage as ProjectStage
from guanmo.ledger.services.milestones import (
    MilestoneRefused,
    milestone_changes,
    milestones_by_project,
    save_milestones,
    write_milestones,
)
from guanmo.regions.models import Region
from guanmo.reporting.history import Change, Source, record_changes, shown
from guanmo.reporting.models import ImportRecord
from guanmo.reporting.selectors import latest_closed_month

# The lead's own fields a register may give, as `LeadInput` names them.
LEAD_FIELDS = (
    "investor",
    "origin",
    "abroad",
    "origin_abroad",
    "industry_code",
    "chain",
    "contract_investment",
    "park",
    "leader_in_charge",
    "dropped_on",
)


@dataclass
class LeadInput:
    """What a register row or a form gives of a lead. A field left None was not given and
    leaves the stored value alone; `stages` maps a stage to its (planned, actual) dates, either
    None when not given; `funds` is (year, month, cumulative 万元) when given."""

    name: str
    county: Region
    values: dict[str, Any] = field(default_factory=dict)  # LEAD_FIELDS given
    stages: dict[Stage, tuple[date | None, date | None]] = field(default_factory=dict)
    funds: tuple[int, int, Decimal] | None = None
    # 前期手续 (models.PREPARATORY) → (planned, actual), either None when not given
    milestones: dict[MilestoneKind, tuple[date | None, date | None]] = field(default_factory=dict)


@dataclass
class Saved:
    lead: Lead
    created: bool
    changes: int
    linked: Project | None = None  # the ledger project it became on this save
    linked_new: bool = False  # `linked` was made now from the lead, not found in the ledger
    lines: list[LeadChange] = field(default_factory=list)  # the lead's history lines written

    @property
    def linked_words(self) -> str:
        """What starting did to the ledger, as the import report and the page say it:
        新建重点项目“X” or 与重点项目台账中已有的“X”关联 (tryout 22: one phrase said both)."""
        if self.linked is None:
            return ""
        if self.linked_new:
            made = f"转入重点项目台账，新建重点项目“{self.linked.name}”"
            return f"{made}，{counted_from(self.linked.entered_on)}"
        return f"转入重点项目台账，与台账中已有的重点项目“{self.linked.name}”关联"


def _label(name: str) -> str:
    return str(Lead._meta.get_field(name).verbose_name)


def _history(lead: Lead, label: str, old: object, new: object) -> LeadChange | None:
    if shown(old) == shown(new):
        return None
    return LeadChange(lead=lead, field=label, old_value=shown(old), new_value=shown(new))


def _in_wan(line: LeadChange | None) -> LeadChange | None:
    """A history line of an amount with its unit, as notes and the lead's page say it:
    「（空） → 20000万元」 (tryout 32: bare 20000)."""
    if line is not None:
        line.old_value, line.new_value = (
            f"{value}万元" if value else "" for value in (line.old_value, line.new_value)
        )
    return line


def save_lead(
    city: Region,
    register_year: int,
    given: LeadInput,
    *,
    source: str,
    user: User | None,
    reason: str = "",
    import_record: ImportRecord | None = None,
) -> Saved:
    """Create the lead (by city, county and name) or update what `given` gives, recording each
    change with the import that made it (`import_record`, none from a page). A lead that has
    started is linked to the ledger (`link_to_ledger`); a linked lead's 开工 is written to its
    project's 开工 milestone (`started_on_project`). Call it inside a transaction: a refused
    import undoes it. Raises MilestoneRefused for a 开工 the project's milestones refuse."""
    lead = Lead.objects.filter(city=city, county=given.county, name=given.name).first()
    created = lead is None
    if lead is None:
        lead = Lead(city=city, county=given.county, name=given.name, register_year=register_year)
    changes = []
    for name, value in given.values.items():
        if value is None:
            continue
        if not created:
            changes.append(_history(lead, _label(name), getattr(lead, name), value))
        setattr(lead, name, value)
    lead.save()
    stored = {each.stage: each for each in lead.stages.all()}
    for stage, (planned, reached) in given.stages.items():
        if stage == Stage.STARTED and lead.project_id is not None:
            changes += started_on_project(
                lead, planned, reached, source=source, user=user, reason=reason
            )
            continue
        row = stored.get(stage) or StageDate(lead=lead, stage=stage)
        changes += _dated(lead, row, stage.label, planned, reached, recorded=not created)
    changes += _preparatory(lead, given, source=source, user=user, reason=reason, created=created)
    if given.funds is not None:
        year, month, cumulative = given.funds
        row = FundsInPlace.objects.filter(lead=lead, year=year, month=month).first()
        if not created:
            old = row.cumulative if row else None
            label = f"{year}年{month}月累计到位资金"
            changes.append(_in_wan(_history(lead, label, old, cumulative)))
        FundsInPlace.objects.update_or_create(
            lead=lead, year=year, month=month, defaults={"cumulative": cumulative}
        )
    if lead.project_id is not None and given.stages.keys() & {Stage.PRODUCING, Stage.AT_CAPACITY}:
        producing_on_project(lead, source=source, user=user)
    kept = [change for change in changes if change is not None]
    for change in kept:
        change.source, change.reason, change.user = source, reason, user
        change.import_record = import_record
    LeadChange.objects.bulk_create(kept)
    linked, made = None, False
    if lead.project_id is None and lead.stages.filter(
        stage__in=STARTED_OR_LATER, reached__isnull=False
    ):
        made = namesake(lead.city, host_unit(lead), lead.name) is None
        linked = link_to_ledger(lead, user=user, import_record=import_record)
    return Saved(lead, created, len(kept), linked, made, kept)


def _dated(
    lead: Lead,
    row: StageDate | LeadMilestone,
    label: str,
    planned: date | None,
    reached: date | None,
    *,
    recorded: bool,
) -> list[LeadChange | None]:
    """Set and save a stage's or approval's dates (None: left as stored); with `recorded`, the
    history lines of what changed."""
    changes = []
    for attribute, value, word in (("planned", planned, "计划"), ("reached", reached, "实际")):
        if value is None:
            continue
        if recorded:
            changes.append(_history(lead, f"{label}{word}日期", getattr(row, attribute), value))
        setattr(row, attribute, value)
    row.save()
    return changes


def _preparatory(
    lead: Lead, given: LeadInput, *, source: str, user: User | None, reason: str, created: bool
) -> list[LeadChange | None]:
    """The 前期 approvals `given` gives: on the lead until it is a ledger project, then on the
    project's milestones (checked, in its history), where `link_to_ledger` put them. Raises
    MilestoneRefused."""
    if not given.milestones:
        return []
    if lead.project_id is not None:
        stored = milestones_by_project([lead.project_id])[lead.project_id]
        merged = {}
        for kind, (planned, reached) in given.milestones.items():
            have = stored.get(kind, MilestoneDates(kind))
            merged[kind] = MilestoneDates(kind, planned or have.planned, reached or have.reached)
        save_milestones(
            lead.project,
            merged,
            user=user,
            today=clock.today(),
            reason=reason or f"来自招商项目“{lead.name}”",
            source=source,
        )
        return []
    rows = {MilestoneKind(row.kind): row for row in lead.milestones.all()}
    changes = []
    for kind, (planned, reached) in given.milestones.items():
        row = rows.get(kind) or LeadMilestone(lead=lead, kind=kind)
        changes += _dated(lead, row, kind.label, planned, reached, recorded=not created)
    return changes


STARTED_OR_LATER = [Stage.STARTED, Stage.PRODUCING, Stage.AT_CAPACITY]
_WORDS = ("计划", "实际")  # a milestone's (planned, reached) in its history's words
_CARRIED_WORD = {MilestoneKind.STARTED: "开工日期"}  # the others are 前期手续


def _start_given(
    lead: Lead, planned: date | None, reached: date | None
) -> tuple[dict[MilestoneKind, MilestoneDates], MilestoneDates]:
    """The linked lead's project's milestones, and its 开工 as `planned` and `reached` (None:
    as stored) would make it."""
    stored = milestones_by_project([lead.project_id])[lead.project_id]
    before = stored.get(MilestoneKind.STARTED, MilestoneDates(MilestoneKind.STARTED))
    after = MilestoneDates(
        MilestoneKind.STARTED, planned or before.planned, reached or before.reached
    )
    return stored, after


def start_faults(lead: Lead, planned: date | None, reached: date | None) -> list[str]:
    """Why the linked lead's project would refuse this 开工 (`milestones.date_faults`: 竣工
    before 开工, a date after today), in Chinese; empty when it may be written."""
    stored, after = _start_given(lead, planned, reached)
    faults = date_faults({**stored, MilestoneKind.STARTED: after}, clock.today())
    return [f"重点项目“{lead.project.name}”{kind.label}：{why}" for kind, why in faults]


def started_on_project(
    lead: Lead,
    planned: date | None,
    reached: date | None,
    *,
    source: str,
    user: User | None,
    reason: str = "",
) -> list[LeadChange]:
    """Write a linked lead's 开工 dates (None: leave as stored) to its project's 开工 milestone,
    recorded in the project's history; returns the lead's own history lines for the caller to
    store. Raises MilestoneRefused."""
    stored, after = _start_given(lead, planned, reached)
    before = stored.get(MilestoneKind.STARTED, MilestoneDates(MilestoneKind.STARTED))
    save_milestones(
        lead.project,
        {MilestoneKind.STARTED: after},
        user=user,
        today=clock.today(),
        reason=reason or f"来自招商项目“{lead.name}”",
        source=source,
    )
    pairs = ((before.planned, after.planned), (before.reached, after.reached))
    return [
        change
        for word, (old, new) in zip(_WORDS, pairs, strict=True)
        if (change := _history(lead, f"开工{word}日期", old, new)) is not None
    ]


def namesake(city: Region, host: Region, name: str) -> Project | None:
    """The ledger project a started lead links to: the city's project of its name in the unit
    that counts the lead (`selectors.host_unit`); None when there is none (one is made)."""
    return Project.objects.filter(city=city, county=host, name=name).first()


def link_faults(city: Region, host: Region, name: str, started: date | None) -> list[str]:
    """Why a lead named `name`, hosted by `host` and started on `started`, may not link to
    the ledger's project of its name (`link_to_ledger`), in Chinese; empty when it may (no such
    project, or one whose start agrees). A lead never changes a ledger project's recorded 开工,
    nor gives a date in another year than the project's 开工年份 (tryout 22: linking to 续建
    武陟县物流园 set its 开工 to June): both dates are named for the office to reconcile."""
    project = namesake(city, host, name)
    if project is None or started is None:
        return []
    have = milestones_by_project([project.pk])[project.pk].get(MilestoneKind.STARTED)
    said = f"招商项目开工日期{chinese_date(started)}与重点项目台账中的“{project.name}”"
    if have is not None and have.reached is not None and have.reached != started:
        return [f"{said}（开工日期{chinese_date(have.reached)}）不一致，请核对后改正其中之一"]
    if project.start_year is not None and project.start_year != started.year:
        stage = f"{project.stage}项目，" if project.stage else ""
        return [f"{said}（{stage}{project.start_year}年开工）不一致，请核对后改正其中之一"]
    return []


def entered_on_for(city: Region, started: date | None) -> date:
    """The day a project made from a lead now enters the ledger (`Project.entered_on`, the
    month it reports from, ledger.due): its start (today when none is given), but never in a
    closed month (reporting.selectors.closed_months): a start on or before the latest closed
    month enters on the first day of the month after it, so a closed month's reports never
    change (tryout 32: leads imported on 15 December as started in May turned 1—11月's 529
    projects into 532). The project's 开工 milestone keeps the start itself."""
    day = started or clock.today()
    latest = latest_closed_month(city)
    if latest is not None and (day.year, day.month) <= latest:
        return first_day(latest[0], latest[1] + 1)
    return day


def counted_from(entered_on: date | None) -> str:
    """自12月起计入 (自2026年1月起计入 in another year than today's): from which month a project
    made from a lead counts in the key projects' reports."""
    if entered_on is None:
        return "自本年1月起计入"
    month = f"{entered_on.month}月"
    if entered_on.year != clock.today().year:
        month = f"{entered_on.year}年{month}"
    return f"自{month}起计入"


def link_to_ledger(
    lead: Lead, *, user: User | None, import_record: ImportRecord | None = None
) -> Project:
    """The ledger project a started lead is: the city's project of the same name in the unit
    that counts the lead (`selectors.host_unit`: its park when a city unit, else its county),
    else a new one there built from the lead (name, investor as owner, industry, contract
    investment as total investment, start year, leader in charge). From then on the lead's 开工
    and its 前期 approvals (`LeadMilestone`) live in the project's milestones only
    (`selectors.stage_dates`, `selectors.preparatory_dates` read them there): the lead's dates
    fill what the project's lack, a date the project already has stands and the lead's history
    says so. The lead keeps its own history; the project's says where it came
    from, both with the import that started it (`import_record`, none from a page)."""
    host = host_unit(lead)  # the unit that counts it counts its project (a zone's, the zone)
    project = namesake(lead.city, host, lead.name)
    dates = {each.stage: each for each in lead.stages.all()}
    started = min(
        (
            dates[stage].reached
            for stage in STARTED_OR_LATER
            if stage in dates and dates[stage].reached
        ),
        default=None,
    )
    faults = link_faults(lead.city, host, lead.name, started)
    if faults:
        raise MilestoneRefused(faults)
    own = dates.get(Stage.STARTED)
    lead_start = (own.planned if own else None, started)
    # A start implied by a later stage (a register giving 投产 alone), said in the lead's
    # history, never filled silently (tryout 22).
    implied = next(
        (
            stage
            for stage in STARTED_OR_LATER[1:]
            if stage in dates and dates[stage].reached == started
        ),
        None,
    )
    implied = implied if started and not (own and own.reached) else None
    if project is None:
        project = Project.objects.create(
            city=lead.city,
            county=host,
            name=lead.name,
            owner=lead.investor,
            industry=lead.industry_name[:64],
            total_investment=lead.contract_investment or 0,
            start_year=started.year if started else None,
            stage=ProjectStage.NEW_START,  # it starts now (tryout 22: 建设性质 was blank)
            leader_in_charge=lead.leader_in_charge,
            entered_on=entered_on_for(lead.city, started),
        )
        listed = _enter_key_list(project, project.entered_on)
    else:
        listed = _enter_key_list(project, started)
    stored = milestones_by_project([project.pk])[project.pk]
    carried = {MilestoneKind.STARTED: lead_start} | {
        MilestoneKind(each.kind): (each.planned, each.reached) for each in lead.milestones.all()
    }
    given = {}
    for kind, (planned, reached) in carried.items():
        have = stored.get(kind, MilestoneDates(kind))
        given[kind] = MilestoneDates(kind, have.planned or planned, have.reached or reached)
    filled = milestone_changes(project, stored, given)
    if filled:
        write_milestones(project.milestones, given)
    if own is not None:
        own.delete()
    lead.milestones.all().delete()  # from now on the project's milestones hold them
    lead.project = project
    lead.save(update_fields=["project"])
    record_changes(
        [
            *filled,
            Change(project.pk, "招商项目", "", f"{lead.name}（{lead.register_year}年登记）"),
            *listed,
        ],
        source=Source.ATTRACTION,
        user=user,
        reason="招商项目开工，转入重点项目台账",
        import_record=import_record,
    )
    moved = [
        LeadChange(
            lead=lead,
            field=f"{kind.label}{word}日期",
            old_value=shown(mine),
            new_value=shown(now),
            reason=f"{_CARRIED_WORD.get(kind, '前期手续')}以重点项目台账为准",
        )
        for kind, dates in carried.items()
        for word, mine, now in zip(
            _WORDS, dates, (given[kind].planned, given[kind].reached), strict=True
        )
        if mine is not None and mine != now
    ]
    if implied is not None and given[MilestoneKind.STARTED].reached == started:
        moved.append(
            LeadChange(
                lead=lead,
                field="开工实际日期",
                old_value="",
                new_value=shown(started),
                reason=f"未填开工日期，按{implied.label}日期记为开工",
            )
        )
    for change in [
        *moved,
        LeadChange(
            lead=lead,
            field="重点项目",
            old_value="",
            new_value=f"{project.name}（编号{project.pk}）",
            reason="开工，转入重点项目台账",
        ),
    ]:
        change.source, change.user, change.import_record = Source.ATTRACTION, user, import_record
        change.save()
    producing_on_project(lead, source=Source.ATTRACTION, user=user)
    return project


def producing_on_project(lead: Lead, *, source: str, user: User | None) -> int:
    """Copy a linked lead's 投产 to its project's 投产 milestone, in the project's history: the
    lead's 投产 planned date, and its actual 投产 (else its 达产, which cannot come before it).
    The lead's register keeps the stage; the project's milestone follows it (a date the lead
    does not give stays as the project has it). Returns how many dates changed. Raises
    MilestoneRefused (投产 before the project's 竣工 or 开工, a date after today)."""
    if lead.project_id is None:
        return 0
    dates = {each.stage: each for each in lead.stages.all()}
    own, full = dates.get(Stage.PRODUCING), dates.get(Stage.AT_CAPACITY)
    planned = own.planned if own else None
    reached = (own.reached if own else None) or (full.reached if full else None)
    if planned is None and reached is None:
        return 0
    kind = MilestoneKind.PRODUCING
    before = milestones_by_project([lead.project_id])[lead.project_id].get(
        kind, MilestoneDates(kind)
    )
    after = MilestoneDates(kind, planned or before.planned, reached or before.reached)
    return save_milestones(
        lead.project,
        {kind: after},
        user=user,
        today=clock.today(),
        reason=f"来自招商项目“{lead.name}”",
        source=source,
    )


def _enter_key_list(project: Project, started: date | None) -> list[Change]:
    """Put the project a lead became on the city's key list (市重点) of the year of `started`
    (a new project's `entered_on`, an existing one's start), unless it is on a list of that
    year already; it is then counted, listed and warned about like every key project, due to
    report from the month of its `entered_on` (`entered_on_for`). The
    project's history line, or none. Source: issue 14, "When it starts, it becomes … a ledger
    project" (tryout 16: a converted project was on no list, yet warned as unreported)."""
    year = (started or clock.today()).year
    if project.key_lists.filter(year=year).exists():
        return []
    KeyListEntry.objects.create(project=project, year=year, level=Level.CITY)
    return [Change(project.pk, "重点项目名录", "", f"{year}年{Level.CITY.label}")]


def corrected_on_page(saved: Saved) -> list[LeadChange]:
    """Of the lines `saved` wrote, those overwriting a value last set on the lead's page (the
    field's latest earlier line is a page's, made with no import): a correction made on the web
    after the last import, which an import may overwrite only when confirmed (tryout 22: a
    re-import reverted a funds correction made with a reason). The page's lines are returned."""
    written = [line.pk for line in saved.lines]
    found = []
    for line in saved.lines:
        latest = (
            LeadChange.objects.filter(lead=saved.lead, field=line.field)
            .exclude(pk__in=written)
            .order_by("-at", "-pk")
            .first()
        )
        if (
            latest is not None
            and latest.import_record_id is None
            and latest.source == (Source.ATTRACTION)
        ):
            found.append(latest)
    return found


class StageRefused(Exception):
    """A stage's dates that may not be recorded; `messages` say why, in Chinese."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("；".join(messages))
        self.messages = messages


def record_stage(
    lead: Lead,
    stage: Stage,
    *,
    planned: date | None,
    reached: date | None,
    contract_investment: Decimal | None = None,
    user: User | None,
    today: date,
    reason: str = "",
) -> Saved:
    """Record a stage's planned and actual date on the lead's page (either may be None: left
    as stored), checked as the import checks them (`stages.stage_faults`); a lead that starts
    becomes a ledger project. After signing, an actual date needs the stage before it reached
    (`stages.missing_before`: 投产 on a lead not started is refused, never 开工 filled with its
    date, tryout 22), and changing a date already recorded needs a reason, as a correction of
    funds does. Raises StageRefused."""
    dates = stage_dates(lead)
    stored = {stage: day for stage, (_, day) in dates.items() if day}
    changed = [
        f"{stage.label}{word}日期"
        for word, old, new in zip(
            _WORDS, dates.get(stage, (None, None)), (planned, reached), strict=True
        )
        if old is not None and new is not None and old != new
    ]
    missing = missing_before(stored, stage) if reached is not None else None
    if reached is not None:
        stored[stage] = reached
    faults = stage_faults(stored, {stage} if reached else set(), today)
    unsigned = Stage.SIGNED not in stored and stage != Stage.SIGNED
    messages = [
        # The stage being recorded asks for the signing first, not the signing for a date.
        f"{stage.label}：尚无签约日期，请先记录签约"
        if unsigned and at == Stage.SIGNED
        else f"{at.label}：{why}"
        for at, why in faults
    ]
    if missing is not None:
        messages.append(f"{stage.label}：尚未{missing.label}，请先记录{missing.label}日期")
    investment = contract_investment or lead.contract_investment
    if Stage.SIGNED in stored and investment is None:
        messages.append("签约项目应填写合同投资")
    if changed and not reason.strip():
        messages.append(f"修改已填的{'、'.join(changed)}，请写明原因")
    if messages:
        raise StageRefused(messages)
    given = LeadInput(
        name=lead.name,
        county=lead.county,
        values={"contract_investment": contract_investment},
        stages={stage: (planned, reached)},
    )
    return _saved_from_page(lead, given, user=user, reason=reason)


def record_dropped(
    lead: Lead, on: date | None, *, reason: str, user: User | None, today: date
) -> Saved:
    """Record on the lead's page that its talks ended (终止洽谈, `Lead.dropped_on`) on `on`
    for `reason`, in its history as the import records it (tryout 32: only an import could).
    Raises StageRefused, changing nothing, without an actual date or a reason, for a day after
    today or before its talks began, and for a lead already signed."""
    dates = stage_dates(lead)
    talks, signed = (
        dates.get(stage, (None, None))[1] for stage in (Stage.NEGOTIATING, Stage.SIGNED)
    )
    messages = []
    if on is None:
        messages.append(f"{DROPPED}：请填写实际日期")
    elif on > today:
        messages.append(f"{DROPPED}：{chinese_date(on)}晚于今天，实际日期不能是将来")
    elif talks is not None and on < talks:
        messages.append(f"{DROPPED}：{chinese_date(on)}早于洽谈日期{chinese_date(talks)}")
    if signed is not None:
        messages.append(f"已于{chinese_date(signed)}签约，不能终止洽谈")
    if not reason.strip():
        messages.append(f"{DROPPED}须写明原因")
    if messages:
        raise StageRefused(messages)
    given = LeadInput(name=lead.name, county=lead.county, values={"dropped_on": on})
    return _saved_from_page(lead, given, user=user, reason=reason.strip())


def _saved_from_page(lead: Lead, given: LeadInput, *, user: User | None, reason: str) -> Saved:
    """Save what a lead's page gives (`save_lead`) in one transaction; StageRefused for what
    the ledger project's milestones refuse."""
    try:
        with transaction.atomic():
            return save_lead(
                lead.city,
                lead.register_year,
                given,
                source=Source.ATTRACTION,
                user=user,
                reason=reason.strip(),
            )
    except MilestoneRefused as refused:
        raise StageRefused(refused.messages) from refused


def record_funds(
    lead: Lead,
    year: int,
    month: int,
    cumulative: Decimal,
    *,
    reason: str,
    user: User | None,
    today: date,
) -> Saved:
    """Record the lead's cumulative funds in place (万元) at the end of `month` from its page,
    checked by `funds.funds_faults`; changing a stored month's figure needs a reason. Every
    change goes to the lead's history (save_lead). Raises StageRefused with the reasons."""
    stored = {(row.year, row.month): row.cumulative for row in lead.funds.all()}
    before = stored.pop((year, month), None)
    signed = stage_dates(lead).get(Stage.SIGNED, (None, None))[1]
    messages = funds_faults(signed, stored, (year, month), cumulative, today)
    if before is not None and before != cumulative and not reason.strip():
        messages.append(f"修改已填的{year}年{month}月累计到位资金，请写明原因")
    if messages:
        raise StageRefused(messages)
    given = LeadInput(name=lead.name, county=lead.county, funds=(year, month, cumulative))
    return _saved_from_page(lead, given, user=user, reason=reason)


def preparatory_faults(
    lead: Lead,
    stored: Mapping[MilestoneKind, MilestoneDates],
    given: Mapping[MilestoneKind, MilestoneDates],
    today: date,
) -> list[str]:
    """What is wrong with the 前期 dates `given` for the lead, each date checked only where it
    differs from the one `stored`, in Chinese naming the approval: an actual date after today
    (`ledger.milestones.date_faults`, the ledger's rule and words);
    a planned date further ahead than the horizon (`bounds.horizon_fault`); any date more than
    GUANMO_DATE_PAST_DAYS before the start of the lead's 登记年度 (`bounds.past_fault`)."""
    start = date(lead.register_year, 1, 1)
    since = f"登记年度{lead.register_year}年年初"
    faults = []
    for kind, dates in given.items():
        before = stored.get(kind, MilestoneDates(kind))
        for word, old, new in zip(
            _WORDS, (before.planned, before.reached), (dates.planned, dates.reached), strict=True
        ):
            if new is None or new == old:
                continue
            label = f"{kind.label}{word}日期"
            fault = None
            if word == "实际":  # the ledger's rule for an actual date, in its words
                ahead = date_faults({kind: MilestoneDates(kind, reached=new)}, today)
                fault = next((f"{kind.label}{why}" for _, why in ahead), None)
            if fault is None:
                fault = bounds.past_fault(new, start, label, since)
                if fault is None and word == "计划":
                    fault = bounds.horizon_fault(new, today, label)
            if fault is not None:
                faults.append(fault)
    return faults


def record_preparatory(
    lead: Lead,
    given: Mapping[MilestoneKind, MilestoneDates],
    *,
    reason: str,
    user: User | None,
    today: date,
) -> Saved:
    """Record the lead's 前期 approvals (models.PREPARATORY) from its page, each as `given`
    (a date None clears it), checked by `preparatory_faults`: on the lead until it is a ledger
    project, then on the project's milestones (`save_milestones`: checked and written in the
    project's history), where they live from then on. Each change goes to the lead's history
    with `reason`; `changes` says how many. Raises StageRefused with the reasons."""
    stored = {dates.kind: dates for dates in preparatory_dates(lead)}
    changed = {kind: dates for kind, dates in given.items() if dates != stored.get(kind)}
    messages = preparatory_faults(lead, stored, changed, today)
    if messages:
        raise StageRefused(messages)
    lines = [
        change
        for kind, dates in changed.items()
        for word, old, new in zip(
            _WORDS,
            (stored[kind].planned, stored[kind].reached),
            (dates.planned, dates.reached),
            strict=True,
        )
        if (change := _history(lead, f"{kind.label}{word}日期", old, new)) is not None
    ]
    with transaction.atomic():
        if lead.project_id is not None:
            try:
                save_milestones(
                    lead.project,
                    changed,
                    user=user,
                    today=today,
                    reason=reason or f"来自招商项目“{lead.name}”",
                    source=Source.ATTRACTION,
                )
            except MilestoneRefused as refused:
                raise StageRefused(refused.messages) from refused
        else:
            write_milestones(lead.milestones, changed)
        for change in lines:
            change.source, change.reason, change.user = Source.ATTRACTION, reason, user
        LeadChange.objects.bulk_create(lines)
    return Saved(lead, False, len(lines))
