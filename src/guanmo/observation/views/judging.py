"""A judge's pages, on his phone: signed in by his personal link (no account), he sees the
tour's sites in route order and scores them. His link works for this tour only, until it
closes; he never sees another judge's scores."""

import json
import uuid

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from guanmo.observation import services
from guanmo.observation.models import Judge, ScoreForm, Site, Tour
from guanmo.observation.rubric import plain
from guanmo.observation.services import sites_for_judge

SESSION_KEY = "observation_judge"


def _judge(request: HttpRequest) -> Judge:
    """The judge signed in on this phone, while his tour is open; otherwise 404."""
    pk = request.session.get(SESSION_KEY)
    judge = Judge.objects.select_related("tour", "county").filter(pk=pk).first()
    if judge is None or judge.tour.is_closed:
        raise Http404("请使用评委专属链接进入；观摩活动结束后链接失效")
    return judge


@login_not_required
def judge_sign_in(request: HttpRequest, token: str) -> HttpResponse:
    judge = get_object_or_404(Judge.objects.select_related("tour"), token=token)
    if judge.tour.is_closed:
        return render(request, "observation/judge_closed.html", {"tour": judge.tour}, status=410)
    if request.session.session_key:
        # A session the phone brought is replaced (no fixation); a new one gets its key when
        # saved, without a first empty write.
        request.session.cycle_key()
    request.session[SESSION_KEY] = judge.pk
    return redirect("judge_home")


@login_not_required
def judge_home(request: HttpRequest) -> HttpResponse:
    judge = _judge(request)
    forms = {
        form.site_id: form
        for form in ScoreForm.objects.filter(judge=judge).prefetch_related("scores")
    }
    days: dict[int | None, list[tuple[Site, ScoreForm | None]]] = {}
    for site in sites_for_judge(judge):
        days.setdefault(site.day, []).append((site, forms.get(site.pk)))
    return render(
        request,
        "observation/judge_home.html",
        {"judge": judge, "tour": judge.tour, "days": sorted(days.items(), key=_day_order)},
    )


def _day_order(item: tuple[int | None, list]) -> int:
    day, _ = item
    return day if day is not None else 99


@login_not_required
def judge_site(request: HttpRequest, pk: int) -> HttpResponse:
    judge = _judge(request)
    site = next((site for site in sites_for_judge(judge) if site.pk == pk), None)
    if site is None:
        raise Http404("没有这个观摩点")
    form = ScoreForm.objects.filter(judge=judge, site=site).first()
    given = {score.criterion_id: score.points for score in form.scores.all()} if form else {}
    criteria = [(criterion, given.get(criterion.pk)) for criterion in judge.tour.criteria.all()]
    return render(
        request,
        "observation/judge_site.html",
        {
            "judge": judge,
            "tour": judge.tour,
            "site": site,
            "criteria": criteria,
            "form": form,
            "can_score": judge.tour.status == Tour.Status.SCORING and not site.is_closed,
        },
    )


def _row_id(sent: object) -> int:
    """A row id sent by the phone; ValueError for anything no row can have (a database
    refuses an integer beyond 64 bits instead of finding nothing)."""
    number = int(sent)  # type: ignore[call-overload]
    if not 0 < number < 2**63:
        raise ValueError(f"no row has the id {number}")
    return number


@login_not_required
@require_POST
def judge_submit(request: HttpRequest) -> JsonResponse:
    """A score form sent by the phone's queue: {"site", "submission", "points", "remark"}.
    Answers {"stored": true} once it is stored (also for a resend of a stored submission), or
    {"error": "…"} with status 400 when it cannot be."""
    judge = _judge(request)
    try:
        sent = json.loads(request.body)
        site = Site(pk=_row_id(sent["site"]))  # read again, and held, by the service
        submission = uuid.UUID(str(sent["submission"]))
        points = dict(sent["points"])
    except (ValueError, KeyError, TypeError, OverflowError):
        return JsonResponse({"error": "提交的评分格式不正确，请刷新页面后重新打分"}, status=400)
    try:
        stored = services.submit_scores(
            judge, site, points=points, remark=str(sent.get("remark", "")), submission=submission
        )
    except services.TourError as error:
        return JsonResponse({"error": str(error)}, status=400)
    return JsonResponse({"stored": True, "written": stored.written, "total": plain(stored.total)})
