"""The organiser's pages of an observation tour: tours, sites, judges, settings, the live
board. The city office runs the tour; a county office sees the tours its county takes part in
and proposes its own sites."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from guanmo.accounts.scope import Scope
from guanmo.locking import once
from guanmo.observation import services
from guanmo.observation.forms import (
    JudgeForm,
    RubricFormSet,
    SiteDetailsForm,
    SiteForm,
    TourForm,
    TourSettingsForm,
)
from guanmo.observation.models import ScoreForm, Tour
from guanmo.observation.qr import qr_svg
from guanmo.observation.selectors import board, results_of, tours_for
from guanmo.observation.views.access import (
    organised_site,
    organised_tour,
    require_organiser,
    visible_tour,
)
from guanmo.operations.redirects import own_path


def tour_list(request: HttpRequest) -> HttpResponse:
    scope: Scope = request.scope
    if not (scope.is_city_office or scope.county):
        raise PermissionDenied("无观摩活动权限")
    form = TourForm(request.POST or None, units=scope.units())
    if request.method == "POST":
        require_organiser(scope)
        if form.is_valid():
            data = form.cleaned_data
            tour, made = once(
                Tour,
                data["submission"],
                lambda: services.create_tour(scope.city, user=request.user, **data),
            )
            if made:
                messages.success(request, f"已新建观摩活动「{tour.name}」")
            else:
                messages.info(request, f"该表单已提交过，观摩活动「{tour.name}」已新建，未重复新建")
            return redirect("tour_detail", tour.pk)
    return render(request, "observation/tour_list.html", {"tours": tours_for(scope), "form": form})


def tour_detail(request: HttpRequest, pk: int) -> HttpResponse:
    scope: Scope = request.scope
    tour = visible_tour(request, pk)
    sites = tour.sites.select_related("project__county", "proposed_by")
    if not scope.is_city_office:
        sites = sites.filter(project__county=scope.county)
    context = {
        "tour": tour,
        "sites": sites.order_by("status", "day", "position", "pk"),
        "site_form": SiteForm(projects=_candidates(scope, tour)),
        "organiser": scope.is_city_office,
    }
    if scope.is_city_office:
        context |= {
            "criteria": tour.criteria.all(),
            "judges": tour.judges.select_related("county"),
            "judge_form": JudgeForm(units=list(tour.counties.all()), top=tour.city),
            "settings_form": TourSettingsForm(instance=tour),
            "site_details": {
                site.pk: SiteDetailsForm(instance=site, days=tour.days, prefix=f"s{site.pk}")
                for site in sites
            },
        }
    return render(request, "observation/tour_detail.html", context)


def _candidates(scope: Scope, tour: Tour):
    """Projects that may become sites: his scope's projects in the counties taking part."""
    return (
        scope.projects()
        .filter(county__in=tour.counties.all())
        .exclude(observation_sites__tour=tour)
    )


@require_POST
def site_add(request: HttpRequest, pk: int) -> HttpResponse:
    scope: Scope = request.scope
    tour = visible_tour(request, pk)
    if not (scope.is_city_office or scope.county):
        raise PermissionDenied("无权推荐观摩点")
    form = SiteForm(request.POST, projects=_candidates(scope, tour))
    if form.is_valid():
        try:
            site = services.add_site(
                tour,
                form.cleaned_data["project"],
                user=request.user,
                approved=scope.is_city_office,
            )
        except services.TourError as error:
            messages.error(request, str(error))
        else:
            done = "已确定为观摩点" if scope.is_city_office else "已推荐，待市项目办审核"
            messages.success(request, f"「{site}」{done}")
    else:
        messages.error(request, "请选择本次观摩参加县区的项目")
    return redirect("tour_detail", tour.pk)


@require_POST
def site_decide(request: HttpRequest, pk: int) -> HttpResponse:
    site = organised_site(request, pk)
    approve = request.POST.get("decision") == "approve"
    _run(request, services.decide_site, site, approve=approve)
    return redirect("tour_detail", site.tour_id)


