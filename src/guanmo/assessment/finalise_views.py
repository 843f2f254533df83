"""定稿 and 印发 of a result on its page (tryout 15): the city office makes the standing result
final, having confirmed what that freezes, and then issues its bulletin. Thin: the rules are
`objections.finalise_result` and `issue_bulletin`; `guanmo assess-finalise` does the same."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from guanmo.assessment.objections import (
    FINALISING_FREEZES,
    ObjectionError,
    finalise_result,
    issue_bulletin,
)
from guanmo.assessment.selectors import results_for
from guanmo.assessment.views import standing_page
from guanmo.documents.views import issue_posted


@require_POST
def result_finalise(request: HttpRequest, pk: int) -> HttpResponse:
    """The city office makes the result final (定稿), having confirmed what it freezes; refused
    with the reason while 公示 runs or objections are pending (`finalise_refusal`)."""
    result = get_object_or_404(results_for(request.scope), pk=pk)
    if not request.scope.is_city_office:
        raise PermissionDenied("只有市项目办可以定稿")
    if not request.POST.get("confirm"):
        messages.error(request, f"请确认定稿：{FINALISING_FREEZES}")
        return standing_page(result)
    try:
        finalise_result(result)
    except ObjectionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "考核结果已定稿")
    return standing_page(result)


@require_POST
def result_issue(request: HttpRequest, pk: int) -> HttpResponse:
    """The city office issues the final result's bulletin (印发), numbered, with the 成文日期
    posted (`objections.issue_bulletin`)."""
    result = get_object_or_404(results_for(request.scope), pk=pk)
    if not request.scope.is_city_office:
        raise PermissionDenied("只有市项目办可以印发通报")
    return issue_posted(
        request,
        lambda dated: issue_bulletin(result, dated=dated, user=request.user),
        standing_page(result),
    )
