"""The parks' own figures (园区主要指标): the period's figures of the parks in the user's scope
with the leading share against its target and the ranks among the city's parks, and a park's
page where the city office, or the park's own office, enters them (Scope.enters_for)."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms.models import model_to_dict
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from guanmo import clock
from guanmo.accounts.scope import Scope
from guanmo.attraction.forms import ParkFiguresForm, chosen_period
from guanmo.attraction.funnel import Period
from guanmo.attraction.land import idle_parcels, is_supplied_by
from guanmo.attraction.models import ParkFigures
from guanmo.attraction.park_services import PARK_FIGURE_FIELDS, save_park_figures
from guanmo.attraction.parks import LEADING_SHARE_TARGET, standings
from guanmo.attraction.phases import first_phase_only
from guanmo.attraction.sections import Section, land_section
from guanmo.attraction.selectors import parcels_of, park_facts, park_lands, parks_of
from guanmo.documents.official import chinese_date
from guanmo.regions.models import Region
from guanmo.reporting.history import Source


def _parks(scope: Scope) -> list[Region]:
    """The city's parks (selectors.parks_of, a county's included) whose figures he reads: all
    for those who see the city's totals, a park's office its own, a county's office the parks
    added under its county (tryout 32: 404 for 武陟县); 404 for anyone else."""
    mine = scope.county.pk if scope.county is not None else None
    parks = [
        park
        for park in parks_of(scope.city)
        if scope.sees_city_totals or mine in (park.pk, park.parent_id)
    ]
    if not parks:
        raise Http404("没有这个页面")
    return parks


def park_list(request: HttpRequest) -> HttpResponse:
    scope: Scope = request.scope
    parks = _parks(scope)
    form, year, month = chosen_period(scope.city, request.GET.dict())
    # Ranks are among all the city's parks; each user sees the rows of his own.
    every = park_facts(scope.city, year, month)
    ranked = {
        facts.name: (facts, standing)
        for facts, standing in zip(every, standings(every), strict=True)
    }
    rows = [(park, *ranked.get(park.name, (None, None))) for park in parks]
    land = parks_land_section(scope.city, parks, min(Period(year, month).end, clock.today()))
    return render(
        request,
        "attraction/parks.html",
        {
            "form": form,
            "year": year,
            "month": month,
            "rows": [(*row, scope.enters_for(row[0])) for row in rows],
            "default_target": LEADING_SHARE_TARGET,
            "land": land,
        },
    )


def parks_land_section(city: Region, parks: list[Region], day: date) -> Section:
    """The parks' land on `day` (selectors.park_lands), what the totals cover (the parcels
    registered in each park and supplied by then), the idle parcels and the projects whose
    first phase was built with no second (attraction.phases)."""
    names = {park.name for park in parks}
    parcels = [p for p in parcels_of(city) if names & set(p.units)]
    lands = park_lands(city, day)
    supplied = {
        park.name: sum(1 for p in parcels if park.name in p.units and is_supplied_by(p, day))
        for park in parks
    }
    counted = "、".join(f"{name}{count}宗" for name, count in supplied.items())
    base = f"截至{chinese_date(day)}登记在各园区的已供地块合计（{counted}），不含园区外的地块"
    notes = [idle.text for idle in idle_parcels(parcels, day)]
    notes += [gap.text for gap in first_phase_only(parcels, day)]
    return land_section([(park.name, lands[park.name]) for park in parks], day, notes, base)


def park_figures(request: HttpRequest, pk: int, year: int, month: int) -> HttpResponse:
    scope: Scope = request.scope
    parks = {p.pk: p for p in _parks(scope)}
    park = parks.get(pk)
    if park is None or not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise Http404("没有这个园区")
    if not scope.enters_for(park):
        raise PermissionDenied("只有市项目办和本园区可以填写")
    stored = ParkFigures.objects.filter(park=park, year=year, month=month).first()
    initial = model_to_dict(stored, fields=PARK_FIGURE_FIELDS) if stored else {}
    form = ParkFiguresForm(initial=initial)
    if request.method == "POST":
        form = ParkFiguresForm(request.POST, initial=initial)
        if form.is_valid():
            with transaction.atomic():
                saved = save_park_figures(
                    park,
                    year,
                    month,
                    form.cleaned_data,
                    source=Source.PARK,
                    user=request.user,
                    reason=form.cleaned_data["reason"].strip(),
                    cleared=form.cleared,
                )
            for note in saved.notes:
                messages.warning(request, note)
            if saved.created:
                messages.success(request, f"已保存{park.name}{year}年1—{month}月主要指标")
            elif saved.changes:
                messages.success(request, f"已修改{saved.changes}项，已记入修改记录")
            else:
                messages.info(request, "没有改动")
            return redirect("attraction_park_figures", pk=park.pk, year=year, month=month)
    return render(
        request,
        "attraction/park_figures.html",
        {
            "park": park,
            "year": year,
            "month": month,
            "form": form,
            "stored": stored,
            "changes": stored.changes.select_related("user")[:50] if stored else [],
            # The city's imports' records are the city office's to read (reporting.views).
            "reads_imports": scope.is_city_office,
        },
    )
