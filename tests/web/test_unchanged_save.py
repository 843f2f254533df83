"""Saving any edit form of the application unchanged changes nothing and writes no history.

The forms are found, not listed by hand: every page of the permission walk is opened as every
role that may open it, and every form posting somewhere is read back as the browser would send
it untouched (tests.web.forms). Each form's target must be named below, either as an edit form
(saved unchanged here) or as an action that is not an edit of stored values (and why), so a new
form without a case fails `test_every_form_of_the_application_has_a_case`.

Issue 10: the ledger edit form rendered 计划开工日期 as "2025/03/01", which the browser's date
input refuses, so saving the form unchanged wiped the date and wrote a history line. (计划开工
is now the 开工 milestone's planned date, on the milestones form.)
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.urls import resolve

from guanmo.assessment.models import ClassPolicy
from guanmo.disclosure.models import DisclosureSettings
from guanmo.documents.services import office_for
from guanmo.indicators.models import Indicator, Submission, SubmittedValue
from guanmo.ledger.models import Milestone, MilestoneKind, MonthlyPlan
from guanmo.reporting.models import FigureChange
from guanmo.supervision.models import SupervisionRules
from tests.web.forms import DATE, RenderedForm, rendered_forms
from tests.web.test_permission_walk import get_pages, places  # noqa: F401 (a fixture)


@dataclass(frozen=True)
class EditCase:
    role: str  # who saves it
    page: str  # the walk's page that shows the form
    extra: dict[str, str] = field(default_factory=dict)  # required fields rendered empty
    button: str | None = None  # the submit button pressed (value or text); the first if None
    # Makes the stored row the form edits (a city without one uses the defaults: the first save
    # stores them, which is no change to what the city sees).
    prepare: Callable | None = None


def _drafted(world) -> None:
    """武陟县's indicator form with a drafted figure, stored with trailing zeros."""
    form = Submission.objects.get(county=world.wuzhi)
    SubmittedValue.objects.create(
        submission=form,
        indicator=Indicator.objects.get(city=world.city, name="脱贫人口"),
        region=world.wuzhi,
        value=Decimal("2.50"),
        reported_growth=Decimal("12.30"),
    )


def _own_curve(world) -> None:
    """武陟县's project with the office's own twelve months (its plan is 1,200万元), stored
    with trailing zeros."""
    project = world.projects["武陟装备"]
    plan = project.annual_plans.get(year=2025).planned_investment
    months = [Decimal("50.0000")] * 2 + [Decimal("100.0000")] * 9 + [Decimal("200.0000")]
    assert sum(months) == plan
    MonthlyPlan.objects.bulk_create(
        MonthlyPlan(project=project, year=2025, month=month, planned_investment=amount)
        for month, amount in enumerate(months, start=1)
    )


def _own_policies(world) -> None:
    """The city's own A类 lines (the other classes the shipped default), stored with spaces
    the page strips: saved unchanged, neither is a change."""
    for order, text in enumerate(("城镇土地使用税全额减免 ", "优先保障用地"), start=1):
        ClassPolicy.objects.create(city=world.city, grade="A", sort_order=order, text=text)


def _planned_start(project_id: int) -> None:
    Milestone.objects.update_or_create(
        project_id=project_id, kind=MilestoneKind.STARTED, defaults={"planned": date(2025, 3, 1)}
    )


def _funded(world) -> None:
    """The walk's lead signed in March with its funds of May, stored with trailing zeros."""
    from guanmo.attraction.models import FundsInPlace, Lead, StageDate

    lead = Lead.objects.get(city=world.city, name="演示招商项目")
    StageDate.objects.create(lead=lead, stage="签约", reached=date(2025, 3, 10))
    FundsInPlace.objects.create(lead=lead, year=2025, month=5, cumulative=Decimal("1200.5000"))


def _approved(world) -> None:
    """The walk's lead with its 立项 approved and its 用地 planned (the 前期 dates form)."""
    from guanmo.attraction.models import Lead, LeadMilestone

    lead = Lead.objects.get(city=world.city, name="演示招商项目")
    LeadMilestone.objects.create(
        lead=lead, kind=MilestoneKind.APPROVAL, planned=date(2025, 2, 1), reached=date(2025, 2, 20)
    )
    LeadMilestone.objects.create(lead=lead, kind=MilestoneKind.LAND, planned=date(2025, 6, 30))


