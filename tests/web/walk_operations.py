"""Permission walk cases for the operations pages: a city office's background job is his alone
(everyone else, the administrator included, gets 404); the health check is open to the proxy."""

from django.urls import reverse

from guanmo.operations.models import BackgroundJob
from tests.web.walks import Walk

OWNER_ONLY = {
    "admin": 404,
    "city": 200,
    "wuzhi": 404,
    "wenxian": 404,
    "leader": 404,
    "commissioner": 404,
    "department": 404,
}


def walk(world) -> Walk:
    job = BackgroundJob.objects.create(kind="route", title="自动排线", owner=world.users["city"])
    return Walk(
        pages={
            "job_page": (reverse("job_page", args=[job.pk]), OWNER_ONLY),
            "job_status": (reverse("job_status", args=[job.pk]), OWNER_ONLY),
        },
        public={"health": reverse("health")},
    )
