"""The results page: the ranking with classes, each unit's rank interval drawn as a bar, its
points by indicator, the bulletin's sentences and the result's history. Thin: the figures are
the issued JSON (the Monte Carlo's) and the tables of the deterministic pass kept with the
result (`services.page_figures_of`: breakdown, 加分/扣分, veto, 并列), so that a view computes
nothing; the history `objections.history`."""

from decimal import Decimal
from io import BytesIO

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from guanmo.assessment.attachments import MISSING
from guanmo.assessment.definition import Definition, Inputs
from guanmo.assessment.exporters.text import (
    BREAKDOWN_NOTE,
    BREAKDOWN_TAIL,
    LOST_NOTE,
    caps_sentence,
    item_sentence,
    raw_headers,
    raw_text,
    raw_values,
    sampling_note,
    sensitivity_rows,
)
from guanmo.assessment.exporters.xlsx import write_xlsx
from guanmo.assessment.forms import DecisionForm, ObjectionForm, WhatIfForm, form_faults
from guanmo.assessment.history import history
from guanmo.assessment.models import Objection, Result
from guanmo.assessment.objections import (
    FINALISING_FREEZES,
    ObjectionError,
    accept_objection,
    chain_of,
    current,
    finalise_refusal,
    objectable,
    open_to_objections,
    raise_objection,
    reject_objection,
    stage,
    successor,
)
from guanmo.assessment.results import ShareClasses
from guanmo.assessment.robustness import probability_shown, stated_place, threshold_text
from guanmo.assessment.scheme_description import (
    INDICATOR_HEADERS,
    SOBOL_OUTPUT,
    describe,
    robustness_notes,
    varied_text,
)
from guanmo.assessment.selectors import class_policies, objections_for, results_for
from guanmo.assessment.services import page_figures_of, recompute
from guanmo.assessment.what_if import Change, supposable, suppose
from guanmo.clock import today
from guanmo.documents.models import Kind
from guanmo.documents.selectors import documents_for


def _bar(unit: dict, ranked: int) -> dict | None:
    """A rank interval as an SVG bar over places 1…ranked: where it starts, how wide, where
    the median stands."""
    if unit["rank_interval"] is None or ranked == 0:
        return None
    low, high = unit["rank_interval"]
    return {
        "x": low - 1,
        "width": high - low + 1,
        "median": float(unit["median_rank"]) - 0.5,
        "places": ranked,
        "text": f"第{low}至{high}位" if low != high else f"第{low}位",
    }


def result_list(request: HttpRequest) -> HttpResponse:
    """Every result the user may see (`results_for`), newest first, each linked to its page,
    with its first and last unit as the result states them (`stated_place`: 未认定 with the
    candidates when the robustness check does not name one); 404 for those outside the
    ranking (as its pages)."""
    scope = request.scope
    if not (scope.sees_city_totals or scope.county is not None):
        raise Http404("没有可查看的考核结果")
    rows = []
    for result in results_for(request.scope).order_by("-issued_at", "-pk"):
        units, checked = result.output["units"], result.runs > 0
        rows.append(
            {
                "result": result,
                "stage": stage(result),
                "first": stated_place(units, "first", result.threshold, checked),
                "last": stated_place(units, "last", result.threshold, checked),
            }
        )
    return render(request, "assessment/result_list.html", {"rows": rows})


