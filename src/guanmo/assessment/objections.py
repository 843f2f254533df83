"""The objections cycle (异议, issue 13): a result is published to the assessed units for a set
number of days; a unit objects to one of its indicator values with a reason and an
attachment; the office accepts (the value is corrected and everything recomputed into a new
result that supersedes the old) or rejects with a reason; once every objection is decided and
the period is over, the last result is made final.

Each operation is a service named for it; `history.history` says, result by result, what changed and
why. Refusals are `ObjectionError`s whose message says why, in Chinese.
"""

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from guanmo import clock
from guanmo.accounts.models import User
from guanmo.assessment.attachments import attachment_fault
from guanmo.assessment.definition import TARGET_SUFFIX, VETO, Definition, Inputs
from guanmo.assessment.exporters.docx import bulletin_title, results_docx
from guanmo.assessment.exporters.text import page_figures
from guanmo.assessment.firms import (
    FIGURE_UNITS,
    REGISTER_PLACES,
    shown_figure,
    with_figure_corrected,
)
from guanmo.assessment.models import Objection, Result, Scheme
from guanmo.assessment.outcome import compute
from guanmo.assessment.services import issue_result, recompute, save_scheme
from guanmo.assessment.sources import value_unit
from guanmo.assessment.values_sheet import target_names
from guanmo.clock import today
from guanmo.documents.models import IssuedDocument, Kind
from guanmo.documents.official import chinese_date
from guanmo.documents.services import DocumentError, check_date, issue
from guanmo.figures.formatting import half_up, number
from guanmo.locking import locked
from guanmo.regions.models import Region
from guanmo.sheets.cells import decimal_places

DEFAULT_PUBLICATION_DAYS = 5
# What 定稿 freezes, as the confirmation says it (the page's form, the refusal unconfirmed)
FINALISING_FREEZES = "定稿后不再受理异议，得分、位次和等次不再更正，可据此印发通报"


class ObjectionError(ValueError):
    """An objection or decision that may not be made so; the message says why."""


def publish_result(
    scheme: Scheme, inputs: Inputs, *, days: int = DEFAULT_PUBLICATION_DAYS, **options
) -> Result:
    """Issue the cycle's result (`issue_result`, same options) and publish it to the units for
    `days` days from today (公示期, the last day included)."""
    if days < 1:
        raise ObjectionError("公示期至少1天")
    result = issue_result(scheme, inputs, **options)
    result.published_until = today() + timedelta(days=days - 1)
    result.save(update_fields=["published_until"])
    return result


@transaction.atomic
def publish_cycle(
    city: Region,
    cycle: str,
    name: str,
    definition: Definition,
    inputs: Inputs,
    *,
    days: int = DEFAULT_PUBLICATION_DAYS,
    document_number: str = "",
    **options,
) -> Result:
    """Keep the scheme for the city's cycle (`save_scheme`, its units those of `inputs`, its
    文号 `document_number`) and
    publish its result on `inputs` (`publish_result`, same options), in one transaction: both
    or neither. Raises ResultError or ObjectionError (in Chinese) for a result that cannot be
    issued."""
    scheme = save_scheme(
        city, cycle, name, definition, list(inputs.values), document_number=document_number
    )
    return publish_result(scheme, inputs, days=days, **options)


def successor(result: Result) -> Result | None:
    """The corrected result that replaced `result` (None for one not superseded). Read
    afresh, as `current`."""
    return Result.objects.filter(supersedes=result).first()


def current(result: Result) -> Result:
    """The result now standing for `result`: itself, or the corrected result replacing it.

    Read afresh each time (an instance caches a reverse one-to-one, even its absence)."""
    while (later := successor(result)) is not None:
        result = later
    return result


def open_to_objections(result: Result, *, on: date | None = None) -> bool:
    """Whether units may object to `result` on `on` (today by default): published, and its
    公示期 not over (the last day included)."""
    on = on or today()
    return result.status == Result.Status.PUBLISHED and (
        result.published_until is None or on <= result.published_until
    )


