"""The health check for the proxy and the supervisor, the page a server error shows, and the
progress of a background job."""

import logging

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache

from guanmo.operations.models import BackgroundJob

logger = logging.getLogger(__name__)


@login_not_required
@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """200 {"status": "ok"} when the database answers; 503 {"status": "error"} when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("健康检查：数据库无法连接")
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def server_error(request: HttpRequest) -> HttpResponse:
    """The Chinese 500 page, with the request id the log line carries, so a user can quote it."""
    template = loader.get_template("500.html")
    context = {"request_id": getattr(request, "request_id", "")}
    return HttpResponse(template.render(context), status=500)


def _own_job(request: HttpRequest, pk: int) -> BackgroundJob:
    """The user's own job; anyone else's is 404, never a hint that it exists."""
    try:
        return BackgroundJob.objects.get(pk=pk, owner=request.user)
    except BackgroundJob.DoesNotExist as error:
        raise Http404("没有这个任务") from error


def job_page(request: HttpRequest, pk: int) -> HttpResponse:
    """A job's progress bar; the page asks for its status until it is finished."""
    return render(request, "operations/job.html", {"job": _own_job(request, pk)})


def job_status(request: HttpRequest, pk: int) -> JsonResponse:
    """{"state", "state_label", "percent", "done", "total", "message", "result_url", "finished"}"""
    job = _own_job(request, pk)
    return JsonResponse(
        {
            "state": job.state,
            "state_label": job.get_state_display(),
            "percent": job.percent,
            "done": job.done,
            "total": job.total,
            "message": job.message,
            "result_url": job.result_url,
            "finished": job.finished,
        }
    )
