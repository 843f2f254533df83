"""Special coordination meetings (专题推进会): the list, recording one, and its decisions, each
of which becomes a problem with a department and a deadline."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from guanmo.accounts.scope import Scope
from guanmo.documents.official import chinese_date
from guanmo.locking import once
from guanmo.supervision import services
from guanmo.supervision.forms import MeetingForm, ProblemForm
from guanmo.supervision.models import Meeting
from guanmo.supervision.permissions import may_direct
from guanmo.supervision.selectors import meetings_for, problems_for


def _recorder(scope: Scope) -> None:
    if not may_direct(scope):
        raise PermissionDenied("只有市项目办可以记录专题推进会")


def _decision_form(scope: Scope, data=None) -> ProblemForm:
    return ProblemForm(data, projects=scope.projects(), city=scope.city, prefix="decision")


def meeting_list(request: HttpRequest) -> HttpResponse:
    scope: Scope = request.scope
    return render(
        request,
        "supervision/meeting_list.html",
        {"meetings": meetings_for(scope), "may_record": may_direct(scope)},
    )


def meeting_new(request: HttpRequest) -> HttpResponse:
    scope: Scope = request.scope
    _recorder(scope)
    form = MeetingForm(request.POST or None, city=scope.city)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting, made = once(
                Meeting,
                data["submission"],
                lambda: services.record_meeting(scope.city, user=request.user, **data),
            )
        except services.SupervisionError as error:
            form.add_error(None, str(error))
        else:
            if made:
                messages.success(request, "专题推进会已记录，请逐项录入会议议定事项")
            else:
                messages.info(request, "该表单已提交过，专题推进会已记录，未重复记录")
            return redirect("meeting_detail", meeting.pk)
    return render(request, "supervision/meeting_new.html", {"form": form})


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The meeting and those of its decisions he may see (all of them for the city office)."""
    scope: Scope = request.scope
    meeting = get_object_or_404(meetings_for(scope), pk=pk)
    form = _decision_form(scope) if may_direct(scope) else None
    return _detail(request, meeting, form)


def _detail(request: HttpRequest, meeting: Meeting, form: ProblemForm | None) -> HttpResponse:
    decisions = problems_for(request.scope).filter(meeting=meeting).order_by("pk")
    return render(
        request,
        "supervision/meeting_detail.html",
        {"meeting": meeting, "decisions": decisions, "decision_form": form},
    )


@require_POST
def decision_add(request: HttpRequest, pk: int) -> HttpResponse:
    scope: Scope = request.scope
    meeting: Meeting = get_object_or_404(meetings_for(scope), pk=pk)
    _recorder(scope)
    form = _decision_form(scope, request.POST)
    if form.is_valid():
        try:
            problem = services.add_decision(
                meeting, form.cleaned_data["project"], **form.assignment(), user=request.user
            )
        except services.SupervisionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                f"议定事项已交{problem.department}办理，时限{chinese_date(problem.deadline)}",
            )
            return redirect("meeting_detail", meeting.pk)
    return _detail(request, meeting, form)