def stage(result: Result, *, on: date | None = None) -> str:
    """The result's state as its pages say it on `on` (today by default): 公示中，公示至…;
    公示期已满（…），待定稿 once the period is over but not yet final (tryout 15: still said
    公示中), 公示期已满，尚有N件异议待处理 while objections are pending (issue 13: the list
    said 待定稿); 已更正; 已定稿, and 已定稿，已印发（文号） once its bulletin is issued. The
    results list and the result's page both say this."""
    until = result.published_until
    if result.status == Result.Status.FINAL:
        # issued: 已定稿，已印发（焦作项目办〔2026〕1号） (issue 13, tryout 23: still 已定稿)
        issued = IssuedDocument.objects.filter(
            kind=Kind.ASSESSMENT_BULLETIN, subject=f"assessment-{result.pk}"
        ).first()
        if issued is not None:
            return f"{result.get_status_display()}，已印发（{issued.number}）"
    if result.status != Result.Status.PUBLISHED:
        return result.get_status_display()
    if until is None:
        return "公示中"
    if open_to_objections(result, on=on):
        return f"公示中，公示至{chinese_date(until)}"
    if pending := pending_count(result):
        return f"公示期已满，尚有{pending}件异议待处理"
    return f"公示期已满（{chinese_date(until)}），待定稿"


def pending_count(result: Result) -> int:
    """How many objections to the result standing for `result`, or to any it corrected,
    are still undecided."""
    return Objection.objects.filter(
        result__in=chain_of(current(result)), status=Objection.Status.PENDING
    ).count()


def raise_objection(
    result: Result,
    *,
    unit: str,
    indicator: str,
    value: Decimal | None,
    reason: str,
    user: User | None = None,
    attachment: UploadedFile | None = None,
    on: date | None = None,
    filed_by: str = "",
) -> Objection:
    """A unit's objection to an input of its score, while the result is published: its value
    of an indicator, its count of a 加分/扣分 item, a register figure its values are computed
    from (a firm's 用地面积, 税收…; then not the values computed from them), or the 一票否决
    set on it (`VETO`: the claim is that it be lifted; `value` None or 0). A value claimed is
    held to the input's precision (`Inputs.places`: a figure with more decimals than its
    values are given to is refused). The objection is the unit's own; `filed_by` names who
    filed it for a unit without an account (a firm: its county's office). The attachment is
    required (issue 13: "with a reason and attachment"), a file `attachment_fault` takes (its
    kind told by its content, its size bounded)."""
    result = current(result)
    on = on or today()
    if result.status != Result.Status.PUBLISHED:
        raise ObjectionError("考核结果已定稿，不能再提出异议")
    if result.published_until is not None and on > result.published_until:
        raise ObjectionError(
            f"公示期已于{chinese_date(result.published_until)}结束，不能再提出异议"
        )
    inputs = Inputs.from_dict(result.inputs)
    if unit not in inputs.values:
        raise ObjectionError(f"{unit}不是本次考核的参评单位")
    definition = Definition.from_dict(result.definition)
    if indicator not in objectable(result):
        if indicator in definition.names:  # computed from figures objected to instead
            figures = "、".join(inputs.figures.get(unit, {}))
            raise ObjectionError(
                f"“{indicator}”由{figures}计算，请对所据的数据提出异议，更正后重新计算"
            )
        raise ObjectionError(f"考核办法中没有指标或加分/扣分项“{indicator}”")
    if not reason.strip():
        raise ObjectionError("请写明异议的理由")
    if fault := attachment_fault(attachment):
        raise ObjectionError(fault)
    if indicator == VETO:
        value = _veto_claim(inputs, unit, value)
    else:
        value = _claimed_value(definition, inputs, unit, indicator, value)
    objection = Objection(
        result=result,
        unit=unit,
        filed_by=filed_by,
        indicator=indicator,
        value=value,
        reason=reason.strip(),
        raised_by=user,
    )
    objection.attachment.save(attachment.name, attachment, save=False)
    objection.save()
    return objection


def _veto_claim(inputs: Inputs, unit: str, value: Decimal | None) -> Decimal:
    """An objection to the 一票否决 set on `unit` claims it be lifted: 0 (None taken as 0)."""
    if unit not in inputs.vetoed:
        raise ObjectionError(f"{unit}未被一票否决，无需更正")
    if value not in (None, 0):
        raise ObjectionError("对一票否决的异议是请求撤销否决，“应为数值”请不填或填0")
    return Decimal(0)


