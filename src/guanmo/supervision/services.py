"""Supervision operations: raise a problem, the department's answer, confirm or reopen,
escalate the overdue, issue a supervision order, the leader's instruction, record a meeting and
its decisions.

Each checks its preconditions, writes in one transaction and records a `ProblemStep`; a refusal
is a `SupervisionError` whose message says why, in Chinese. Actions on a problem decide on the
problem as re-read under its lock (guanmo.locking); those that add a step whatever the status
(an answer, an instruction, an order) also take the last step the sender had seen, so that a
double click, or two people at once, record one step.
"""

import uuid
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from guanmo import bounds, clock
from guanmo.accounts.models import Department, User
from guanmo.documents.models import Kind
from guanmo.documents.official import chinese_date
from guanmo.documents.services import issue as issue_document
from guanmo.ledger.models import Project
from guanmo.locking import locked
from guanmo.regions.models import Region
from guanmo.reporting.models import ReportEntry
from guanmo.supervision.deadlines import (
    TOP_LEVEL,
    TOP_LEVEL_WITHOUT_LEADER,
    days_overdue,
    deadline_for,
    due_level,
    level_due_on,
)
from guanmo.supervision.models import (
    Level,
    Meeting,
    Problem,
    ProblemStep,
    SupervisionOrder,
)
from guanmo.supervision.order_document import order_docx, order_title
from guanmo.supervision.selectors import rules_for

Action = ProblemStep.Action
Status = Problem.Status


class SupervisionError(Exception):
    """An operation that may not be done now; the message says why, in Chinese."""


def _record(
    problem: Problem, action: str, *, user: User | None, on: date, note: str = ""
) -> ProblemStep:
    return ProblemStep.objects.create(
        problem=problem, action=action, user=user, on=on, level=problem.level, note=note
    )


def _lock(problem: Problem, *, seen_step: int | None = None) -> None:
    """Re-read the problem and hold it for this transaction, so that two clicks act once.

    With `seen_step` (the id of the last step on the sender's page), a problem that has taken a
    step since is refused: the sender acted on what he no longer sees."""
    problem.refresh_from_db(from_queryset=Problem.objects.select_for_update(of=("self",)))
    if seen_step is None:
        return
    latest = problem.steps.select_related("user").order_by("-pk").first()
    if latest is not None and latest.pk != seen_step:
        who = latest.user or "系统"
        when = timezone.localtime(latest.at).strftime("%m月%d日%H:%M")
        raise SupervisionError(
            f"该问题已被{who}于{when}{latest.get_action_display()}，请刷新页面查看最新情况后再操作"
        )


def _bounded(text: str, what: str) -> str:
    text = (text or "").strip()
    if fault := bounds.text_fault(text, what):
        raise SupervisionError(fault)
    return text


def _required(text: str, what: str) -> str:
    text = _bounded(text, what)
    if not text:
        raise SupervisionError(f"请填写{what}")
    return text


@transaction.atomic
def raise_problem(
    project: Project,
    *,
    problem_type: str,
    text: str,
    department: Department,
    user: User | None,
    source: str,
    raised_on: date | None = None,
    deadline: date | None = None,
    report_entry: ReportEntry | None = None,
    meeting: Meeting | None = None,
) -> Problem:
    """Assign a problem of `project` to `department`; without a deadline, the city's default
    for the problem's type counts from the day it is raised."""
    raised_on = raised_on or clock.today()
    if department.city_id != project.city_id:
        raise SupervisionError(f"「{department}」不是{project.city}的责任部门")
    if report_entry is not None and report_entry.project_id != project.pk:
        raise SupervisionError("月报明细与项目不符")
    if deadline is None:
        deadline = deadline_for(raised_on, rules_for(project.city).days_for(problem_type))
    if deadline < raised_on:
        raise SupervisionError("办理时限不能早于交办日期")
    if fault := bounds.horizon_fault(deadline, raised_on, "办理时限"):
        raise SupervisionError(fault)
    text = _required(text, "问题描述")
    locked(project)  # a double click raises the problem once (checked just below)
    twin = Problem.objects.filter(
        project=project, department=department, text=text, status=Status.OPEN
    ).first()
    if twin is not None:
        raise SupervisionError(
            f"该问题已于{chinese_date(twin.raised_on)}交{department}办理，请勿重复交办"
        )
    problem = Problem.objects.create(
        project=project,
        problem_type=problem_type,
        text=text,
        department=department,
        deadline=deadline,
        source=source,
        raised_by=user,
        raised_on=raised_on,
        report_entry=report_entry,
        meeting=meeting,
    )
    _record(
        problem,
        Action.RAISE,
        user=user,
        on=raised_on,
        note=f"交{department}办理，时限{chinese_date(deadline)}",
    )
    return problem


