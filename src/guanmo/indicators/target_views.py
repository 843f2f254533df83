"""年度目标 page: the city office sets a year's targets of each region for an indicator (an
amount or a growth rate) and how each is broken down, kept through `services.set_targets` (all
or nothing, history in `TargetChange`); changing a target already set needs a reason, kept with
the change. Typed figures are read by `entry.read_target`, as the
web entry reads its figures."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from guanmo import clock
from guanmo.accounts.scope import Scope
from guanmo.indicators.choices import BREAKDOWN_GRAINS, Profile
from guanmo.indicators.entry import EntryFault, TypedTarget, read_target
from guanmo.indicators.models import Indicator, Target
from guanmo.indicators.services import (
    TargetInput,
    set_targets,
    target_fault,
    targets_changed,
)
from guanmo.regions.models import Region
from guanmo.regions.services import level_character, units_of
from guanmo.sheets.cells import format_wan

MONTHS = range(1, 13)


def _choice(request: HttpRequest, city: Region) -> tuple[int, Indicator | None]:
    """The year (?year=, else this year) and indicator (?indicator=, else the first)."""
    source = request.POST if request.method == "POST" else request.GET
    year = source.get("year", "")
    chosen = int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else clock.today().year
    indicators = Indicator.objects.filter(city=city)
    pk = source.get("indicator", "")
    if pk.isdigit():
        return chosen, get_object_or_404(indicators, pk=int(pk))
    return chosen, indicators.first()


def _stored(target: Target | None) -> TypedTarget | None:
    """A stored target as its inputs show it: exact figures, blank for none."""
    if target is None:
        return None
    return TypedTarget(
        target.region_id,
        amount="" if target.amount is None else format_wan(target.amount),
        growth="" if target.growth is None else format_wan(target.growth),
        profile=target.profile,
        months=tuple(format_wan(node.amount) for node in target.nodes.all()),
    )


def _typed(post, region: Region) -> TypedTarget | None:
    """The target typed for the region; None when its line was not on the form."""
    if f"a-{region.pk}" not in post and f"g-{region.pk}" not in post:
        return None
    return TypedTarget(
        region.pk,
        amount=post.get(f"a-{region.pk}", "").strip(),
        growth=post.get(f"g-{region.pk}", "").strip(),
        profile=post.get(f"p-{region.pk}", Profile.EQUAL),
        months=tuple(post.get(f"m{month}-{region.pk}", "").strip() for month in MONTHS),
    )


def _read(
    post, indicator: Indicator, regions: list[Region], stored: dict, year: int
) -> tuple[dict[int, TypedTarget], list[TargetInput], list[str]]:
    """Every line typed, the targets read from them, and every fault (in Chinese), the
    `year`'s own (按上年进度分解 without last year's months) among them: all named at once
    (tryout 29 item 5: the second showed only once the first was mended)."""
    typed, inputs, faults = {}, [], []
    for region in regions:
        line = _typed(post, region)
        if line is None:
            continue
        typed[region.pk] = line
        place = f"{region.name}·{indicator.name}"
        if line.blank:
            if region.pk in stored:
                faults.append(str(EntryFault(place, "目标数额", "已有目标，不能清空")))
            continue
        read, line_faults = read_target(line, indicator.kind, place)
        faults += [str(fault) for fault in line_faults]
        if read is not None:
            given = TargetInput(region, read.amount, read.growth, read.profile, read.months)
            faults += [fault] if (fault := target_fault(indicator, given, year)) else []
            inputs.append(given)
    return typed, inputs, faults


def _line(region: Region, typed: dict, stored: dict) -> dict:
    """A region's line as shown: what was typed, else what is stored, else blank."""
    shown = typed.get(region.pk) or _stored(stored.get(region.pk)) or TypedTarget(region.pk)
    months = shown.months or ("",) * len(MONTHS)
    return {"region": region, "shown": shown, "months": list(zip(MONTHS, months, strict=True))}


def target_form(request: HttpRequest) -> HttpResponse:
    """The year's targets of the city and its units for one indicator; only the city office."""
    scope: Scope = request.scope
    if not scope.is_city_office:
        raise PermissionDenied("只有市项目办可以设定年度目标")
    year, indicator = _choice(request, scope.city)
    regions = [scope.city, *units_of(scope.city)]
    stored = {}
    if indicator is not None:
        stored = {
            target.region_id: target
            for target in Target.objects.filter(indicator=indicator, year=year).prefetch_related(
                "nodes"
            )
        }
    typed, faults = {}, []
    reason = request.POST.get("reason", "").strip() if request.method == "POST" else ""
    if request.method == "POST" and indicator is not None:
        typed, inputs, faults = _read(request.POST, indicator, regions, stored, year)
        changed = targets_changed(indicator, year, inputs) if not faults else []
        if changed and not reason:
            named = "、".join(region.name for region in changed)
            faults = [f"修改已下达的目标须填写修改原因：{named}"]
        if not faults:
            try:
                kept = set_targets(indicator, year, inputs, user=request.user, reason=reason)
            except ValidationError as error:
                faults = error.messages
            else:
                messages.success(
                    request, f"{year}年{indicator.name}目标已保存，共{len(kept)}个地区"
                )
                return redirect(reverse("target_form") + f"?year={year}&indicator={indicator.pk}")
    return render(
        request,
        "indicators/target_form.html",
        {
            "year": year,
            "indicator": indicator,
            "indicators": Indicator.objects.filter(city=scope.city),
            "profiles": Profile.choices,
            "level": level_character(scope.city),
            "city_code": scope.city.code,
            "breakdown_grains": BREAKDOWN_GRAINS,
            "months": MONTHS,
            "faults": faults,
            "reason": reason,
            "lines": [_line(region, typed, stored) for region in regions],
        },
    )