EDIT_FORMS = {
    "project_edit": EditCase("city", "project_edit", {"reason": "核对台账，未作修改"}),
    "project_milestones": EditCase("wuzhi", "project_milestones"),
    "project_curve": EditCase("wuzhi", "project_curve", prepare=lambda world: _own_curve(world)),
    "report_grid": EditCase("wuzhi", "report_grid", button="save"),
    "submission_form": EditCase(
        "wuzhi", "submission_form", button="save", prepare=lambda world: _drafted(world)
    ),
    "target_form": EditCase("city", "target_form"),
    "attraction_park_figures": EditCase("city", "attraction_park_figures"),
    "attraction_lead_funds": EditCase(
        "wuzhi", "attraction_lead", prepare=lambda world: _funded(world)
    ),
    "attraction_lead_preparatory": EditCase(
        "wuzhi", "attraction_lead", prepare=lambda world: _approved(world)
    ),
    "tour_settings": EditCase("city", "tour_detail"),
    "site_edit": EditCase("city", "tour_detail"),
    "tour_rubric": EditCase("city", "tour_rubric"),
    "issuing_office": EditCase(
        "city", "issuing_office", prepare=lambda world: office_for(world.city).save()
    ),
    "supervision_rules": EditCase(
        "city",
        "supervision_rules",
        prepare=lambda world: SupervisionRules.objects.get_or_create(city=world.city),
    ),
    "assessment_class_policies": EditCase(
        "city", "assessment_class_policies", prepare=lambda world: _own_policies(world)
    ),
    "disclosure_settings": EditCase(
        "city",
        "disclosure_settings",
        prepare=lambda world: DisclosureSettings.objects.get_or_create(city=world.city),
    ),
}
NOT_EDITS = {
    "logout": "signs out",
    "attraction_lead": "records a stage's date, a new step (tested in tests/attraction)",
    "period_list": "opens a new period",
    "period_close": "closes the period",
    "report_upload": "loads a sheet (tested in tests/reporting)",
    "bulletin_issue": "issues the month's bulletin (tested in tests/documents)",
    "indicator_board_issue": "issues the indicator report (tested in tests/indicators)",
    "ledger_import": "loads a ledger sheet through its preview (tested in tests/ledger)",
    "indicator_import": "loads an indicator sheet through its preview (tested in tests/indicators)",
    "report_submit": "hands the report in",
    "report_approve": "review step",
    "report_return": "review step with a reason",
    "report_reopen": "review step with a reason",
    "submission_submit": "hands the indicator form in",
    "submission_approve": "review step",
    "submission_return": "review step with a reason",
    "submission_reopen": "review step with a reason",
    "tour_list": "creates a tour",
    "tour_open": "opens scoring",
    "tour_close": "closes the tour",
    "site_add": "adds a site",
    "site_decide": "approves or rejects a proposed site",
    "site_close": "closes a site's scoring",
    "site_move": "moves a site in the route",
    "judge_add": "adds a judge",
    "tour_route_plan": "plans the route",
    "tour_route_matrix": "loads a travel-time sheet",
    "tour_route_issue": "issues the tour's schedule (tested in tests/observation)",
    "problem_new": "raises a problem",
    "problem_answer": "the department's answer, a new step",
    "problem_confirm": "confirms a solved problem",
    "problem_reopen": "reopens a problem with a reason",
    "problem_instruct": "the leader's instruction, a new step",
    "order_new": "issues a supervision order",
    "meeting_new": "records a meeting",
    "decision_add": "a meeting's decision becomes a problem",
    "visit_new": "records a visit",
    "project_note": "the commissioner's note, saved through the report grid's service",
    "project_removal": "takes a project off a key list with a reason (tested in tests/ledger)",
    "assessment_object": "a unit's objection to an assessment result",
    "assessment_decide": "accepts or rejects an objection (tested in tests/assessment)",
    "assessment_finalise": "makes a result final, once confirmed (tested in tests/assessment)",
    "assessment_issue": "issues a final result's bulletin (tested in tests/assessment)",
    "assessment_firm_object": "a county's objection for its firm (tested in tests/assessment)",
    "assessment_upload": "holds a cycle's sheets for their preview (tests/assessment)",
    "assessment_preview": "issues a result from held sheets (tested in tests/assessment)",
    "assessment_firm_upload": "holds a firm register sheet for its preview (tests/assessment)",
    "assessment_firm_preview": "imports firms from a held sheet (tested in tests/assessment)",
}
WALKERS = ("city", "wuzhi", "wenxian", "leader", "commissioner", "department")
# Bookkeeping a save may move without changing anything stored for the user.
IGNORED = {
    "reporting.CountyReport": {"version", "updated_at", "updated_by_id"},
    "indicators.Submission": {"version", "updated_at", "updated_by_id"},
    "disclosure.DisclosureSettings": {"updated_at", "updated_by_id"},
}