@transaction.atomic
def answer(
    problem: Problem,
    *,
    user: User,
    note: str,
    solved: bool,
    today: date | None = None,
    seen_step: int | None = None,
) -> ProblemStep:
    """The department reports what it did, and may mark the problem solved."""
    today = today or clock.today()
    _lock(problem, seen_step=seen_step)
    if problem.status != Status.OPEN:
        raise SupervisionError(f"该问题{problem.get_status_display()}，不能再报送办理情况")
    note = _required(note, "办理情况")
    if solved:
        problem.status, problem.solved_on = Status.SOLVED, today
        problem.save(update_fields=["status", "solved_on"])
    return _record(
        problem, Action.SOLVE if solved else Action.ANSWER, user=user, on=today, note=note
    )


@transaction.atomic
def confirm(problem: Problem, *, user: User, note: str = "", today: date | None = None) -> None:
    today = today or clock.today()
    _lock(problem)
    if problem.status != Status.SOLVED:
        raise SupervisionError("责任部门尚未办结，不能确认")
    note = _bounded(note, "确认意见")
    problem.status, problem.confirmed_on = Status.CONFIRMED, today
    problem.save(update_fields=["status", "confirmed_on"])
    _record(problem, Action.CONFIRM, user=user, on=today, note=note)


@transaction.atomic
def reopen(problem: Problem, *, user: User, reason: str, today: date | None = None) -> None:
    """Back to the department: the problem is not solved; it keeps its deadline and level."""
    today = today or clock.today()
    _lock(problem)
    if problem.status != Status.SOLVED:
        raise SupervisionError("只有责任部门已办结、待确认的问题可以重新交办")
    reason = _required(reason, "重新交办的原因")
    problem.status, problem.solved_on = Status.OPEN, None
    problem.save(update_fields=["status", "solved_on"])
    _record(problem, Action.REOPEN, user=user, on=today, note=reason)


def escalate_overdue(city: Region, *, today: date) -> list[ProblemStep]:
    """Bring every open overdue problem of the city up to the level its dates call for, one
    recorded step per level climbed, dated the day that level fell due (or the problem's last
    step, if later). Running it again on the same day changes nothing; two runs at once climb
    each problem once."""
    period = rules_for(city).escalation_days
    behind = Q()
    for level in range(TOP_LEVEL):
        # Due for the next level once more than `level` periods have passed the deadline.
        climbs = Q(level=level, deadline__lt=today - timedelta(days=level * period))
        if level + 1 > TOP_LEVEL_WITHOUT_LEADER:
            climbs &= Q(project__leader__isnull=False)
        behind |= climbs
    candidates = Problem.objects.filter(behind, project__city=city, status=Status.OPEN)
    steps = []
    for problem in candidates.select_related("project").order_by("pk"):
        target = due_level(
            problem.deadline, today, period, has_leader=problem.project.leader_id is not None
        )
        with transaction.atomic():
            climbed = Problem.objects.filter(
                pk=problem.pk, level=problem.level, status=Status.OPEN
            ).update(level=target)
            if not climbed:
                continue  # another run has just climbed it, or it was solved meanwhile
            # Steps stay in order: a reopened problem climbs from the day it was reopened.
            latest = problem.steps.aggregate(latest=Max("on"))["latest"]
            for level in range(problem.level + 1, target + 1):
                problem.level = level
                on = max(level_due_on(problem.deadline, level, period), latest or problem.raised_on)
                note = f"逾期{days_overdue(problem.deadline, on)}天，升级至{Level(level).label}督办"
                steps.append(_record(problem, Action.ESCALATE, user=None, on=on, note=note))
    return steps


