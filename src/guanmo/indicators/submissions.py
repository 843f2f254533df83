"""Indicator figures entered on the web (指标填报, issue 12 "Import"): a department or a county
fills its form for an open reporting month, submits it, and the city office approves it or
returns it with a reason, exactly as monthly reports (`reporting.review`: the same states, the
same lock when the month closes, one result for two decisions sent at once). Approval stores
the figures through `services.store_values`, so their history is in `ValueChange`.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from guanmo.accounts.models import Department, User
from guanmo.indicators.choices import Kind, is_summed
from guanmo.indicators.entry import LABELS, EntryFault, Read, Typed, read_typed
from guanmo.indicators.models import Indicator, Submission, SubmittedValue
from guanmo.indicators.selectors import (
    SlipReferences,
    SubmissionLine,
    slip_references,
    submission_lines,
)
from guanmo.indicators.services import Source, ValueInput, store_values
from guanmo.indicators.unit_slips import entry_slip_message, figure_slip
from guanmo.regions.models import Region
from guanmo.reporting import review
from guanmo.reporting.models import Period
from guanmo.reporting.review import Action, ReportingError


@dataclass
class SaveResult:
    faults: list[EntryFault] = field(default_factory=list)
    changed: int = 0

    @property
    def ok(self) -> bool:
        return not self.faults


def submission_for(
    period: Period, *, department: Department | None = None, county: Region | None = None
) -> Submission:
    """The department's or county's form for the period, made when first asked for (two asks
    at once make one). Raises ReportingError when the period is closed and it has none."""
    sender = {"department": department} if department else {"county": county}
    found = Submission.objects.filter(period=period, **sender).first()
    if found is not None:
        return found
    if period.is_closed:
        raise ReportingError(f"{period}的填报期已关闭，不能再填报")
    try:
        with transaction.atomic():
            return Submission.objects.create(period=period, **sender)
    except IntegrityError:
        return Submission.objects.get(period=period, **sender)


def save_submission(
    submission: Submission, typed: Iterable[Typed], *, user: User, version: int
) -> SaveResult:
    """Keep the typed figures as the form's draft, all or nothing: with any fault nothing is
    saved, and a figure that looks typed in another unit is a fault (`unit_slips`). Lines
    not on the form are refused (ReportingError); a save made from an older
    `version` of the form is refused (`StaleReport`)."""
    review.require_editable(submission)
    lines = {(line.indicator.pk, line.region.pk): line for line in submission_lines(submission)}
    result, reads = SaveResult(), []
    for each in typed:
        line = lines.get((each.indicator_id, each.region_id))
        if line is None:
            raise ReportingError("该指标或地区不在本填报表中")
        read, faults = read_typed(each, Kind(line.indicator.kind), line.place)
        result.faults += faults
        if read is not None:
            reads.append((line, read))
    if result.ok:
        period = submission.period
        result.faults += unit_slips(
            period.year, period.month, [(line.indicator, line.region, read) for line, read in reads]
        )
    if not result.ok:
        return result
    with transaction.atomic():
        review.require_editable(review.locked_form(submission))
        review.claim(submission, version, user)
        result.changed = _keep(submission, reads)
        if result.changed:
            review.record(submission, Action.SAVE, user)
    return result


def unit_slips(
    year: int, month: int, figures: Iterable[tuple[Indicator, Region, Read]]
) -> list[EntryFault]:
    """A fault on 本期累计值 for each summed indicator's figure that looks typed in another unit
    (385000 in a 亿元 field beside June's 33.0亿元: a 万元 habit), judged as the import judges a
    cell (`unit_slips.figure_slip` against the region's stored earlier month and last year, and
    the 上年同期 typed beside it). Tryout 26 item 1: the import refused the figure the web entry
    saved, submitted and approved. `figures`: (indicator, region, the figures read)."""
    faults: list[EntryFault] = []
    references: dict[int, SlipReferences] = {}
    for indicator, region, read in figures:
        if read.value is None or not is_summed(Kind(indicator.kind)):
            continue
        if indicator.pk not in references:
            references[indicator.pk] = slip_references(indicator, year, month)
        earlier, a_year_ago = references[indicator.pk]
        slip = figure_slip(
            read.value,
            earlier=earlier.get(region.pk),
            last_years=(a_year_ago.get(region.pk), read.last_year),
            growth=read.growth,
            unit=indicator.unit,
            places=indicator.places,
        )
        if slip is not None:
            message = entry_slip_message(read.value, indicator.unit, slip)
            faults.append(EntryFault(f"{region.name}·{indicator.name}", LABELS["value"], message))
    return faults


def submission_slips(submission: Submission) -> list[EntryFault]:
    """`unit_slips` of the figures kept on the form: what stops its submission and approval,
    and what the reviewer is shown."""
    period = submission.period
    return unit_slips(
        period.year,
        period.month,
        [
            (
                value.indicator,
                value.region,
                Read(value.value, value.last_year_value, value.reported_growth),
            )
            for value in submission.values.select_related("indicator", "region")
        ],
    )


def _slips_refused(submission: Submission, doing: str) -> None:
    """Raise ReportingError naming each figure of the form that looks typed in another unit."""
    if slips := submission_slips(submission):
        raise ReportingError(f"不能{doing}：" + "；".join(str(slip) for slip in slips))


def _keep(submission: Submission, reads: Sequence[tuple[SubmissionLine, Read]]) -> int:
    """Write the lines whose figures changed; how many."""
    changed = 0
    for line, read in reads:
        figures = {
            "value": read.value,
            "last_year_value": read.last_year,
            "reported_growth": read.growth,
        }
        stored = line.entered
        if stored is not None and all(getattr(stored, k) == v for k, v in figures.items()):
            continue
        if stored is None and not any(v is not None for v in figures.values()):
            continue
        SubmittedValue.objects.update_or_create(
            submission=submission, indicator=line.indicator, region=line.region, defaults=figures
        )
        changed += 1
    return changed


def submit_submission(submission: Submission, *, user: User, version: int) -> None:
    """Hand the form to the city office; refused (ReportingError) when no figure is entered
    or one looks typed in another unit (`submission_slips`)."""
    if not any(value.is_given for value in submission.values.all()):
        raise ReportingError("尚未填写任何指标数值，不能提交")
    _slips_refused(submission, "提交")
    review.submit(submission, user=user, version=version)


def return_submission(submission: Submission, *, user: User, reason: str) -> None:
    review.send_back(submission, user=user, reason=reason)


def reopen_submission(submission: Submission, *, user: User, reason: str) -> None:
    review.reopen(submission, user=user, reason=reason)


class Approved(NamedTuple):
    """What an approval counted: the indicators entered and the stored figures (value, 上年同期,
    增速 each one) it changed, said apart (tryout 21: 「8项数值」 for 4 indicators)."""

    indicators: int
    figures: int

    def __str__(self) -> str:
        return f"{self.indicators}项指标（改动{self.figures}个数值）已计入"


def approve_submission(submission: Submission, *, user: User) -> Approved:
    """Approve the form: every figure entered is stored for its region, indicator and month
    (`store_values`, history in ValueChange). Returns the indicators entered and how many
    figures changed. Raises ReportingError, approving nothing, when a figure cannot be
    stored or looks typed in another unit (`submission_slips`)."""

    def publish(submission: Submission) -> Approved:
        _slips_refused(submission, "审核通过")
        by_indicator: dict[Indicator, list[ValueInput]] = defaultdict(list)
        for value in submission.values.select_related("indicator", "region"):
            if value.is_given:
                by_indicator[value.indicator].append(
                    ValueInput(
                        value.region,
                        value.value,
                        last_year=value.last_year_value,
                        reported_growth=value.reported_growth,
                    )
                )
        period = submission.period
        changes = 0
        try:
            for indicator, inputs in by_indicator.items():
                changes += store_values(
                    indicator,
                    period.year,
                    period.month,
                    inputs,
                    source=Source.APPROVAL,
                    user=user,
                    reason=f"{submission.sender}{period}指标填报",
                ).changes
        except ValidationError as error:
            raise ReportingError("；".join(error.messages)) from error
        return Approved(len(by_indicator), changes)

    return review.approve(submission, user=user, publish=publish)
