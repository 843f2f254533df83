"""指标填报 pages: a department or a county enters its indicator figures for an open month and
submits them; the city office approves or returns them (`submissions`, the review workflow of
monthly reports)."""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from guanmo.accounts.scope import Scope
from guanmo.figures.formatting import number, points, rate
from guanmo.indicators import submissions
from guanmo.indicators.choices import Kind
from guanmo.indicators.entry import Typed
from guanmo.indicators.report import EntryFigures, entry_figures
from guanmo.indicators.selectors import SubmissionLine, submission_lines, submissions_for
from guanmo.regions.services import office_word, whole_word
from guanmo.reporting.forms import version_of
from guanmo.reporting.models import Period
from guanmo.reporting.review import ReportingError
from guanmo.sheets.cells import format_wan


def _sender(scope: Scope) -> dict:
    """Whose forms he fills: his department's or his county's; PermissionDenied otherwise."""
    if scope.department is not None:
        return {"department": scope.department}
    if scope.county is not None:
        return {"county": scope.county}
    raise PermissionDenied("只有填报部门和县区可以填报指标")


def submission_list(request: HttpRequest) -> HttpResponse:
    """The open months and one's own forms; for the city office every form to review."""
    scope: Scope = request.scope
    if not scope.is_city_office:
        _sender(scope)
    forms = submissions_for(scope).order_by("-period__year", "-period__month", "pk")
    periods = Period.objects.filter(city=scope.city, closed_at__isnull=True)
    return render(
        request,
        "indicators/submission_list.html",
        {"forms": forms, "periods": periods, "may_enter": not scope.is_city_office},
    )


def submission_start(request: HttpRequest, period: int) -> HttpResponse:
    """One's form for an open month, made when first opened."""
    scope: Scope = request.scope
    sender = _sender(scope)
    chosen = get_object_or_404(Period, city=scope.city, pk=period)
    try:
        form = submissions.submission_for(chosen, **sender)
    except ReportingError as error:
        messages.error(request, str(error))
        return redirect("submission_list")
    return redirect("submission_form", form.pk)


def _key(line: SubmissionLine) -> str:
    """The line's inputs are named v-, l- and g-<key> (value, last year, growth)."""
    return f"{line.indicator.pk}-{line.region.pk}"


def _entered(line: SubmissionLine) -> Typed:
    """The draft's figures of the line as its inputs show them: exact, blank for none."""
    entered = line.entered

    def exact(figure: Decimal | None) -> str:
        return "" if figure is None else format_wan(figure)

    return Typed(
        line.indicator.pk,
        line.region.pk,
        value=exact(entered.value) if entered else "",
        last_year=exact(entered.last_year_value) if entered else "",
        growth=exact(entered.reported_growth) if entered else "",
    )


def _derived(line: SubmissionLine, entered: EntryFigures | None) -> dict | None:
    """A saved line's figures as the report will show them: 上年同期, 增速 (个百分点 for a
    ratio), 位次 in each peer group of the region (全市第6位；同类县第1位（并列）); None for
    a line not entered."""
    if entered is None:
        return None
    figures = entered.figures
    places = [
        f"{group}第{place.rank}位{'（并列）' if place.tied else ''}"
        for group, place in entered.places
        if place.rank is not None
    ]
    return {
        "last_year": number(figures.last_year, line.places),
        "growth": (points if line.indicator.kind == Kind.RATIO else rate)(figures.growth),
        "rank": "；".join(places) or "—",
    }


def _typed(post, lines: list[SubmissionLine]) -> list[Typed]:
    """The figures typed for each line shown."""
    typed = []
    for line in lines:
        key = _key(line)
        if f"v-{key}" not in post:
            continue
        typed.append(
            Typed(
                line.indicator.pk,
                line.region.pk,
                value=post.get(f"v-{key}", "").strip(),
                last_year=post.get(f"l-{key}", "").strip(),
                growth=post.get(f"g-{key}", "").strip(),
            )
        )
    return typed


def submission_form(request: HttpRequest, pk: int) -> HttpResponse:
    """The form: editable by its department or county while it may be, read for review."""
    scope: Scope = request.scope
    form = get_object_or_404(submissions_for(scope), pk=pk)
    own = not scope.is_city_office
    may_edit = own and form.is_editable
    lines = submission_lines(form)
    typed, faults = {}, []
    period = form.period
    if request.method == "POST":
        if not own:
            raise PermissionDenied("只有填报单位可以填写")
        entered = _typed(request.POST, lines)
        result = None
        try:
            result = submissions.save_submission(
                form, entered, user=request.user, version=version_of(request.POST)
            )
        except ReportingError as error:
            messages.error(request, str(error))
        if result is not None and result.ok:
            if request.POST.get("action") != "submit":
                messages.success(request, f"草稿已保存，修改了{result.changed}项")
                return redirect("submission_form", form.pk)
            try:
                submissions.submit_submission(form, user=request.user, version=form.version)
            except ReportingError as error:
                messages.error(request, str(error))
            else:
                office = office_word(request.scope.city)
                messages.success(request, f"指标数值已保存并提交，等待{office}审核")
            return redirect("submission_form", form.pk)
        faults = result.faults if result else []
        typed = {(each.indicator_id, each.region_id): each for each in entered}
        form.refresh_from_db()
        lines = submission_lines(form)
    derived = entry_figures(scope.city, period.year, period.month, lines)
    return render(
        request,
        "indicators/submission_form.html",
        {
            "form": form,
            "lines": [
                {
                    "line": line,
                    "key": _key(line),
                    "shown": typed.get((line.indicator.pk, line.region.pk)) or _entered(line),
                    "stored": number(line.stored.value if line.stored else None, line.places),
                    "derived": _derived(line, derived.get((line.indicator.pk, line.region.pk))),
                }
                for line in lines
            ],
            "faults": faults,
            # The kept figures that look typed in another unit, for the reviewer above all
            # (tryout 26 item 1); a fresh fault list already names them for the filler.
            "doubts": [] if faults else submissions.submission_slips(form),
            "whole": whole_word(scope.city),
            "may_edit": may_edit,
            "may_review": scope.is_city_office,
            "steps": form.steps.select_related("user"),
        },
    )


@require_POST
def submission_decide(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """The city office approves, returns (with a reason) or reopens a form."""
    scope: Scope = request.scope
    form = get_object_or_404(submissions_for(scope), pk=pk)
    if not scope.is_city_office:
        raise PermissionDenied("只有市项目办可以审核")
    reason = request.POST.get("reason", "")
    try:
        if action == "approve":
            approved = submissions.approve_submission(form, user=request.user)
            messages.success(request, f"{form.sender}指标填报已审核通过，{approved}")
        elif action == "return":
            submissions.return_submission(form, user=request.user, reason=reason)
            messages.success(request, f"{form.sender}指标填报已退回")
        else:
            submissions.reopen_submission(form, user=request.user, reason=reason)
            messages.success(request, f"{form.sender}指标填报已重新打开")
    except ReportingError as error:
        messages.error(request, str(error))
    return redirect("submission_form", form.pk)


@require_POST
def submission_submit(request: HttpRequest, pk: int) -> HttpResponse:
    scope: Scope = request.scope
    form = get_object_or_404(submissions_for(scope), pk=pk)
    if scope.is_city_office:
        raise PermissionDenied("只有填报单位可以提交")
    try:
        submissions.submit_submission(form, user=request.user, version=version_of(request.POST))
    except ReportingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"指标填报已提交，等待{office_word(request.scope.city)}审核")
    return redirect("submission_form", form.pk)
