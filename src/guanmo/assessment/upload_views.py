"""The city office assesses a cycle from sheets: the scheme (考核办法表), the cycle's values and,
optionally, the previous ranks are uploaded and held on the server, previewed as understood
(units, indicators, weights, or every fault naming its sheet, row and column), and only on
confirmation the scheme is kept and the result computed and published (`publish_cycle`), the
sheets read exactly as `guanmo assess` reads them (`read_cycle`). Nothing is written before."""

import io
from pathlib import Path
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from guanmo import clock
from guanmo.accounts.scope import Scope
from guanmo.assessment.cycle_sheets import CycleSheets, read_cycle
from guanmo.assessment.definition import (
    TARGET_SUFFIX,
    VETO,
    Definition,
    Inputs,
    veto_items,
    weights_of,
)
from guanmo.assessment.exporters.text import vetoed_cell
from guanmo.assessment.forms import CycleUploadForm, RunForm, form_faults
from guanmo.assessment.objections import ObjectionError, publish_cycle
from guanmo.assessment.outcome import overall_caps
from guanmo.assessment.results import Classes, ShareClasses
from guanmo.assessment.scheme import Form
from guanmo.assessment.scheme_description import adjustment_rules
from guanmo.assessment.scheme_words import AGGREGATIONS, FORM_WORDS, PARAMETERS, WEIGHTINGS
from guanmo.assessment.selectors import city_roll
from guanmo.assessment.services import ResultError
from guanmo.assessment.sheet_reading import Refused
from guanmo.assessment.source_selectors import fill_from_sources
from guanmo.assessment.sources import SourceCycle
from guanmo.figures.formatting import number
from guanmo.sheets import held

SHEETS = ("scheme", "values", "previous")  # the held files' tokens, by these query keys
MAX_UNITS = 2000  # the units a page assesses (its Monte Carlo runs while the office waits)
SHARE_PLACES = 2  # a weight shown as a percentage: 30.00%


def _city_office(scope: Scope) -> None:
    if not scope.is_city_office:
        raise PermissionDenied("只有市项目办可以上传考核办法和指标数值")


def cycle_upload(request: HttpRequest) -> HttpResponse:
    """The upload form; the sheets are held and the preview shown, nothing is written."""
    _city_office(request.scope)
    form = CycleUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        query = {
            key: form.cleaned_data[key]
            for key in RunForm.base_fields
            if form.cleaned_data[key] is not None
        }
        for key in SHEETS:
            if upload := form.cleaned_data.get(key):
                query[key] = held.hold(request.user.pk, upload)
                query[f"{key}_name"] = upload.name[:255]
        return redirect(f"{reverse('assessment_preview')}?{urlencode(query)}")
    return render(request, "assessment/cycle_upload.html", {"form": form})


def named_source(path: Path, name: str) -> io.BytesIO:
    """The held file as a source named as uploaded (the reports and a CSV's sheet say it)."""
    source = io.BytesIO(path.read_bytes())
    source.name = Path(name).name or path.name
    return source


def cycle_preview(request: HttpRequest) -> HttpResponse:
    """How the sheets were understood (GET); confirmed (POST), the result is published and
    its page shown. Faults and refusals leave everything as it was."""
    scope: Scope = request.scope
    _city_office(scope)
    given = request.POST if request.method == "POST" else request.GET
    form = RunForm(given)
    tokens = {key: given.get(key, "") for key in SHEETS if given.get(key)}
    paths = {key: held.held(request.user.pk, token) for key, token in tokens.items()}
    if "scheme" not in paths or None in paths.values():
        messages.error(request, "上传的表格已过期或不存在，请重新上传")
        return redirect("assessment_upload")
    if not form.is_valid():
        messages.error(request, f"考核周期或参数有误，请重新上传：{form_faults(form)}")
        return redirect("assessment_upload")
    sources = {key: named_source(path, given.get(f"{key}_name", "")) for key, path in paths.items()}
    context = {"form": form, "given": given}
    try:
        sheets = read_cycle(
            sources["scheme"],
            sources.get("values"),
            sources.get("previous"),
            roll=city_roll(scope.city),
        )
    except Refused as refused:
        report = refused.report
        faults = [f"《{report.file}》{report.describe(fault)}" for fault in report.faults]
        return render(
            request,
            "assessment/cycle_preview.html",
            {**context, "faults": faults, "refused": report},
            status=400,
        )
    try:
        inputs, notes = _inputs(scope, sheets, form.cleaned_data, given.get("values_name", ""))
    except ValueError as error:
        return render(
            request,
            "assessment/cycle_preview.html",
            {**context, "problem": str(error)},
            status=400,
        )
    context["source_notes"] = notes
    problem, weights = _checked(sheets.definition, inputs)
    if problem is None and request.method == "POST" and request.POST.get("action") == "confirm":
        data = form.cleaned_data
        try:
            result = publish_cycle(
                scope.city,
                data["cycle"],
                data["name"],
                sheets.definition,
                inputs,
                days=data["days"],
                document_number=data["document_number"],
                runs=data["runs"],
                seed=data["seed"],
                threshold=data["threshold"],
                issued_by=request.user,
            )
        except (ResultError, ObjectionError) as error:
            problem = f"无法计算考核结果：{error}"
        else:
            for token in tokens.values():
                held.release(request.user.pk, token)
            messages.success(request, f"已计算并公示{data['cycle']}{data['name']}结果")
            return redirect("assessment_result", result.pk)
    return render(
        request,
        "assessment/cycle_preview.html",
        {**context, **_understood(sheets, inputs, weights), "problem": problem},
        status=200 if problem is None else 400,
    )


