"""Writing the attraction register: saving a lead with every change kept in its history, and
making a started lead a ledger project (issue 14: "When it starts, it becomes (or links to) a
ledger project, keeping its history")."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction

from guanmo.accounts.models import User
from guanmo.attraction.models import FundsInPlace, Lead, LeadChange, StageDate
from guanmo.attraction.stages import Stage, stage_faults
from guanmo.ledger.models import Milestone, MilestoneKind, Project
from guanmo.regions.models import Region
from guanmo.reporting.history import Change, Source, record_changes, shown
from guanmo.reporting.models import ImportRecord

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


@dataclass
class Saved:
    lead: Lead
    created: bool
    changes: int
    linked: Project | None = None  # the ledger project it became on this save


def _label(name: str) -> str:
    return str(Lead._meta.get_field(name).verbose_name)


def _history(lead: Lead, label: str, old: object, new: object) -> LeadChange | None:
    if shown(old) == shown(new):
        return None
    return LeadChange(lead=lead, field=label, old_value=shown(old), new_value=shown(new))


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
    started is linked to the ledger (`link_to_ledger`). Call it inside a transaction: a
    refused import undoes it."""
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
        row = stored.get(stage) or StageDate(lead=lead, stage=stage)
        for attribute, value, word in (("planned", planned, "计划"), ("reached", reached, "")):
            if value is None:
                continue
            if not created:
                old = getattr(row, attribute)
                changes.append(_history(lead, f"{stage.label}{word or '实际'}日期", old, value))
            setattr(row, attribute, value)
        row.save()
    if given.funds is not None:
        year, month, cumulative = given.funds
        row = FundsInPlace.objects.filter(lead=lead, year=year, month=month).first()
        if not created:
            old = row.cumulative if row else None
            changes.append(_history(lead, f"{year}年{month}月累计到位资金", old, cumulative))
        FundsInPlace.objects.update_or_create(
            lead=lead, year=year, month=month, defaults={"cumulative": cumulative}
        )
    kept = [change for change in changes if change is not None]
    for change in kept:
        change.source, change.reason, change.user = source, reason, user
        change.import_record = import_record
    LeadChange.objects.bulk_create(kept)
    linked = None
    if lead.project_id is None and lead.stages.filter(stage__in=_STARTED, reached__isnull=False):
        linked = link_to_ledger(lead, user=user, import_record=import_record)
    return Saved(lead, created, len(kept), linked)


_STARTED = [Stage.STARTED, Stage.PRODUCING, Stage.AT_CAPACITY]


def link_to_ledger(
    lead: Lead, *, user: User | None, import_record: ImportRecord | None = None
) -> Project:
    """The ledger project a started lead is: the city's project of the same name in the same
    county, else a new one built from the lead (name, investor as owner, industry, contract
    investment as total investment, start year, leader in charge) with its 开工 milestone.
    The lead keeps its own history; the project's history says where it came from, both with
    the import that started it (`import_record`, none from a page)."""
    project = Project.objects.filter(city=lead.city, county=lead.county, name=lead.name).first()
    dates = {each.stage: each for each in lead.stages.all()}
    started = min(
        (dates[stage].reached for stage in _STARTED if stage in dates and dates[stage].reached),
        default=None,
    )
    if project is None:
        planned = dates.get(Stage.STARTED)
        project = Project.objects.create(
            city=lead.city,
            county=lead.county,
            name=lead.name,
            owner=lead.investor,
            industry=lead.industry_name[:64],
            total_investment=lead.contract_investment or 0,
            start_year=started.year if started else None,
            leader_in_charge=lead.leader_in_charge,
        )
        if (planned and planned.planned) or started:
            Milestone.objects.create(
                project=project,
                kind=MilestoneKind.STARTED,
                planned=planned.planned if planned else None,
                reached=started,
            )
    lead.project = project
    lead.save(update_fields=["project"])
    record_changes(
        [Change(project.pk, "招商项目", "", f"{lead.name}（{lead.register_year}年登记）")],
        source=Source.ATTRACTION,
        user=user,
        reason="招商项目开工，转入重点项目台账",
        import_record=import_record,
    )
    LeadChange.objects.create(
        lead=lead,
        field="重点项目",
        old_value="",
        new_value=f"{project.name}（编号{project.pk}）",
        source=Source.ATTRACTION,
        reason="开工，转入重点项目台账",
        user=user,
        import_record=import_record,
    )
    return project


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
) -> Saved:
    """Record a stage's planned and actual date on the lead's page (either may be None: left
    as stored), checked as the import checks them (`stages.stage_faults`); a lead that starts
    becomes a ledger project. Raises StageRefused."""
    stored = {Stage(each.stage): each.reached for each in lead.stages.all() if each.reached}
    if reached is not None:
        stored[stage] = reached
    messages = [
        f"{at.label}：{why}"
        for at, why in stage_faults(stored, {stage} if reached else set(), today)
    ]
    investment = contract_investment or lead.contract_investment
    if Stage.SIGNED in stored and investment is None:
        messages.append("签约项目应填写合同投资")
    if messages:
        raise StageRefused(messages)
    given = LeadInput(
        name=lead.name,
        county=lead.county,
        values={"contract_investment": contract_investment},
        stages={stage: (planned, reached)},
    )
    with transaction.atomic():
        return save_lead(lead.city, lead.register_year, given, source=Source.ATTRACTION, user=user)
