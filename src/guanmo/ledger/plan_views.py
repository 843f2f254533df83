"""A project's milestones, its planned investment curve and its leaving a key list: the pages
that set them. The city office and the project's own county office (its lead county, as
`Scope.project` gives) set milestones and the curve; only the city office takes a project off
a key list."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from guanmo import clock
from guanmo.accounts.scope import Scope
from guanmo.ledger.forms import CurveForm, MilestoneForm, RemovalForm
from guanmo.ledger.models import AnnualPlan, MonthlyPlan, Project
from guanmo.ledger.services.curves import CurveRefused, curves_for, set_monthly_plan, shape_for
from guanmo.ledger.services.milestones import (
    MilestoneRefused,
    RemovalRefused,
    milestones_by_project,
    removal_closed_fault,
    remove_from_key_list,
    save_milestones,
)
from guanmo.progress.status import current_month


def _planning_project(scope: Scope, pk: int) -> Project:
    """A project whose milestones and curve he may set: 404 outside his projects, 403 for a
    leader or commissioner, who read them only."""
    project = scope.project(pk)
    if not (scope.is_city_office or scope.county is not None):
        raise PermissionDenied("只有市项目办和项目所在县区项目办可以填写项目节点和月度计划")
    return project


def project_milestones(request: HttpRequest, pk: int) -> HttpResponse:
    scope: Scope = request.scope
    project = _planning_project(scope, pk)
    stored = milestones_by_project([project.pk])[project.pk]
    form = MilestoneForm(request.POST if request.method == "POST" else None, stored=stored)
    if request.method == "POST" and form.is_valid():
        try:
            changed = save_milestones(
                project,
                form.given(),
                user=request.user,
                today=clock.today(),
                reason=form.cleaned_data["reason"].strip(),
            )
        except MilestoneRefused as refused:
            for message in refused.messages:
                form.add_error(None, message)
        else:
            messages.success(request, f"项目节点已保存，{changed}项变化已记入修改记录")
            return redirect("project_detail", project.pk)
    return render(request, "ledger/project_milestones.html", {"project": project, "form": form})


def project_curve(request: HttpRequest, pk: int) -> HttpResponse:
    scope: Scope = request.scope
    project = _planning_project(scope, pk)
    year = current_month(scope.city).year
    stored = dict(
        MonthlyPlan.objects.filter(project=project, year=year).values_list(
            "month", "planned_investment"
        )
    )
    form = CurveForm(request.POST if request.method == "POST" else None, stored=stored)
    if request.method == "POST" and form.is_valid():
        try:
            changed = set_monthly_plan(project, year, form.months(), user=request.user)
        except forms.ValidationError as error:
            form.add_error(None, error)
        except CurveRefused as refused:
            for message in refused.messages:
                form.add_error(None, message)
        else:
            messages.success(request, f"月度计划已保存，{changed}项变化已记入修改记录")
            return redirect("project_detail", project.pk)
    shape = shape_for(scope.city, year)
    plan = AnnualPlan.objects.filter(project=project, year=year).first()
    return render(
        request,
        "ledger/project_curve.html",
        {
            "project": project,
            "form": form,
            "year": year,
            "plan": plan,
            "shape": shape,
            "curve": curves_for([project.pk], year, shape)[project.pk],
        },
    )


def project_removal(request: HttpRequest, pk: int) -> HttpResponse:
    scope: Scope = request.scope
    project = scope.project(pk)
    if not scope.is_city_office:
        raise PermissionDenied("只有市项目办可以调出重点项目名录")
    entries = project.key_lists.filter(removed_on__isnull=True).order_by("-year", "level")
    form = RemovalForm(request.POST or None, entries=entries)
    if request.method == "POST" and form.is_valid():
        # A closed month's reports stay as closed (tryout 32): refused, never backdated.
        closed = removal_closed_fault(project.city, form.cleaned_data["removed_on"])
        if closed is not None:
            form.add_error("removed_on", closed)
    if request.method == "POST" and form.is_valid():
        try:
            remove_from_key_list(
                form.cleaned_data["entry"],
                on=form.cleaned_data["removed_on"],
                reason=form.cleaned_data["reason"],
                user=request.user,
                today=clock.today(),
            )
        except RemovalRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, "已调出重点项目名录，调出日期和原因已记入修改记录")
            return redirect("project_detail", project.pk)
    return render(request, "ledger/project_removal.html", {"project": project, "form": form})