def _inputs(scope: Scope, sheets: CycleSheets, data: dict, values_name: str):
    """The cycle's inputs (the sourced indicators filled in from the city's own figures for
    the year and month given, as `guanmo assess --year --month` fills them) and what the
    sources said. Raises ValueError (in Chinese) for what is missing or cannot be filled."""
    if not sheets.sourced:
        return sheets.complete_inputs(), []
    named = "、".join(sorted(sheets.sourced))
    if data["year"] is None or data["month"] is None:
        raise ValueError(f"考核办法中的{named}注明了来源，须填写数据年度和截至月份")
    given_by = f"数值表《{values_name}》" if values_name else "数值表"
    filled = fill_from_sources(
        scope.city,
        SourceCycle(data["year"], data["month"]),
        sheets.definition,
        sheets.inputs,
        today=clock.today(),
        given_by=given_by,
    )
    return sheets.complete_inputs(filled.inputs), filled.notes


def _checked(definition: Definition, inputs: Inputs) -> tuple[str | None, dict | None]:
    """Why the cycle cannot be assessed here (None when it can), and the weights."""
    if len(inputs.values) > MAX_UNITS:
        return f"参评单位{len(inputs.values)}个，超过网页一次可考核的{MAX_UNITS}个", None
    try:
        return None, weights_of(definition, inputs).weights
    except ValueError as error:
        return f"无法确定权重：{error}", None


def _understood(sheets: CycleSheets, inputs: Inputs, weights: dict | None) -> dict:
    """The preview's tables: each indicator as read (with its share of the composite), the
    method, and each unit's values, flags and previous rank."""
    definition = sheets.definition
    indicators = []
    for row in definition.indicators:
        words: dict[str, str] = {}
        for word, key in PARAMETERS[row.form].items():
            words.setdefault(key, word)  # the first word a scheme writes it in
        indicators.append(
            {
                "top": row.top,
                "top_weight": row.top_weight,
                "name": row.name,
                "weight": row.weight,
                "share": None if weights is None else number(weights[row.name] * 100, SHARE_PLACES),
                "direction": row.direction.value,
                "form": FORM_WORDS[row.form],
                "parameters": "；".join(
                    f"{words.get(key, key)}={value.normalize():f}"
                    for key, value in row.parameters.items()
                ),
            }
        )
    # each indicator's values, a 目标完成 one's targets beside them (its 目标 column)
    columns: list[tuple[str, str, bool]] = []  # (header, indicator, target)
    for row in definition.indicators:
        columns.append((row.name, row.name, False))
        if row.form is Form.TARGET_MET:
            columns.append((row.name + TARGET_SUFFIX, row.name, True))
    names = [header for header, _, _ in columns]
    adjustments = [rule.item for rule in definition.adjustment_rules]
    units = [
        {
            "unit": unit,
            "values": [
                (inputs.targets if target else inputs.values).get(unit, {}).get(name)
                for _, name, target in columns
            ],
            "counts": [inputs.counts.get(unit, {}).get(item) for item in adjustments],
            "exempt": unit in inputs.exempt,
            "vetoed": unit in inputs.vetoed,
            # 一票否决：重大安全事故, the items named (issue 13, tryout 30)
            "veto": vetoed_cell(veto_items(inputs, unit), VETO),
            "previous": inputs.previous.get(unit),
            "origins": []  # an exempt unit's values count for nothing: it says 不参评
            if unit in inputs.exempt
            else [f"{name}：{origin}" for name, origin in inputs.origins.get(unit, {}).items()],
        }
        for unit in inputs.values
    ]
    return {
        "sheets": sheets,
        "indicators": indicators,
        "names": names,
        # each item by its verb, not a sign (tryout 19: 安全事故每项-1分)
        "adjustments": [
            f"{label.split('：', 1)[1]}{said}"
            for label, said in adjustment_rules(definition)
            if "：" in label
        ],
        "adjustment_items": adjustments,
        "overall_caps": overall_caps(definition),
        "vetoes": definition.vetoes,
        "veto_effect": definition.veto_effect.value,
        "classes": _classes_words(definition.classes),
        "aggregation": _word(AGGREGATIONS, definition.aggregation),
        "weighting": _word(WEIGHTINGS, definition.weighting),
        "units": units,
        "previous_given": bool(inputs.previous),
    }


def _word(words: dict, value) -> str:
    """The first word a scheme sheet writes `value` in."""
    return next(word for word, meant in words.items() if meant == value)


def _classes_words(classes: Classes) -> str:
    """The classes as a scheme sheet's 等次 row says them: A=20%；B=40%… or
    优秀=90；…；其余=不合格."""
    if isinstance(classes, ShareClasses):
        return "；".join(f"{name}={share.normalize():f}%" for name, share in classes.shares)
    bounds = [f"{name}={bound.normalize():f}" for name, bound in classes.bounds]
    return "；".join([*bounds, f"其余={classes.below}"])