def stored_state() -> dict[str, list[dict]]:
    """Every row of every Guanmo model, less the bookkeeping in IGNORED."""
    state = {}
    for model in apps.get_models():
        if not model.__module__.startswith("guanmo."):
            continue
        ignored = IGNORED.get(model._meta.label, set())
        state[model._meta.label] = [
            {name: value for name, value in row.items() if name not in ignored}
            for row in model.objects.order_by("pk").values()
        ]
    return state


def _target(form: RenderedForm, page_url: str) -> str:
    return resolve(urlsplit(form.action or page_url).path).url_name


def _forms_on(client, url: str) -> list[RenderedForm]:
    response = client.get(url)
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return []
    return rendered_forms(response.content.decode())


def test_every_form_of_the_application_has_a_case(client, world, places):  # noqa: F811
    found: set[str] = set()
    for role in WALKERS:
        client.force_login(world.users[role])
        for url, expected in get_pages(places).values():
            if expected[role] == 200:
                found |= {_target(form, url) for form in _forms_on(client, url)}

    assert found - set(EDIT_FORMS) - set(NOT_EDITS) == set(), "a form without a case"
    assert set(EDIT_FORMS) - found == set(), "an edit case whose form is on no page"


def _edit_form(client, world, places, name: str) -> tuple[RenderedForm, str]:  # noqa: F811
    case = EDIT_FORMS[name]
    client.force_login(world.users[case.role])
    url = get_pages(places)[case.page][0]
    forms = [form for form in _forms_on(client, url) if _target(form, url) == name]
    assert forms, f"{name} is not on {case.page}"
    return forms[0], url


@pytest.mark.parametrize("name", sorted(EDIT_FORMS))
def test_an_edit_form_saved_unchanged_changes_nothing(client, world, places, name):  # noqa: F811
    case = EDIT_FORMS[name]
    _planned_start(places["project"])
    if case.prepare:
        case.prepare(world)
    form, url = _edit_form(client, world, places, name)
    values = {**form.values(case.button), **{key: [value] for key, value in case.extra.items()}}
    before = stored_state()
    changes = FigureChange.objects.count()

    response = client.post(form.action or url, values)

    assert response.status_code in (200, 302), name
    if response.status_code == 200:
        assert "errorlist" not in response.content.decode(), name
    assert FigureChange.objects.count() == changes, name
    after = stored_state()
    changed = {
        label: [row for row in rows if row not in before[label]]
        for label, rows in after.items()
        if rows != before[label]
    }
    assert changed == {}, name


def test_every_date_input_renders_a_value_the_browser_takes(client, world, places):  # noqa: F811
    _planned_start(places["project"])
    seen = []
    for role in WALKERS:
        client.force_login(world.users[role])
        for page, (url, expected) in get_pages(places).items():
            if expected[role] != 200:
                continue
            for form in _forms_on(client, url):
                for name, value in form.date_values:
                    seen.append((page, name, value))

    assert ("project_milestones", "started_planned", "2025-03-01") in seen
    assert [each for each in seen if each[2] and not DATE.match(each[2])] == []
