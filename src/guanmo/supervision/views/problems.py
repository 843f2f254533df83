"""Problem pages: the list, a department's queue, raising a problem, a problem with its steps,
and the actions on it (the department's answer, confirm, reopen, supervision order, the
leader's instruction).

Overdue problems are escalated as each page loads (the same idempotent service the daily
command runs), so that what a page shows is never behind the calendar."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from guanmo import clock
from guanmo.accounts.scope import Scope
from guanmo.documents.models import Kind
from guanmo.documents.official import chinese_date
from guanmo.documents.services import issued, letterhead, office_for
from guanmo.documents.views import document_response, file_response
from guanmo.reporting.models import ReportEntry
from guanmo.supervision import services
from guanmo.supervision.deadlines import days_overdue
from guanmo.supervision.forms import (
    AnswerForm,
    ConfirmForm,
    InstructionForm,
    OrderForm,
    ProblemFilterForm,
    ProblemForm,
    ReasonForm,
)
from guanmo.supervision.models import Problem, SupervisionOrder
from guanmo.supervision.order_document import order_docx, order_filename
from guanmo.supervision.permissions import (
    RAISING_ROLES,
    may_answer,
    may_confirm,
    may_direct,
    may_instruct,
    may_raise,
)
from guanmo.supervision.selectors import (
    escalated_to,
    overdue_first,
    problem_for,
    problems_for,
    rules_for,
    with_instructions,
)

PAGE_SIZE = 50


def _today_escalated(scope: Scope):
    today = clock.today()
    services.escalate_overdue(scope.city, today=today)
    return today


def _pk(value: str | None) -> int | None:
    if not value:
        return None
    if not value.isdigit():
        raise Http404("编号有误")
    return int(value)


def problem_list(request: HttpRequest) -> HttpResponse:
    scope: Scope = request.scope
    today = _today_escalated(scope)
    form = ProblemFilterForm(request.GET or None, city=scope.city, units=scope.units())
    problems = overdue_first(form.filter(problems_for(scope), today), today)
    page = Paginator(problems, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "supervision/problem_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "today": today,
            "escalated": overdue_first(escalated_to(scope), today),
            "may_raise": may_raise(scope),
            "is_department": scope.department is not None,
        },
    )


def department_queue(request: HttpRequest) -> HttpResponse:
    """A department's work: its open problems (overdue first), those awaiting confirmation,
    and the latest solved."""
    scope: Scope = request.scope
    if scope.department is None:
        raise Http404("只有责任部门有待办问题")
    today = _today_escalated(scope)
    problems = with_instructions(problems_for(scope))
    return render(
        request,
        "supervision/department_queue.html",
        {
            "department": scope.department,
            "today": today,
            "open": overdue_first(problems.filter(status=Problem.Status.OPEN), today),
            "awaiting": problems.filter(status=Problem.Status.SOLVED).order_by("solved_on"),
            "solved": problems.filter(status=Problem.Status.CONFIRMED).order_by(
                "-confirmed_on", "-pk"
            )[:20],
        },
    )


def problem_new(request: HttpRequest) -> HttpResponse:
    """Raise a problem: by hand, for a project (`?project=`), or from a report entry's
    存在问题 (`?entry=`), which stays linked to it."""
    scope: Scope = request.scope
    if not may_raise(scope):
        raise PermissionDenied("无权交办问题")
    entry, initial = None, {}
    entry_pk = _pk(request.GET.get("entry") or request.POST.get("entry"))
    if entry_pk is not None:
        entries = ReportEntry.objects.filter(project__in=scope.projects())
        entry = get_object_or_404(entries.select_related("report__period"), pk=entry_pk)
        if not entry.states_problem:
            raise Http404(f"该项目{entry.report.period}月报的“存在问题”未填写问题，无可交办")
        initial = {"project": entry.project_id, "text": entry.problems}
    elif (project_pk := _pk(request.GET.get("project"))) is not None:
        initial = {"project": scope.project(project_pk).pk}
    form = ProblemForm(
        request.POST or None, initial=initial, projects=scope.projects(), city=scope.city
    )
    if request.method == "POST" and form.is_valid():
        try:
            problem = services.raise_problem(
                form.cleaned_data["project"],
                **form.assignment(),
                user=request.user,
                source=Problem.Source.REPORT if entry else RAISING_ROLES[scope.role],
                report_entry=entry,
            )
        except services.SupervisionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                f"问题已交{problem.department}办理，时限{chinese_date(problem.deadline)}",
            )
            return redirect("problem_detail", problem.pk)
    rules = rules_for(scope.city)
    return render(
        request,
        "supervision/problem_new.html",
        {
            "form": form,
            "entry": entry,
            "default_days": [
                (label, rules.days_for(value))
                for value, label in form.fields["problem_type"].choices
            ],
        },
    )


def problem_detail(request: HttpRequest, pk: int) -> HttpResponse:
    scope: Scope = request.scope
    today = _today_escalated(scope)
    problem = problem_for(scope, pk)
    is_open = problem.status == Problem.Status.OPEN
    awaiting = problem.status == Problem.Status.SOLVED
    unsolved = problem.status != Problem.Status.CONFIRMED
    return render(
        request,
        "supervision/problem_detail.html",
        {
            "problem": problem,
            "today": today,
            "days_overdue": days_overdue(problem.deadline, today) if is_open else 0,
            "steps": problem.steps.select_related("user"),
            "seen_step": problem.steps.order_by("-pk").values_list("pk", flat=True).first(),
            "orders": problem.orders.select_related("city"),
            "answer_form": AnswerForm() if is_open and may_answer(scope, problem) else None,
            "confirm_form": ConfirmForm() if awaiting and may_confirm(scope, problem) else None,
            "reopen_form": ReasonForm() if awaiting and may_confirm(scope, problem) else None,
            "order_form": OrderForm() if may_direct(scope) and unsolved else None,
            "instruction_form": (
                InstructionForm() if may_instruct(scope, problem) and unsolved else None
            ),
        },
    )


def _seen_step(request: HttpRequest) -> int | None:
    """The last step on the sender's page (the forms' hidden `seen_step`), if sent."""
    value = request.POST.get("seen_step", "")
    return int(value) if value.isdigit() and len(value) <= 18 else None


def _acting_on(request: HttpRequest, pk: int, allowed, refusal: str) -> Problem:
    """The problem if he may see it (else 404) and may take this action on it (else 403)."""
    scope: Scope = request.scope
    problem = problem_for(scope, pk)
    if not allowed(scope, problem):
        raise PermissionDenied(refusal)
    return problem


def _done(request: HttpRequest, problem: Problem, action, success: str) -> HttpResponse:
    try:
        action()
    except services.SupervisionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return redirect("problem_detail", problem.pk)


@require_POST
def problem_answer(request: HttpRequest, pk: int) -> HttpResponse:
    problem = _acting_on(request, pk, may_answer, "只有责任部门可以报送办理情况")
    form = AnswerForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, "；".join(errors))
        return redirect("problem_detail", problem.pk)
    solved = form.cleaned_data["solved"]
    return _done(
        request,
        problem,
        lambda: services.answer(
            problem,
            user=request.user,
            note=form.cleaned_data["note"],
            solved=solved,
            seen_step=_seen_step(request),
        ),
        "已办结，待交办方确认" if solved else "办理情况已报送",
    )


@require_POST
def problem_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    problem = _acting_on(request, pk, may_confirm, "只有交办人或市项目办可以确认")
    note = request.POST.get("note", "")
    return _done(
        request,
        problem,
        lambda: services.confirm(problem, user=request.user, note=note),
        "已确认问题解决",
    )


@require_POST
def problem_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    problem = _acting_on(request, pk, may_confirm, "只有交办人或市项目办可以重新交办")
    reason = request.POST.get("reason", "")
    return _done(
        request,
        problem,
        lambda: services.reopen(problem, user=request.user, reason=reason),
        f"已退回{problem.department}重新办理",
    )


@require_POST
def order_new(request: HttpRequest, pk: int) -> HttpResponse:
    problem = _acting_on(
        request, pk, lambda scope, _: may_direct(scope), "只有市项目办可以下发督办单"
    )
    requirements = request.POST.get("requirements", "")
    try:
        deadline = (
            date.fromisoformat(request.POST["deadline"]) if request.POST.get("deadline") else None
        )
    except ValueError:
        messages.error(request, "办结时限格式不正确")
        return redirect("problem_detail", problem.pk)
    return _done(
        request,
        problem,
        lambda: services.issue_order(
            problem,
            user=request.user,
            requirements=requirements,
            deadline=deadline,
            seen_step=_seen_step(request),
        ),
        "督办单已下发，可下载打印",
    )


@require_POST
def problem_instruct(request: HttpRequest, pk: int) -> HttpResponse:
    problem = _acting_on(request, pk, may_instruct, "只有该项目的包抓领导可以批示")
    instruction = request.POST.get("instruction", "")
    return _done(
        request,
        problem,
        lambda: services.instruct(
            problem, user=request.user, instruction=instruction, seen_step=_seen_step(request)
        ),
        f"批示已送{problem.department}办理",
    )


def order_file(request: HttpRequest, pk: int, extension: str = "docx") -> HttpResponse:
    """A supervision order as issued (.docx, or PDF), for anyone who may see its problem."""
    orders = SupervisionOrder.objects.filter(problem__in=problems_for(request.scope))
    order = get_object_or_404(orders.select_related("city"), pk=pk)
    if extension not in ("docx", "pdf"):
        raise Http404("不支持的格式")
    document = issued(order.city, Kind.SUPERVISION_ORDER, f"order-{order.pk}")
    if document is not None:
        return document_response(document, extension)
    # An order issued before documents were kept: made again from its own number and date.
    order = SupervisionOrder.objects.select_related(
        "city", "problem__project__county", "problem__department"
    ).get(pk=order.pk)
    head = letterhead(
        office_for(order.city),
        number=order.number,
        dated=order.issued_on,
        addressee=order.problem.department.name,
    )
    return file_response(order_docx(order, head), extension, order_filename(order))
