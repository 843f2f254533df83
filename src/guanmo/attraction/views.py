"""The funnel page (招商引资项目推进情况) and a lead's page.

The funnel: the year's funnel to a month for the user's scope — the city with every county and
park for those who see the city's totals, his own county or park for a county office — from
the same `AttractionReport` as the command and the bulletin, with the leads it counts. A lead's
page: its stages planned and reached, its 前期 approvals, its funds and history; the city office
and the office of the unit that counts it (its park when the park is a city unit, else its
county) record its stages, approvals and funds there."""

from collections.abc import Callable
from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from guanmo import clock
from guanmo.accounts.scope import Scope
from guanmo.attraction.forms import FundsForm, PickForm, StageForm, chosen_period
from guanmo.attraction.funnel_chart import funnel_flows
from guanmo.attraction.models import PREPARATORY, Lead
from guanmo.attraction.report import Picked, build_picked_report, pickable, picked_leads
from guanmo.attraction.report_output import CHECKS_TITLE
from guanmo.attraction.sections import report_sections
from guanmo.attraction.selectors import (
    facts,
    host_unit,
    hosted_by,
    placement,
    preparatory_dates,
    report_units,
    stage_dates,
)
from guanmo.attraction.services import (
    Saved,
    StageRefused,
    record_dropped,
    record_funds,
    record_preparatory,
    record_stage,
)
from guanmo.attraction.stages import DROPPED, STAGES, Stage
from guanmo.ledger.forms import MilestoneForm
from guanmo.ledger.milestones import step_state
from guanmo.regions.models import Region


def _leads(scope: Scope):
    units = scope.units()
    if not units:
        raise Http404("没有这个页面")
    leads = Lead.objects.filter(city=scope.city).select_related("county", "park", "project")
    if scope.sees_city_totals:
        return leads
    return leads.filter(Q(county__in=units) | Q(park__in=units))