def _claimed_value(
    definition: Definition, inputs: Inputs, unit: str, indicator: str, value: Decimal | None
) -> Decimal:
    """The value claimed for an indicator, a 加分/扣分 item's count or a figure, held to its
    precision; refused when missing, given to more decimals, or already the value held."""
    if value is None:
        raise ObjectionError(f"请填写{subject(definition, indicator)}应为的数值")
    places = input_places(inputs, indicator)
    measure = input_unit(definition, indicator)
    if decimal_places(value.normalize()) > places:
        kept = f"保留{places}位小数" if places else "为整数"
        claimed = f"{value.normalize():f}{measure}"
        raise ObjectionError(f"“{indicator}”的数值{kept}，应为数值{claimed}与之不符")
    value = half_up(value, places)
    held = held_value(inputs, unit, indicator)
    # a figure as the register keeps it (税收10万元), else to the input's precision with its unit
    said = (
        shown_figure(indicator, value)
        if indicator in FIGURE_UNITS
        else f"{number(value, places)}{measure}"
    )
    if indicator in adjustment_items(definition) and (held or Decimal(0)) == value:
        raise ObjectionError(f"{unit}{subject(definition, indicator)}的次数已是{said}，无需更正")
    if held == value:
        raise ObjectionError(f"{unit}“{indicator}”的数值已是{said}，无需更正")
    if indicator in FIGURE_UNITS and value < 0:
        raise ObjectionError(f"“{indicator}”不能为负数，应为数值{said}")
    return value


def input_unit(definition: Definition, name: str) -> str:
    """The unit of an input a unit may object to, as refusals and sentences say its values: a
    register figure's (税收 → 万元, `firms.FIGURE_UNITS`), a 加分/扣分 item's count (次), an
    indicator's (`sources.value_unit`: 投资完成率 → %); "" when none is known."""
    if name in FIGURE_UNITS:
        return FIGURE_UNITS[name]
    if name in adjustment_items(definition):
        return "次"
    if name in target_names(definition):  # a target is in its indicator's unit
        name = name.removesuffix(TARGET_SUFFIX)
    row = next((row for row in definition.indicators if row.name == name), None)
    return "" if row is None else value_unit(row)


def input_places(inputs: Inputs, name: str) -> int:
    """The decimals a unit's input `name` is held to: a register figure's the register's
    (`firms.REGISTER_PLACES`), any other's its precision in the result (`Inputs.places`)."""
    if name in REGISTER_PLACES and inputs.figures:
        return REGISTER_PLACES[name]
    return inputs.places(name)


def held_value(inputs: Inputs, unit: str, name: str) -> Decimal | None:
    """The unit's input `name` as `inputs` hold it: its value of an indicator, its target of
    one (新开工项目数目标), its register figure (a firm's 税收), or its count of a 加分/扣分
    item; None when it has none."""
    if (target := inputs.target_of(name)) is not None:  # its target (新开工项目数目标)
        return inputs.targets.get(unit, {}).get(target)
    for held in (inputs.values, inputs.figures, inputs.counts):
        if (value := held.get(unit, {}).get(name)) is not None:
            return value
    return None


def adjustment_items(definition: Definition) -> list[str]:
    """The scheme's 加分/扣分 items, which a unit may object to as to an indicator value: the
    number of times it counts (accidents, honours) is what it claims."""
    return [rule.item for rule in definition.adjustment_rules]


def subject(definition: Definition, name: str) -> str:
    """What an objection is to, as sentences say it: “投资完成率”, 扣分项“安全事故”, the veto by
    its item: “重大安全事故”一票否决 (issue 13, tryout 23), 一票否决 when the scheme names none."""
    if name == VETO:
        return "、".join(f"“{item}”" for item in definition.vetoes) + VETO
    for rule in definition.adjustment_rules:
        if rule.item == name:
            return f"{'扣分项' if rule.points_each < 0 else '加分项'}“{name}”"
    return f"“{name}”"