def result_page(request: HttpRequest, pk: int) -> HttpResponse:
    result = get_object_or_404(results_for(request.scope), pk=pk)
    output = result.output
    ranked = sum(1 for unit in output["units"] if unit["rank_interval"] is not None)
    indicators = list(output["weights"])
    figures = page_figures_of(result)
    definition = Definition.from_dict(result.definition)
    if request.GET.get("format") == "xlsx":
        # The workbook `guanmo assess --format xlsx` writes, of the result computed again from
        # what it froze (the same figures it issued, `services.recompute`).
        file = BytesIO()
        title = f"{result.scheme.cycle}{result.scheme.name}结果"
        write_xlsx(recompute(result), file)
        file.seek(0)
        return FileResponse(file, as_attachment=True, filename=f"{title}.xlsx")
    later = successor(result)
    if request.GET.get("format") == "json":
        return JsonResponse(
            {
                "id": result.pk,
                "status": stage(result),
                "supersedes": result.supersedes_id,
                "superseded_by": None if later is None else later.pk,
                **output,
            },
            json_dumps_params={"ensure_ascii": False, "indent": 2},
        )
    stored = {unit["unit"]: unit for unit in output["units"]}
    units = [
        {
            **stored[line["unit"]],
            "rank": line["rank"],
            "unit": line["label"],
            "rank_change": line["change"],
            "p_first": _probability(stored[line["unit"]]["p_first"], result.threshold),
            "p_last": _probability(stored[line["unit"]]["p_last"], result.threshold),
            "bar": _bar(stored[line["unit"]], ranked),
        }
        for line in figures["lines"]
    ]
    scope = request.scope
    published = result.status == Result.Status.PUBLISHED
    may_object = (
        open_to_objections(result)
        and scope.county is not None
        and scope.county.name in _units(result)
    )
    # every objection still pending on the standing result's chain: one raised before another
    # was accepted stays decidable on the corrected result (issue 13, tryout 23)
    pending = (
        Objection.objects.filter(
            result__in=chain_of(result), status=Objection.Status.PENDING
        ).select_related("result")
        if scope.is_city_office and published
        else Objection.objects.none()
    )
    what_if_form, supposed = None, None
    if scope.is_city_office:
        what_if_form, supposed = _what_if(request, result)
    indices = {
        choice: (Decimal(pair["first_order"]), Decimal(pair["total_order"]))
        for choice, pair in output.get("sensitivity", {}).items()
    }
    return render(
        request,
        "assessment/result.html",
        {
            "result": result,
            "stage": stage(result),
            "threshold": threshold_text(result.threshold),
            "what_if_form": what_if_form,
            "supposed": supposed,
            "objection_form": ObjectionForm(indicators=objectable(result)) if may_object else None,
            "pending": [
                (objection, DecisionForm(prefix=str(objection.pk))) for objection in pending
            ],
            "units": units,
            "indicators": indicators,
            "raw_headers": raw_headers(definition),
            "raw_values": [
                [row[0], *(raw_text(value) for value in row[1:])]
                for row in raw_values(definition, Inputs.from_dict(result.inputs))
            ],
            "breakdown_tail": BREAKDOWN_TAIL,
            "breakdown_note": BREAKDOWN_NOTE,
            "exempt_reasons": result.inputs.get("exempt_reasons", {}),
            "share_rule": share_rule(result),
            # a firm result (亩均效益评价) with the city's 差别化政策 by class (issue 13)
            "class_policies": class_policies(result.scheme.city).items()
            if result.scheme.firm_year is not None
            else None,
            # the bulletin issued from it (`objections.issue_bulletin`), when he may read it
            "bulletin": documents_for(scope)
            .defer("content", "pdf")
            .filter(kind=Kind.ASSESSMENT_BULLETIN, subject=f"assessment-{result.pk}")
            .first(),
            # each unit's row with its cells labelled, so that on a phone the table stacks
            # (class stacked) and every figure is read under its indicator (tryout 19)
            "breakdown": [
                (row[0], list(zip([*indicators, *BREAKDOWN_TAIL], row[1:], strict=True)))
                for row in figures["breakdown"]
            ],
            "adjustments": [
                item_sentence(unit["unit"], item)
                for unit in output["units"]
                for item in unit.get("adjustments", [])
            ],
            "caps": caps_sentence(definition),
            "points_lost": figures["points_lost"],
            "lost_note": LOST_NOTE,
            "sentences": output["sentences"],
            "sensitivity": sensitivity_rows(indices),
            "sampling_note": sampling_note(indices),
            "history": _history(request, result),
            # a superseded result names the one correcting it and the one standing; a
            # corrected one the result it corrects (tryout 15)
            "successor": later,
            "standing": None if later is None else current(later),
            **_finalising(scope, result),
            "robustness_said": [
                f"{varied_text(definition)}。",
                *robustness_notes(definition, frozenset(result.inputs["vetoed"])),
            ]
            if result.runs
            else [],
            "sobol_output": SOBOL_OUTPUT,
            "scheme_headers": INDICATOR_HEADERS,
            "scheme": describe(
                definition, {name: Decimal(weight) for name, weight in output["weights"].items()}
            ),
        },
    )


def _finalising(scope, result: Result) -> dict:
    """For the city office: why the result may not be made final yet (`finalise_refusal`),
    or the 定稿 form saying what it freezes; once final, the 印发 form until issued."""
    if not scope.is_city_office or result.status == Result.Status.SUPERSEDED:
        return {}
    if result.status == Result.Status.FINAL:
        return {"may_issue": True, "today": today()}
    refusal = finalise_refusal(result)
    return {
        "finalise_refusal": refusal,
        "may_finalise": refusal is None,
        "freezes": FINALISING_FREEZES,
    }


def _history(request: HttpRequest, result: Result) -> list[tuple[str, Objection | None]]:
    """The result's history, each step with the objection whose attachment he may fetch
    (`objections_for`), else None: the file stays with its objection after a recompute."""
    visible = set(objections_for(request.scope).exclude(attachment="").values_list("pk", flat=True))
    return [
        (step.text, step.objection if step.objection and step.objection.pk in visible else None)
        for step in history(result)
    ]


