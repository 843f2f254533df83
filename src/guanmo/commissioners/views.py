"""Pages of the commissioners' logs: his projects, a project's log, a new visit from the phone,
a visit with its photos; for the dispatching units each commissioner's month. Photos are served
only here, after the viewer's scope is checked."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import cache_control

from guanmo import clock
from guanmo.accounts.models import Role
from guanmo.accounts.scope import Scope
from guanmo.commissioners import services
from guanmo.commissioners.forms import VisitForm
from guanmo.commissioners.models import Photo
from guanmo.commissioners.selectors import (
    commissioner_months,
    logged_project,
    project_rows,
    reads_logs,
    visible_photos,
    visible_visits,
)
from guanmo.ledger.models import Project
from guanmo.progress.status import month_from_query


def _require_reader(scope: Scope) -> None:
    if not reads_logs(scope):
        raise PermissionDenied("无权查看驻工地专员工作日志")


def _require_calendar_month(year: int, month: int) -> None:
    if not (1 <= year <= 9999 and 1 <= month <= 12):
        raise Http404("没有这个月份")


def _require_his_project(project: Project, request: HttpRequest) -> None:
    if project.commissioner_id != request.user.pk:
        raise PermissionDenied("只有本项目的驻工地专员可以填写走访记录")


def project_list(request: HttpRequest) -> HttpResponse:
    scope: Scope = request.scope
    _require_reader(scope)
    today = clock.today()
    return render(
        request,
        "commissioners/project_list.html",
        {"projects": project_rows(scope, today.year, today.month), "today": today},
    )


def project_log(request: HttpRequest, pk: int) -> HttpResponse:
    project = logged_project(request.scope, pk)
    visits = (
        project.visits.select_related("commissioner", "project")
        .prefetch_related("photos")
        .order_by("-visited_on", "-id")
    )
    return render(
        request,
        "commissioners/project_log.html",
        {
            "project": project,
            "visits": visits,
            "may_write": project.commissioner_id == request.user.pk,
        },
    )


def visit_new(request: HttpRequest, pk: int) -> HttpResponse:
    project = logged_project(request.scope, pk)
    _require_his_project(project, request)
    form = VisitForm(
        request.POST or None,
        request.FILES or None,
        initial={"visited_on": clock.today()},
    )
    if request.method == "POST" and form.is_valid():
        visit = services.record_visit(
            project,
            commissioner=request.user,
            visited_on=form.cleaned_data["visited_on"],
            seen=form.cleaned_data["seen"],
            done=form.cleaned_data["done"],
            photos=form.cleaned_data["photos"],
            submission=form.cleaned_data["submission"],
        )
        photos = list(visit.photos.select_related("visit__project"))
        flagged = [photo for photo in photos if photo.flags]
        messages.success(request, f"走访记录已保存，上传照片{len(photos)}张")
        if flagged:
            messages.warning(request, f"其中{len(flagged)}张照片的拍摄信息需核实，见下方标注")
        return redirect("visit_detail", visit.pk)
    return render(request, "commissioners/visit_form.html", {"project": project, "form": form})


def visit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    visits = visible_visits(request.scope).select_related(
        "project__county", "project__commissioner", "commissioner"
    )
    visit = get_object_or_404(visits.prefetch_related("photos"), pk=pk)
    return render(request, "commissioners/visit_detail.html", {"visit": visit})


@cache_control(private=True, max_age=3600)
def photo_file(request: HttpRequest, pk: int, kind: str) -> FileResponse:
    """A photo's original (downloaded under its own name, untouched) or a shrunk copy."""
    photo: Photo = get_object_or_404(visible_photos(request.scope), pk=pk)
    stored = {"original": photo.original, "thumbnail": photo.thumbnail}.get(kind, photo.picture)
    try:
        opened = stored.open("rb")
    except FileNotFoundError:  # the server stopped between the row's commit and its files
        raise Http404("照片文件缺失") from None
    if kind == "original":
        return FileResponse(opened, as_attachment=True, filename=photo.original_name)
    return FileResponse(opened, content_type="image/jpeg")


def month_overview(request: HttpRequest) -> HttpResponse:
    """The dispatching unit's view of every commissioner's month; a commissioner goes to his own."""
    scope: Scope = request.scope
    when = month_from_query(scope.city, request.GET)
    _require_calendar_month(when.year, when.month)
    if scope.role == Role.COMMISSIONER:
        return redirect("commissioner_month", when.year, when.month, request.user.pk)
    if not (scope.is_city_office or scope.county):
        raise PermissionDenied("只有市、县区项目办可以查看驻工地专员月度情况")
    months = commissioner_months(scope, when.year, when.month, today=clock.today())
    return render(request, "commissioners/month_overview.html", {"when": when, "months": months})


def commissioner_month(request: HttpRequest, year: int, month: int, pk: int) -> HttpResponse:
    scope: Scope = request.scope
    _require_calendar_month(year, month)
    today = clock.today()
    found = commissioner_months(scope, year, month, today=today, commissioner=pk)
    if not found:
        raise Http404("没有这位驻工地专员")
    return render(
        request, "commissioners/commissioner_month.html", {"month": found[0], "today": today}
    )