ORDER_DAYS = 7  # an order's deadline when none is given and the problem's has passed


def order_deadline(problem_deadline: date, issued_on: date, deadline: date | None) -> date:
    """The deadline an order states: the one given, else the problem's while it is still
    ahead, else a week from the order's date. Never before the order's date."""
    if deadline is None:
        ahead = problem_deadline >= issued_on
        deadline = problem_deadline if ahead else issued_on + timedelta(days=ORDER_DAYS)
    if deadline < issued_on:
        raise SupervisionError(f"办结时限不得早于督办单日期{chinese_date(issued_on)}")
    return deadline


@transaction.atomic
def issue_order(
    problem: Problem,
    *,
    user: User,
    requirements: str,
    deadline: date | None = None,
    today: date | None = None,
    seen_step: int | None = None,
) -> SupervisionOrder:
    """A numbered supervision order (督办单) for the problem, the next number of the year,
    with its own deadline (`order_deadline`), kept as issued (`guanmo.documents`)."""
    today = today or clock.today()
    _lock(problem, seen_step=seen_step)
    if problem.status == Status.CONFIRMED:
        raise SupervisionError("该问题已解决，无需督办")
    due = order_deadline(problem.deadline, today, deadline)
    # The city's row is held while the next number is taken, so two orders issued at the same
    # instant are numbered one after the other instead of clashing on the unique number.
    city = locked(Region(pk=problem.project.city_id))
    taken = SupervisionOrder.objects.filter(city=city, year=today.year)
    sequence = (taken.aggregate(last=Max("sequence"))["last"] or 0) + 1
    order = SupervisionOrder.objects.create(
        problem=problem,
        city=city,
        year=today.year,
        sequence=sequence,
        requirements=_required(requirements, "督办要求"),
        issued_by=user,
        issued_on=today,
        deadline=due,
    )
    department = problem.department.name
    issue_document(
        city,
        kind=Kind.SUPERVISION_ORDER,
        subject=f"order-{order.pk}",
        title=f"{order_title(order)}（{order.number}）",
        dated=today,
        user=user,
        county=problem.project.county,
        sequence=sequence,
        addressee=department,
        build=lambda head: order_docx(order, head),
    )
    _record(
        problem, Action.ORDER, user=user, on=today, note=f"{order.number}：{order.requirements}"
    )
    return order


@transaction.atomic
def instruct(
    problem: Problem,
    *,
    user: User,
    instruction: str,
    today: date | None = None,
    seen_step: int | None = None,
) -> ProblemStep:
    """The leader in charge's instruction (领导批示) on a problem not yet solved, kept as a step
    at the problem's present level."""
    today = today or clock.today()
    _lock(problem, seen_step=seen_step)
    if problem.status == Status.CONFIRMED:
        raise SupervisionError("该问题已解决，无需批示")
    return _record(
        problem, Action.INSTRUCT, user=user, on=today, note=_required(instruction, "批示内容")
    )


def record_meeting(
    city: Region,
    *,
    held_on: date,
    topic: str,
    chair: User,
    attendees: str,
    user: User,
    submission: uuid.UUID | None = None,
) -> Meeting:
    """`submission` is the form's id (see guanmo.locking.once), unique among meetings."""
    return Meeting.objects.create(
        city=city,
        held_on=held_on,
        topic=_required(topic, "会议议题"),
        chair=chair,
        attendees=_bounded(attendees, "参会人员"),
        recorded_by=user,
        submission=submission,
    )


def add_decision(
    meeting: Meeting,
    project: Project,
    *,
    problem_type: str,
    text: str,
    department: Department,
    deadline: date | None,
    user: User,
) -> Problem:
    """A meeting's decision becomes a problem assigned on the day of the meeting."""
    if project.city_id != meeting.city_id:
        raise SupervisionError(f"「{project}」不是本市的项目")
    return raise_problem(
        project,
        problem_type=problem_type,
        text=text,
        department=department,
        user=user,
        source=Problem.Source.MEETING,
        raised_on=meeting.held_on,
        deadline=deadline,
        meeting=meeting,
    )