def objectable(result: Result) -> list[str]:
    """What a unit may object to in `result`, every input of its score (issue 13): its
    indicators' values, or, for a result computed from register figures (亩均效益评价), those
    figures (用地面积, 税收…) instead of the values computed from them; then the targets of
    its 目标完成 indicators (新开工项目数目标, as the values sheet names them); then its 加分/扣分
    items; then the 一票否决 when the scheme has veto items or the result vetoed a unit."""
    definition = Definition.from_dict(result.definition)
    figures = result.inputs.get("figures")
    own = list(next(iter(figures.values()))) if figures else list(result.output["weights"])
    veto = [VETO] if definition.vetoes or result.inputs["vetoed"] else []
    targets = [] if figures else target_names(definition)
    return [*own, *targets, *adjustment_items(definition), *veto]


def _decide(objection: Objection, user: User | None, reason: str, status: str) -> Objection:
    objection = locked(objection)
    if objection.status != Objection.Status.PENDING:
        raise ObjectionError("该异议已处理")
    objection.status = status
    objection.decision_reason = reason.strip()
    objection.decided_by = user
    objection.decided_at = clock.now()
    return objection


@transaction.atomic
def accept_objection(objection: Objection, *, user: User | None = None, reason: str = "") -> Result:
    """Correct the unit's value as it claims and recompute everything (ranges, ranks, classes
    and robustness, with the same runs, seed and threshold) into a new result superseding the
    one standing; the objection points to it. Returns the new result."""
    objection = _decide(objection, user, reason or "经核实，采纳异议", Objection.Status.ACCEPTED)
    standing = locked(current(objection.result))
    if standing.status != Result.Status.PUBLISHED:
        raise ObjectionError("考核结果已定稿，不能再更正")
    inputs = Inputs.from_dict(standing.inputs)
    definition = Definition.from_dict(standing.definition)
    try:
        corrected_inputs = with_claim(definition, inputs, objection)
    except ValueError as error:
        raise ObjectionError(str(error)) from None
    outcome = compute(
        definition,
        corrected_inputs,
        runs=standing.runs,
        seed=standing.seed,
        threshold=Decimal(standing.threshold),
    )
    corrected = Result.objects.create(
        scheme=standing.scheme,
        definition=standing.definition,
        definition_hash=standing.definition_hash,
        inputs=corrected_inputs.as_dict(),
        runs=standing.runs,
        seed=standing.seed,
        threshold=standing.threshold,
        output=outcome.as_json(),
        figures=page_figures(outcome),
        published_until=standing.published_until,
        supersedes=standing,
        issued_by=user,
    )
    standing.status = Result.Status.SUPERSEDED
    standing.save(update_fields=["status"])
    objection.corrected_result = corrected
    objection.save()
    return corrected


def with_claim(definition: Definition, inputs: Inputs, objection: Objection) -> Inputs:
    """The inputs with the objection's claim made: the 一票否决 lifted; a register figure set
    and every value computed from it recomputed (`firms.with_figure_corrected`); a 加分/扣分
    item's count or an indicator's value set (its origin saying so). Raises ValueError (in
    Chinese) for a figure whose values can no longer be computed."""
    unit, name = objection.unit, objection.indicator
    if name == VETO:
        return replace(inputs, vetoed=inputs.vetoed - {unit})
    # kept to the input's precision, as raised (the column keeps 8 decimals)
    claimed = half_up(objection.value, input_places(inputs, name))
    if name in inputs.figures.get(unit, {}):
        return with_figure_corrected(inputs, unit, name, claimed, definition.names)
    if (target := inputs.target_of(name)) is not None:  # a 目标完成 indicator's target
        targets = {**inputs.targets, unit: {**inputs.targets.get(unit, {}), target: claimed}}
        return replace(inputs, targets=targets)
    if name in adjustment_items(definition):  # a 加分/扣分 item's count
        counts = {**inputs.counts, unit: {**inputs.counts.get(unit, {}), name: claimed}}
        return replace(inputs, counts=counts)
    values = {**inputs.values, unit: {**inputs.values[unit], name: claimed}}
    origins = {**inputs.origins}
    was = origins.get(unit, {}).get(name)
    if was is not None:  # a sourced value corrected: its origin says so, the source kept
        origins[unit] = {**origins[unit], name: f"采纳异议更正（原{was}）"}
    return replace(inputs, values=values, origins=origins)


