"""Keeping schemes and issuing results (issue 13); the arithmetic is `outcome.compute`.

`issue_result` freezes with the result everything it was computed from, and `recompute`
computes it again from that alone, so that an issued result can always be reproduced exactly
(and a later change of the scheme changes no result already issued).
"""

import hashlib
import json
from collections.abc import Sequence
from decimal import Decimal

from django.db import transaction

from guanmo.accounts.models import User
from guanmo.assessment.definition import Definition, Inputs
from guanmo.assessment.exporters.text import FIGURES_RULE, page_figures
from guanmo.assessment.models import Result, Scheme
from guanmo.assessment.outcome import Outcome, compute
from guanmo.assessment.robustness import DEFAULT_NAMING_THRESHOLD, DEFAULT_RUNS
from guanmo.regions.models import Region


def definition_hash(data: dict) -> str:
    """SHA-256 of a definition's JSON with sorted keys: the same rules, the same hash."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ResultError(ValueError):
    """A result that cannot be issued; the message says why, in Chinese."""


class SchemeError(ResultError):
    """A scheme that may not be kept so (one of the same city, cycle and name exists); the
    message says why, in Chinese."""


def save_scheme(
    city: Region,
    cycle: str,
    name: str,
    definition: Definition,
    units: Sequence[str],
    *,
    firm_year: int | None = None,
    document_number: str = "",
    replace: bool = False,
) -> Scheme:
    """Keep a city's scheme for a cycle (a firm scheme with its `firm_year`; `document_number`
    the 考核办法's own 文号, which its bulletin cites, "" for none). A scheme of the
    same city, cycle and name is replaced only when `replace` is asked for, and never once a
    result was issued under it (its results are frozen with it; issue 13 "a scheme is frozen
    with the cycle's results"). Raises SchemeError (in Chinese) saying which."""
    data = definition.as_dict()
    fields = {
        "definition": data,
        "definition_hash": definition_hash(data),
        "units": list(units),
        "firm_year": firm_year,
        "document_number": document_number.strip(),
    }
    existing = Scheme.objects.filter(city=city, cycle=cycle, name=name).first()
    if existing is None:
        return Scheme.objects.create(city=city, cycle=cycle, name=name, **fields)
    if existing.results.exists():
        raise SchemeError(
            f"{city.name}{cycle}“{name}”已发布结果，考核办法随结果冻结，不能替换；"
            "如需另行考核，请使用新的考核办法名称"
        )
    if not replace:
        raise SchemeError(f"{city.name}已有{cycle}“{name}”，未替换；确需替换时请明确选择替换")
    for field, value in fields.items():
        setattr(existing, field, value)
    existing.save(update_fields=list(fields))
    return existing


@transaction.atomic
def issue_result(
    scheme: Scheme,
    inputs: Inputs,
    *,
    runs: int = DEFAULT_RUNS,
    seed: int = 0,
    threshold: Decimal = DEFAULT_NAMING_THRESHOLD,
    issued_by: User | None = None,
) -> Result:
    """Compute the cycle's result under the scheme as it stands and keep it with everything
    it came from. Raises ResultError for units the scheme does not assess or a result that
    cannot be computed (the message of `compute`)."""
    unknown = [unit for unit in inputs.values if scheme.units and unit not in scheme.units]
    if unknown:
        raise ResultError(f"{'、'.join(unknown)}不是本考核办法的参评单位")
    definition = Definition.from_dict(scheme.definition)
    try:
        outcome = compute(definition, inputs, runs=runs, seed=seed, threshold=threshold)
    except ValueError as error:
        raise ResultError(str(error)) from error
    return Result.objects.create(
        scheme=scheme,
        definition=scheme.definition,
        definition_hash=scheme.definition_hash,
        inputs=inputs.as_dict(),
        runs=runs,
        seed=seed,
        threshold=threshold,
        output=outcome.as_json(),
        figures=page_figures(outcome),
        issued_by=issued_by,
    )


def recompute(result: Result) -> Outcome:
    """The result computed again from what it froze: the same output it issued."""
    return compute(
        Definition.from_dict(result.definition),
        Inputs.from_dict(result.inputs),
        runs=result.runs,
        seed=result.seed,
        threshold=Decimal(result.threshold),
    )


def page_figures_of(result: Result) -> dict:
    """The tables the result's page shows (`page_figures`), as kept when it was computed: a
    view computes nothing. A result whose tables were kept under another rule than the
    current FIGURES_RULE (or before they were kept at all: a breakdown rounded part by part,
    one hundredth off its score) has them computed once again from what it froze
    (`scores_again`) and kept, with the points by indicator and the 加分/扣分 items (as
    applied, tryout 15) of its issued JSON, so that the
    page, its .xlsx and the JSON are what a fresh computation gives. Scores, ranks, classes
    and the Monte Carlo's figures are left as issued: the rule changes how parts are shown."""
    if result.figures.get("rule") != FIGURES_RULE:
        outcome = scores_again(result)
        result.figures = page_figures(outcome)
        fresh = {unit["unit"]: unit for unit in outcome.as_json()["units"]}
        for unit in result.output["units"]:
            unit["contributions"] = fresh[unit["unit"]]["contributions"]
            unit["adjustments"] = fresh[unit["unit"]]["adjustments"]
        result.save(update_fields=["figures", "output"])
    return result.figures


def scores_again(result: Result) -> Outcome:
    """The result's deterministic pass computed again from what it froze (scores, ranks,
    classes, breakdown, 加分/扣分, veto; no Monte Carlo, whose figures the result stored)."""
    return compute(
        Definition.from_dict(result.definition),
        Inputs.from_dict(result.inputs),
        runs=0,
        seed=result.seed,
        threshold=Decimal(result.threshold),
    )