def funnel_page(request: HttpRequest) -> HttpResponse:
    scope: Scope = request.scope
    leads = _leads(scope)
    if not scope.sees_city_totals:  # the leads its figures count: those it hosts
        leads = leads.filter(hosted_by(scope.units()))
    # The city's units and its counties' parks, each a report of its own (tryout 32).
    units = report_units(scope.city) if scope.sees_city_totals else []
    # A county's picker offers its own leads' sources and industries (tryout 22: 武陟县 was
    # offered the sources of other counties' leads).
    sources, industries = pickable(scope.city, None if scope.sees_city_totals else scope.units())
    form, year, month = chosen_period(
        scope.city,
        request.GET.dict(),
        lambda data: PickForm(data, units=units, sources=sources, industries=industries),
    )
    chosen = form.cleaned_data if form.is_valid() else {}  # a wrong choice: the whole
    unit = next((u for u in units if str(u.pk) == chosen.get("unit")), None)
    if not scope.sees_city_totals:
        unit = scope.units()[0]
    if unit is not None:
        leads = leads.filter(hosted_by([unit]))
    picked = Picked(unit, chosen.get("source", ""), chosen.get("industry", ""))
    report = build_picked_report(scope.city, year, month, picked)
    whole = report.funnel[0][1]
    widest = max(whole.leads, whole.signed, 1)
    bars = [
        (stage.label, whole.count(stage), whole.count(stage) * 100 // widest) for stage in STAGES
    ]
    flows = funnel_flows([(label, count) for label, count, _ in bars])
    return render(
        request,
        "attraction/funnel.html",
        {
            "form": form,
            "report": report,
            "sections": report_sections(report),
            "checks_title": CHECKS_TITLE,
            "bars": bars,
            "flows": flows,
            "sees_parks": any(unit.kind == Region.Kind.ZONE for unit in scope.units()),
            "whole": whole,
            # The list as of the figures' day: the period's end, today for an open period.
            "leads": _as_of(picked_leads(_listed(leads), picked), report.as_of),
        },
    )


def _listed(leads: QuerySet[Lead]) -> QuerySet[Lead]:
    """`leads` with what the page's list reads of each (`_as_of`; its source, which
    `picked_leads` takes by), fetched with them: no query a lead."""
    return leads.select_related("project", "county", "park", "origin").prefetch_related(
        "stages", "project__milestones", "funds"
    )


def _as_of(leads: list[Lead], end: date) -> list[tuple[Lead, str, str, date | None]]:
    """Each lead with its place, the last stage it had reached by `end` ("" for none; 终止洽谈
    for talks ended by then before signing, as its page says: tryout 28) and the day it
    entered the ledger when that was by `end` (None otherwise): the list says the state on the
    figures' day (the period's end, today for an open period: tryout 28), not today's for a
    closed one (tryout 16)."""
    found = []
    for lead in leads:
        reached = facts(lead).reached
        stage = next((s.label for s in reversed(STAGES) if s in reached and reached[s] <= end), "")
        signed = Stage.SIGNED in reached and reached[Stage.SIGNED] <= end
        if lead.dropped_on is not None and lead.dropped_on <= end and not signed:
            stage = DROPPED
        project = lead.project
        entered = project.entered_on if project is not None else None
        found.append(
            (lead, placement(lead), stage, entered if entered and entered <= end else None)
        )
    return found


def _may_record(scope: Scope, lead: Lead) -> bool:
    """The city office, or the office of the unit that counts the lead (its host: a park of
    the city's units, else its county); the county a park lies in reads it only."""
    return scope.enters_for(host_unit(lead))


def _lead_for(request: HttpRequest, pk: int, *, recording: bool) -> Lead:
    """The lead of the user's scope (404 outside it); one he may record on when `recording`
    (403 otherwise)."""
    lead = get_object_or_404(_leads(request.scope), pk=pk)
    if recording and not _may_record(request.scope, lead):
        raise PermissionDenied("只有市项目办和项目所属县区、园区可以填写")
    return lead


def lead_page(request: HttpRequest, pk: int) -> HttpResponse:
    lead = _lead_for(request, pk, recording=request.method == "POST")
    form = StageForm()
    if request.method == "POST":
        form = StageForm(request.POST)
        saved = _saved(
            form,
            lambda data: _record_stage_form(lead, data, request.user),
        )
        if saved is not None:
            messages.success(request, f"已记录{lead.name}的{form.cleaned_data['stage']}日期")
            if saved.linked is not None:
                messages.success(request, f"项目已开工，{saved.linked_words}")
            return redirect("attraction_lead", pk=lead.pk)
    return _lead_page(request, lead, form=form)


def _record_stage_form(lead: Lead, data: dict, user) -> Saved:
    """What the stage form records: 终止洽谈 (services.record_dropped, its actual date and the
    reason), else a stage's dates (services.record_stage). Raises StageRefused."""
    if data["stage"] == DROPPED:
        return record_dropped(
            lead, data["reached"], reason=data["reason"], user=user, today=clock.today()
        )
    return record_stage(
        lead,
        Stage(data["stage"]),
        planned=data["planned"],
        reached=data["reached"],
        contract_investment=data["contract_investment"],
        user=user,
        today=clock.today(),
        reason=data["reason"],
    )


def _saved(form, save: Callable[[dict], Saved]) -> Saved | None:
    """What `save` saved from a valid form's data; None when the form is invalid or the save
    is refused, the refusal's reasons then being the form's errors."""
    if not form.is_valid():
        return None
    try:
        return save(form.cleaned_data)
    except StageRefused as refused:
        for message in refused.messages:
            form.add_error(None, message)
        return None


def _funds_initial(lead: Lead) -> dict:
    """The funds form's values: the latest month stored, else this month with no figure."""
    latest = lead.funds.order_by("-year", "-month").first()
    if latest is None:
        today = clock.today()
        return {"year": today.year, "month": today.month}
    # As typed (5000, 12000.5), not as stored (5000.0000).
    cumulative = f"{latest.cumulative.normalize():f}"
    return {"year": latest.year, "month": latest.month, "cumulative": cumulative}


@require_POST
def lead_funds(request: HttpRequest, pk: int) -> HttpResponse:
    """A month's funds in place entered on the lead's page (services.record_funds)."""
    lead = _lead_for(request, pk, recording=True)
    form = FundsForm(request.POST)
    saved = _saved(
        form,
        lambda data: record_funds(
            lead,
            data["year"],
            data["month"],
            data["cumulative"],
            reason=data["reason"],
            user=request.user,
            today=clock.today(),
        ),
    )
    if saved is not None:
        data = form.cleaned_data
        messages.success(
            request, f"已记录{lead.name}{data['year']}年{data['month']}月的累计到位资金"
        )
        return redirect("attraction_lead", pk=lead.pk)
    return _lead_page(request, lead, funds_form=form)


def _preparatory_form(lead: Lead, data=None) -> MilestoneForm:
    """The 前期手续 form of the lead's page: each approval's planned and actual date, shown as
    stored (the lead's own, or its project's once it is one: `selectors.preparatory_dates`)."""
    stored = {dates.kind: dates for dates in preparatory_dates(lead)}
    return MilestoneForm(data, stored=stored, kinds=PREPARATORY)


@require_POST
def lead_preparatory(request: HttpRequest, pk: int) -> HttpResponse:
    """The lead's 前期 approvals' dates entered on its page (services.record_preparatory)."""
    lead = _lead_for(request, pk, recording=True)
    form = _preparatory_form(lead, request.POST)
    saved = _saved(
        form,
        lambda data: record_preparatory(
            lead,
            form.given(),
            reason=data["reason"].strip(),
            user=request.user,
            today=clock.today(),
        ),
    )
    if saved is not None:
        messages.success(
            request, f"已保存{lead.name}的前期手续，{saved.changes}项变化已记入修改记录"
        )
        return redirect("attraction_lead", pk=lead.pk)
    return _lead_page(request, lead, preparatory_form=form)


def _lead_page(
    request: HttpRequest,
    lead: Lead,
    *,
    form: StageForm | None = None,
    funds_form: FundsForm | None = None,
    preparatory_form: MilestoneForm | None = None,
) -> HttpResponse:
    scope: Scope = request.scope
    dates = stage_dates(lead)
    return render(
        request,
        "attraction/lead.html",
        {
            "lead": lead,
            "placement": placement(lead),
            # Each stage with where it stands today (tryout 22: a missed 计划开工 not marked).
            "stages": [
                (
                    stage,
                    {"planned": planned, "reached": reached}
                    | {"state": step_state(planned, reached, clock.today())},
                )
                for stage in STAGES
                for planned, reached in [dates.get(stage, (None, None))]
            ],
            "preparatory": preparatory_dates(lead),
            "funds": lead.funds.order_by("year", "month"),
            "changes": lead.changes.select_related("user")[:50],
            # The city's imports' records are the city office's to read (reporting.views).
            "reads_imports": scope.is_city_office,
            "form": form or StageForm(),
            "funds_form": funds_form or FundsForm(initial=_funds_initial(lead)),
            "preparatory_form": preparatory_form or _preparatory_form(lead),
            "may_record": _may_record(scope, lead),
        },
    )