@transaction.atomic
def reject_objection(objection: Objection, *, user: User | None = None, reason: str) -> Objection:
    """Reject with a reason (required: the unit is told why)."""
    if not reason.strip():
        raise ObjectionError("不予采纳须写明理由")
    objection = _decide(objection, user, reason, Objection.Status.REJECTED)
    objection.save()
    return objection


def chain_of(result: Result) -> list[Result]:
    """Every result from the first issued to the one standing."""
    first = result
    while first.supersedes_id is not None:
        first = first.supersedes
    chain = [first]
    while (later := successor(chain[-1])) is not None:
        chain.append(later)
    return chain


def finalise_refusal(result: Result, *, on: date | None = None) -> str | None:
    """Why the result standing for `result` may not be made final on `on` (today by default),
    in Chinese, or None when it may: already final, the publication period not over, or
    objections still pending (issue 13: final once every objection is decided)."""
    standing = current(result)
    on = on or today()
    if standing.status == Result.Status.FINAL:
        return "考核结果已定稿"
    if standing.published_until is not None and on <= standing.published_until:
        return f"公示期至{chinese_date(standing.published_until)}，期满后方可定稿"
    if pending := pending_count(standing):
        return f"尚有{pending}件异议未处理，不能定稿"
    return None


@transaction.atomic
def finalise_result(result: Result, *, on: date | None = None) -> Result:
    """Make the standing result final: the publication period over, every objection decided.
    Raises ObjectionError saying why not (`finalise_refusal`)."""
    standing = locked(current(result))
    if refusal := finalise_refusal(standing, on=on):
        raise ObjectionError(refusal)
    standing.status = Result.Status.FINAL
    standing.finalised_at = clock.now()
    standing.save(update_fields=["status", "finalised_at"])
    return standing


def result_bulletin_title(result: Result) -> str:
    """关于焦作市2025年度综合考核结果的通报: the city, the cycle and the scheme."""
    scheme = result.scheme
    return bulletin_title(scheme.city.name, scheme.cycle, scheme.name)


def finalised_on(result: Result) -> date:
    """A result's 定稿日期 (local): the day it was made final, or today for one about to be;
    never before the day after its 公示 ended (a day `finalise_result(on=…)` may have set)."""
    day = today() if result.finalised_at is None else timezone.localdate(result.finalised_at)
    if result.published_until is not None:
        day = max(day, result.published_until + timedelta(days=1))
    return day


def issue_date_refusal(result: Result, dated: date) -> str | None:
    """Why a bulletin of `result` may not be dated `dated` (成文日期 before its 定稿日期,
    `finalised_on`; tryout 19), else None."""
    final_on = finalised_on(result)
    if dated < final_on:
        return (
            f"成文日期不能早于定稿日期（{chinese_date(final_on)}），"
            f"所填{chinese_date(dated)}在其之前"
        )
    return None


def issue_bulletin(result: Result, *, dated: date, user: User | None = None) -> IssuedDocument:
    """Issue the final result as an official document (综合考核结果通报) through the common
    builder, numbered in the city's series; its sentences and table are the result's,
    recomputed from what it froze, with the opening, 公示 and policies of `bulletin.facts_of`;
    its 成文日期 and 印发 are kept in the result's history (`bulletin.record_issue`). Raises
    DocumentError for a result not yet final or a `dated` before its 定稿日期
    (`issue_date_refusal`)."""
    if result.status != Result.Status.FINAL:
        raise DocumentError("考核结果定稿后方可印发通报")
    check_date(dated, today=today())
    if refusal := issue_date_refusal(result, dated):
        raise DocumentError(refusal)
    from guanmo.assessment.bulletin import facts_of, record_issue  # the bulletin reads chains

    outcome = recompute(result)
    title = result_bulletin_title(result)
    facts = facts_of(result, outcome)
    with transaction.atomic():
        document = issue(
            result.scheme.city,
            kind=Kind.ASSESSMENT_BULLETIN,
            subject=f"assessment-{result.pk}",
            title=title,
            dated=dated,
            user=user,
            build=lambda head: results_docx(outcome, head, title, facts),
        )
        record_issue(result, document, user)
    return document