@require_POST
def site_edit(request: HttpRequest, pk: int) -> HttpResponse:
    site = organised_site(request, pk)
    form = SiteDetailsForm(request.POST, instance=site, days=site.tour.days, prefix=f"s{site.pk}")
    if form.is_valid():
        form.save()
        messages.success(request, f"已保存「{site}」的观摩点信息")
    else:
        messages.error(
            request, f"「{site}」：" + "；".join(e for es in form.errors.values() for e in es)
        )
    return redirect("tour_detail", site.tour_id)


@require_POST
def site_close(request: HttpRequest, pk: int) -> HttpResponse:
    site = organised_site(request, pk)
    services.close_site(site)
    messages.success(request, f"「{site}」已截止评分")
    board = reverse("tour_board", args=[site.tour_id])
    return redirect(own_path(request, request.POST.get("next"), board))


@require_POST
def judge_add(request: HttpRequest, pk: int) -> HttpResponse:
    tour = organised_tour(request, pk)
    form = JudgeForm(request.POST, units=list(tour.counties.all()), top=tour.city)
    if form.is_valid():
        judge = _run(request, services.add_judge, tour, **form.cleaned_data)
        if judge:
            messages.success(request, f"已添加评委「{judge}」")
    else:
        messages.error(request, "请填写评委姓名")
    return redirect("tour_detail", tour.pk)


def judge_links(request: HttpRequest, pk: int) -> HttpResponse:
    """Each judge's personal link and its QR code, to print and hand out."""
    tour = organised_tour(request, pk)
    links = []
    for judge in tour.judges.select_related("county"):
        url = request.build_absolute_uri(reverse("judge_sign_in", args=[judge.token]))
        links.append((judge, url, qr_svg(url)))
    return render(request, "observation/judge_links.html", {"tour": tour, "links": links})


@require_POST
def tour_settings(request: HttpRequest, pk: int) -> HttpResponse:
    tour = organised_tour(request, pk)
    form = TourSettingsForm(request.POST, instance=tour)
    if form.is_valid():
        form.save()
        messages.success(request, "已保存观摩设置")
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}：{'；'.join(errors)}" if label else "；".join(errors))
    return redirect("tour_detail", tour.pk)


@require_POST
def tour_open(request: HttpRequest, pk: int) -> HttpResponse:
    tour = organised_tour(request, pk)
    if _run(request, services.open_scoring, tour) is not False:
        messages.success(request, "已开始评分，评委可用专属链接打分")
    return redirect("tour_board", tour.pk)


@require_POST
def tour_close(request: HttpRequest, pk: int) -> HttpResponse:
    tour = organised_tour(request, pk)
    services.close_tour(tour)
    messages.success(request, "观摩活动已结束，全部观摩点截止评分，评委链接失效")
    return redirect("tour_results", tour.pk)


def tour_board(request: HttpRequest, pk: int) -> HttpResponse:
    """Who has scored what, refreshed every few seconds, with provisional results."""
    tour = organised_tour(request, pk)
    judges, rows = board(tour)
    context = {"tour": tour, "judges": judges, "rows": rows, "results": results_of(tour)}
    template = (
        "observation/board_table.html"
        if request.headers.get("HX-Request")
        else "observation/board.html"
    )
    return render(request, template, context)


def _run(request: HttpRequest, operation, *args, **kwargs):
    """Do the operation; a refusal becomes an error message (and False)."""
    try:
        return operation(*args, **kwargs)
    except services.TourError as error:
        messages.error(request, str(error))
        return False


def tour_rubric(request: HttpRequest, pk: int) -> HttpResponse:
    """The rubric, editable until the first score arrives."""
    tour = organised_tour(request, pk)
    locked = ScoreForm.objects.filter(site__tour=tour).exists()
    formset = RubricFormSet(request.POST or None, instance=tour, prefix="criteria")
    if request.method == "POST":
        if locked:
            messages.error(request, "已有评委打分，评分标准不能再修改")
        elif formset.is_valid():
            formset.save()
            messages.success(request, "已保存评分标准")
            return redirect("tour_detail", tour.pk)
    return render(
        request,
        "observation/rubric.html",
        {"tour": tour, "formset": formset, "locked": locked},
    )
