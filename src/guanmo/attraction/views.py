"""The funnel page (招商引资项目推进情况): the year's funnel to a month for the user's scope —
the city with every county and park for those who see the city's totals, his own county or
park for a county office — from the same `AttractionReport` as the command and the bulletin."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from guanmo import clock
from guanmo.accounts.scope import Scope
from guanmo.attraction.forms import PeriodForm
from guanmo.attraction.report import build_report, build_unit_report
from guanmo.attraction.stages import STAGES


def funnel_page(request: HttpRequest) -> HttpResponse:
    scope: Scope = request.scope
    units = scope.units()
    if not units:
        raise Http404("没有这个页面")
    today = clock.today()
    initial = {"year": today.year, "month": today.month}
    form = PeriodForm({**initial, **request.GET.dict()})
    chosen = form.cleaned_data if form.is_valid() else initial
    if scope.sees_city_totals:
        report = build_report(scope.city, chosen["year"], chosen["month"])
    else:
        report = build_unit_report(scope.city, units[0], chosen["year"], chosen["month"])
    whole = report.funnel[0][1]
    widest = max(whole.leads, whole.signed, 1)
    bars = [
        (stage.label, whole.count(stage), whole.count(stage) * 100 // widest) for stage in STAGES
    ]
    return render(
        request,
        "attraction/funnel.html",
        {"form": form, "report": report, "bars": bars, "whole": whole},
    )
