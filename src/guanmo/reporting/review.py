"""The review workflow every reported form goes through: a county's monthly report, a
department's or county's indicator figures. Draft → submitted → approved, or returned with a
reason and corrected; locked when its period closes, unless the city office reopens it.

The form is any `Reviewed` row (a concrete subclass with a `period` and a `steps` relation of
`Step` rows). Every decision re-reads the row under its lock (`guanmo.locking.locked`) and
decides on what it reads there, never on the copy loaded with the page: two decisions sent at
once give one result, and the other is refused naming who decided first. What approval
publishes is the caller's (`publish`), done in the same transaction.
"""

from collections.abc import Callable
from typing import TypeVar

from django.apps import apps
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from guanmo import bounds, clock
from guanmo.accounts.models import User
from guanmo.locking import locked
from guanmo.reporting.models import Reviewed, Status, Step


class ReportingError(Exception):
    """An operation that may not be done now; the message says why, in Chinese."""


class StaleReport(ReportingError):
    """The form changed since the page was loaded; the save is refused, not merged."""


Form = TypeVar("Form", bound=Reviewed)
Published = TypeVar("Published")
Action = Step.Action


def reviewed_models() -> list[type[Reviewed]]:
    """Every kind of form under review (monthly reports, indicator figures)."""
    return [model for model in apps.get_models() if issubclass(model, Reviewed)]


def record(form: Reviewed, action: str, user: User | None, reason: str = "") -> None:
    form.steps.create(action=action, user=user, reason=reason)


def submit(form: Reviewed, *, user: User, version: int) -> None:
    """Hand the draft made from `version` to the city office for review."""
    with transaction.atomic():
        current = locked_form(form)
        if current.status == Status.SUBMITTED:
            raise decided_already(current)
        require_editable(current)
        claim(form, version, user)
        _set_status(form, Status.SUBMITTED, submitted_at=clock.now())
        record(form, Action.SUBMIT, user)


def send_back(form: Reviewed, *, user: User, reason: str) -> None:
    """Return a submitted form to its sender with the reason."""
    reason = required_reason(reason, "退回报表必须填写退回原因")
    with transaction.atomic():
        require_submitted(locked_form(form), "只能退回已提交的报表")
        _set_status(form, Status.RETURNED)
        record(form, Action.RETURN, user, reason)


def approve(form: Form, *, user: User, publish: Callable[[Form], Published]) -> Published:
    """Approve a submitted form: `publish(form)` makes its figures count, in the same
    transaction (what it raises undoes the approval). Returns what `publish` returned."""
    with transaction.atomic():
        require_submitted(locked_form(form), "只能审核已提交的报表")
        published = publish(form)
        _set_status(form, Status.APPROVED, reopened=False)
        record(form, Action.APPROVE, user)
    return published


def reopen(form: Reviewed, *, user: User, reason: str) -> None:
    """Reopen one form of a closed period for correction; a reason is required."""
    reason = required_reason(reason, "重新打开报表必须填写原因")
    with transaction.atomic():
        current = locked_form(form)
        if not current.period.is_closed:
            raise ReportingError("填报期尚未关闭，无需重新打开；如需修改请退回")
        if current.reopened:
            raise decided_already(current)
        _set_status(form, Status.RETURNED, reopened=True)
        record(form, Action.REOPEN, user, reason)


def lock_period_forms(period: models.Model) -> None:
    """At the close of `period`: no form of it stays reopened."""
    for model in reviewed_models():
        model._default_manager.filter(period=period).update(reopened=False)


# Guards ------------------------------------------------------------------------------------


def locked_form(form: Form) -> Form:
    """The form as it is now, held to the end of the transaction, with its period."""
    current = locked(form)
    current.period = type(form.period)._default_manager.get(pk=current.period_id)
    return current


def required_reason(reason: str, missing: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ReportingError(missing)
    if fault := bounds.text_fault(reason, "原因"):
        raise ReportingError(fault)
    return reason


# What a form's status says was last decided, for the refusal of a later decision.
_DECIDED_BY = {
    Status.SUBMITTED: (Action.SUBMIT,),
    Status.APPROVED: (Action.APPROVE,),
    Status.RETURNED: (Action.RETURN, Action.REOPEN),
}


def decided_already(current: Reviewed) -> ReportingError:
    """The refusal of a decision on a form someone has just decided on: who did what."""
    step = (
        current.steps.filter(action__in=_DECIDED_BY.get(current.status, ()))
        .select_related("user")
        .last()
    )
    if step is None:
        return ReportingError(f"该报表当前为「{current.get_status_display()}」，请刷新页面")
    who = step.user or "他人"
    when = timezone.localtime(step.at).strftime("%H:%M")
    return ReportingError(
        f"该报表已被{who}于{when}{step.get_action_display()}，请刷新页面查看最新状态"
    )


def require_submitted(current: Reviewed, refusal: str) -> None:
    if current.status == Status.SUBMITTED:
        return
    if current.status in (Status.APPROVED, Status.RETURNED):
        raise decided_already(current)
    raise ReportingError(f"{refusal}，该报表当前为「{current.get_status_display()}」")


def require_editable(form: Reviewed) -> None:
    if form.is_editable:
        return
    if form.period.is_closed and not form.reopened:
        raise ReportingError(
            f"{form.period}的填报期已关闭，报表已锁定；如需修改请联系市项目办重新打开"
        )
    raise ReportingError(f"报表当前为「{form.get_status_display()}」，不能修改")


def claim(form: Reviewed, version: int, user: User) -> None:
    """Move the form to its next version, unless someone else did since `version`."""
    manager = type(form)._default_manager
    moved = manager.filter(pk=form.pk, version=version).update(
        version=F("version") + 1, updated_at=clock.now(), updated_by=user
    )
    if not moved:
        current = manager.select_related("updated_by").get(pk=form.pk)
        who = current.updated_by or "他人"
        when = (
            timezone.localtime(current.updated_at).strftime("%H:%M") if current.updated_at else ""
        )
        raise StaleReport(
            f"保存未成功：此报表已由{who}于{when}修改，您看到的是旧版本。"
            "请刷新页面，在最新内容上重新填写。"
        )
    form.refresh_from_db(fields=["version", "updated_at", "updated_by"])


def _set_status(form: Reviewed, status: str, **extra: object) -> None:
    type(form)._default_manager.filter(pk=form.pk).update(status=status, **extra)
    form.refresh_from_db()
