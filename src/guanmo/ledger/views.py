"""Project pages: the list (filters, search, sort, paging, Excel), a project, its edit, the map."""

import io
import json
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from openpyxl import Workbook

from guanmo import clock
from guanmo.accounts.scope import Scope
from guanmo.attraction.selectors import project_land, project_lead
from guanmo.documents.xlsx import MONEY_FORMAT, RATE_FORMAT, Column, write_table
from guanmo.figures import formatting
from guanmo.figures.breakdown import Breakdown
from guanmo.ledger.curve import standing_by_curve
from guanmo.ledger.filters import ProjectFilterForm
from guanmo.ledger.forms import ProjectEditForm
from guanmo.ledger.milestones import life_line, work_before_start_note
from guanmo.ledger.models import CompletedBeforeYear, MilestoneKind, MonthlyProgress, Project
from guanmo.ledger.services.curves import curves_for, shape_for
from guanmo.ledger.services.editing import EditRefused, update_project
from guanmo.ledger.services.milestones import milestones_by_project
from guanmo.ledger.year_end import previous_year_ends
from guanmo.progress.selectors import key_projects
from guanmo.progress.status import ProjectStatus, current_month, figures_month, project_statuses
from guanmo.regions.geo import feature_collection, project_point
from guanmo.reporting.models import ReportEntry
from guanmo.supervision.permissions import may_raise
from guanmo.supervision.selectors import overdue_first, problems_for
from guanmo.supervision.services import escalate_overdue

PAGE_SIZE = 50
GEO_DIR = Path(__file__).resolve().parent.parent / "regions" / "data" / "geo"


def _as_seen(scope: Scope, statuses: list[ProjectStatus]) -> list[ProjectStatus]:
    """The statuses with each county as he is shown it: 牵头：温县 for a project his county
    office reads but another county leads."""
    return [
        replace(status, county=scope.lead_mark(status.county_id, status.county))
        for status in statuses
    ]


def _filtered(request: HttpRequest) -> tuple[ProjectFilterForm, list[ProjectStatus], object]:
    scope: Scope = request.scope
    when = figures_month(scope.city)
    readable = scope.readable_projects().values("pk")
    projects = key_projects(scope.city, when.year).filter(pk__in=readable)
    form = ProjectFilterForm(request.GET or None, projects=projects, units=scope.units())
    filtered = form.filter_projects(projects, when.year, when.month)
    statuses = _as_seen(scope, project_statuses(filtered, scope.city, when))
    if request.GET.get("reported") == "0":
        statuses = [status for status in statuses if status.unreported]
    return form, form.filter_statuses(statuses), when


def project_list(request: HttpRequest) -> HttpResponse:
    form, statuses, when = _filtered(request)
    page = Paginator(statuses, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "ledger/project_list.html",
        {
            "form": form,
            "page": page,
            "when": when,
            "query": query.urlencode(),
            "may_import": request.scope.is_city_office,
        },
    )


def project_export(request: HttpRequest) -> FileResponse:
    """The filtered list as an Excel sheet, in the shape the ledger's sheets have."""
    _, statuses, when = _filtered(request)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "重点项目"
    write_table(
        sheet,
        title=f"{when.year}年{when.month}月重点项目进展情况",
        units="单位：万元",
        columns=[
            Column("序号", 6),
            Column("县区", 12),
            Column("项目名称", 36, wrap=True),
            Column("建设性质", 8),
            Column("产业类别", 12),
            Column("年度计划投资（万元）", 14, MONEY_FORMAT),
            Column("累计完成投资（万元）", 14, MONEY_FORMAT),
            Column("完成率", 10, RATE_FORMAT),
            Column("预警", 30, wrap=True),
        ],
        rows=(
            [
                number,
                status.county,
                status.name,
                status.stage,
                status.industry,
                status.annual_plan,
                status.completed,
                status.completion_rate,
                "；".join(warning.message for warning in status.warnings),
            ]
            for number, status in enumerate(statuses, start=1)
        ),
        freeze_columns=3,
    )
    output = io.BytesIO()
    workbook.save(output)
    output.seek(0)
    return FileResponse(
        output, as_attachment=True, filename=f"重点项目{when.year}年{when.month}月.xlsx"
    )