def objection_attachment(request: HttpRequest, pk: int) -> FileResponse:
    """An objection's attachment, to those who may see the objection (`objections_for`);
    404 for anyone else and for an objection without one. Never served from /media/."""
    objection = get_object_or_404(objections_for(request.scope).exclude(attachment=""), pk=pk)
    return FileResponse(
        objection.attachment.open("rb"), as_attachment=True, filename=objection.attachment_name
    )


def share_rule(result: Result | None) -> str | None:
    """How a result's classes by shares were counted (`ShareClasses.rule_text`) for its ranked
    units, or None for a result classed by thresholds (or none)."""
    if result is None:
        return None
    classes = Definition.from_dict(result.definition).classes
    if not isinstance(classes, ShareClasses):
        return None
    return classes.rule_text(sum(1 for unit in result.output["units"] if unit["rank"]))


def _probability(stored: str | None, threshold: Decimal) -> str:
    return probability_shown(None if stored is None else Decimal(stored), threshold)


def _what_if(request: HttpRequest, result: Result):
    """The 假设分析 form (GET) and, when filled, its sentence (or why it cannot be made)."""
    filled = "unit" in request.GET
    # the exempt have no score to change (tryout 30); every item the command line may change
    exempt = set(result.inputs["exempt"])
    form = WhatIfForm(
        request.GET if filled else None,
        units=[unit for unit in _units(result) if unit not in exempt],
        indicators=supposable(Definition.from_dict(result.definition)),
    )
    if not filled:
        return form, None
    if not form.is_valid():
        return form, "请选择单位和指标并填写假设数值"
    change = Change(
        form.cleaned_data["unit"], form.cleaned_data["indicator"], form.cleaned_data["value"]
    )
    try:
        line = suppose(
            Definition.from_dict(result.definition), Inputs.from_dict(result.inputs), change
        )
    except ValueError as error:
        return form, f"无法进行假设分析：{error}"
    return form, line.text


def standing_page(result) -> HttpResponse:
    """Back to the page of the result standing for `result` (a correction may have replaced it)."""
    return redirect("assessment_result", current(result).pk)


def _units(result) -> list[str]:
    return list(result.inputs["units"])


@require_POST
def objection_raise(request: HttpRequest, pk: int) -> HttpResponse:
    """A county office objects to one of its own values in a result published to it."""
    result = get_object_or_404(results_for(request.scope), pk=pk)
    county = request.scope.county
    if county is None or county.name not in _units(result):
        raise PermissionDenied("只有参评单位可以对本单位的数值提出异议")
    form = ObjectionForm(request.POST, request.FILES, indicators=objectable(result))
    object_from_form(request, result, unit=county.name, form=form)
    return standing_page(result)


def object_from_form(
    request: HttpRequest, result, *, unit: str, form: ObjectionForm, filed_by: str = ""
) -> None:
    """Raise the objection the posted form states for `unit` (a unit's own, or a firm's filed
    by its county's office, `filed_by`), telling the user in a message whether it was taken;
    the caller answers with its own page."""
    if not form.is_valid():
        missing = "attachment" in form.errors and not request.FILES
        messages.error(request, f"异议未提交：{MISSING if missing else form_faults(form)}")
        return
    try:
        raise_objection(
            result,
            unit=unit,
            indicator=form.cleaned_data["indicator"],
            value=form.cleaned_data["value"],
            reason=form.cleaned_data["reason"],
            user=request.user,
            attachment=form.cleaned_data["attachment"],
            filed_by=filed_by,
        )
    except ObjectionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "异议已提交，等待市项目办处理")


@require_POST
def objection_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """The city office accepts (the value corrected, everything recomputed) or rejects."""
    visible = Objection.objects.filter(result__in=results_for(request.scope))
    objection = get_object_or_404(visible, pk=pk)
    if not request.scope.is_city_office:
        raise PermissionDenied("只有市项目办可以处理异议")
    form = DecisionForm(request.POST, prefix=str(objection.pk))
    if not form.is_valid():
        messages.error(request, "请选择采纳或不予采纳")
        return standing_page(objection.result)
    reason = form.cleaned_data["reason"]
    try:
        if form.cleaned_data["decision"] == "accept":
            accept_objection(objection, user=request.user, reason=reason)
            messages.success(request, "已采纳异议，考核结果已重新计算")
        else:
            reject_objection(objection, user=request.user, reason=reason)
            messages.success(request, "已不予采纳")
    except ObjectionError as error:
        messages.error(request, str(error))
    return standing_page(objection.result)