def _first_worked(project: Project) -> date | None:
    """The first day of the first month the project reported investment, None if never."""
    first = (
        project.monthly_progress.filter(completed_this_month__gt=0)
        .order_by("year", "month")
        .values_list("year", "month")
        .first()
    )
    return date(first[0], first[1], 1) if first else None


def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    scope: Scope = request.scope
    if not scope.readable_projects().filter(pk=pk).exists():
        return _project_facts(request, pk)
    project = scope.readable_project(pk)
    when = figures_month(scope.city)
    today = clock.today()
    # As the problem pages do: the levels listed below are never a day behind the calendar.
    escalate_overdue(scope.city, today=today)
    status = project_statuses(scope.readable_projects().filter(pk=pk), scope.city, when)[0]
    history = list(
        project.monthly_progress.filter(year=when.year, month__lte=when.month).order_by("month")
    )
    chart = {
        "months": [f"{each.month}月" for each in history],
        "this_month": [str(each.completed_this_month) for each in history],
        "cumulative": [str(each.cumulative_completed) for each in history],
    }
    open_entry = (
        ReportEntry.objects.filter(project=project, report__period__closed_at__isnull=True)
        .select_related("report__period")
        .order_by("-report__period__year", "-report__period__month")
        .first()
    )
    shape = shape_for(scope.city, when.year)
    curve = curves_for([project.pk], when.year, shape)[project.pk]
    curve_rows = _curve_rows(curve, history)
    milestones = milestones_by_project([project.pk])[project.pk]
    return render(
        request,
        "ledger/project_detail.html",
        {
            "project": project,
            "status": status,
            "life_line": life_line(milestones, today),
            "start_note": work_before_start_note(
                milestones.get(MilestoneKind.STARTED), _first_worked(project)
            ),
            "land": project_land(project.pk, today),
            "attraction": project_lead(project.pk),
            "curve": curve,
            "curve_rows": curve_rows,
            "curve_chart": _curve_chart(curve_rows),
            "curve_label": "项目自定"
            if project.monthly_plans.filter(year=when.year).exists()
            else shape.label,
            "standing": standing_by_curve(
                status.completed,
                status.annual_plan,
                curve.node(when.month) if curve else None,
                when.month,
            ),
            "removals": project.key_lists.filter(removed_on__isnull=False),
            "may_plan": scope.is_city_office
            or (scope.county is not None and scope.projects().filter(pk=pk).exists()),
            "when": when,
            "history": history,
            "plans": project.annual_plans.order_by("-year"),
            "previous_year_end": previous_year_ends(
                Project.objects.filter(pk=project.pk), when.year
            ).get(project.pk),
            "changes": project.changes.select_related("user")[:200],
            "chart": chart,
            "may_edit": scope.is_city_office,
            "lead_note": _lead_note(scope, project),
            "note_entry": open_entry if project.commissioner_id == request.user.pk else None,
            "problems": overdue_first(problems_for(scope).filter(project=project), today),
            "may_raise_problem": may_raise(scope),
            "today": today,
        },
    )


def _curve_rows(curve: Breakdown | None, history: list[MonthlyProgress]) -> list[dict]:
    """The year's months with the curve's plan, its cumulative and what was completed."""
    if curve is None:
        return []
    done = {each.month: each.cumulative_completed for each in history}
    return [
        {
            "month": month,
            "planned": curve.months[month - 1],
            "due": curve.node(month),
            "completed": done.get(month),
        }
        for month in range(1, 13)
    ]


def _curve_chart(rows: list[dict]) -> dict[str, list]:
    """The curve table's columns for its chart, as the table shows them (万元 to the cent, half
    up, as strings; null for a month not yet completed)."""

    def cents(amount: Decimal | None) -> str | None:
        return (
            None
            if amount is None
            else str(formatting.half_up(amount, formatting.TABLE_MONEY_PLACES))
        )

    return {
        "months": [f"{row['month']}月" for row in rows],
        "planned": [cents(row["planned"]) for row in rows],
        "due": [cents(row["due"]) for row in rows],
        "completed": [cents(row["completed"]) for row in rows],
    }


def _lead_note(scope: Scope, project: Project) -> str:
    """What a county office reading a project another county leads is told of it."""
    lead = project.county.name
    mark = scope.lead_mark(project.county_id, lead)
    if mark == lead:
        return ""
    return f"{mark}。本项目由{lead}填报进度、计入{lead}排名，{scope.county.name}可查看。"


def _project_facts(request: HttpRequest, pk: int) -> HttpResponse:
    """A project outside his projects whose basic facts he may still read (a department's,
    for the problems assigned to it): the facts and those problems, no figures."""
    scope: Scope = request.scope
    project = scope.project_facts(pk)
    today = clock.today()
    return render(
        request,
        "ledger/project_facts.html",
        {
            "project": project,
            "problems": overdue_first(problems_for(scope).filter(project=project), today),
            "today": today,
        },
    )


def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    scope: Scope = request.scope
    project = scope.project(pk)
    if not scope.is_city_office:
        raise PermissionDenied("只有市项目办可以修改台账")
    year = current_month(scope.city).year
    plan = project.annual_plans.filter(year=year).first()
    before = CompletedBeforeYear.objects.filter(project=project, year=year).first()
    form = ProjectEditForm(
        request.POST or None,
        instance=project,
        city=scope.city,
        initial={
            "annual_plan": plan.planned_investment if plan else None,
            "previous_year_end": before.completed if before else None,
        },
    )
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        project.refresh_from_db()  # the form wrote its values onto the instance
        try:
            changed = update_project(
                project,
                values,
                year=year,
                annual_plan=form.cleaned_data["annual_plan"],
                previous_year_end=form.cleaned_data["previous_year_end"],
                user=request.user,
                reason=form.cleaned_data["reason"],
            )
        except EditRefused as error:
            form.add_error("reason", str(error))
        else:
            messages.success(request, f"台账已修改，{changed}项变化已记入修改记录")
            return redirect("project_detail", project.pk)
    return render(
        request, "ledger/project_edit.html", {"project": project, "form": form, "year": year}
    )


def project_map(request: HttpRequest) -> HttpResponse:
    scope: Scope = request.scope
    return render(
        request,
        "ledger/project_map.html",
        # The parcels' layer for those who see a unit's land (attraction.parcel_map).
        {"city": scope.city, "when": figures_month(scope.city), "parcels": bool(scope.units())},
    )


def map_points(request: HttpRequest) -> JsonResponse:
    """The user's key projects with a position, as GeoJSON points with their warning level."""
    scope: Scope = request.scope
    when = figures_month(scope.city)
    # the projects on the list in the month: not one entering it later (ledger.due)
    projects = (
        key_projects(scope.city, when.year, month=when.month)
        .due_to_report(when.year, when.month)
        .filter(
            pk__in=scope.readable_projects().values("pk"),
            latitude__isnull=False,
            longitude__isnull=False,
        )
    )
    return feature_collection(
        [
            project_point(
                status.latitude,
                status.longitude,
                name=status.name,
                county=status.county,
                level=status.level.value if status.level else "",
                rate=formatting.rate(status.completion_rate),
                url=reverse("project_detail", args=[status.pk]),
            )
            for status in _as_seen(scope, project_statuses(projects, scope.city, when))
        ]
    )


def county_shapes(request: HttpRequest) -> HttpResponse:
    """The city's county boundaries shipped with the app (offline GeoJSON, one feature per
    county with its GB/T 2260 `code` and `name`). A county office gets its own county only:
    no page shows him another county."""
    scope: Scope = request.scope
    path = GEO_DIR / f"{scope.city.code}.geojson"
    if not path.exists():
        raise Http404("没有本市的县区边界数据")
    if scope.county is None:
        return HttpResponse(path.read_bytes(), content_type="application/geo+json")
    shapes = json.loads(path.read_bytes())
    shapes["features"] = [
        feature
        for feature in shapes["features"]
        if feature["properties"].get("code") == scope.county.code
    ]
    body = json.dumps(shapes, ensure_ascii=False, separators=(",", ":"))
    return HttpResponse(body, content_type="application/geo+json")
