"""Permission walk cases for the commissioners' logs: 王专员's visit to 温县太极文化产业园 with
one photo. The city office and 温县's office read it, he writes it; others get 404, or 403 where
the page is a list their role does not read."""

from datetime import date

from django.urls import reverse

from tests.commissioners.logs import log_visit
from tests.commissioners.photos import NEAR, jpeg
from tests.web.walks import Walk
from tests.world import YEAR

LOG_LIST = {
    "admin": 200,
    "city": 200,
    "wuzhi": 200,
    "wenxian": 200,
    "leader": 403,
    "commissioner": 200,
    "department": 403,
}
WENXIAN_LOG = {**LOG_LIST, "wuzhi": 404, "leader": 404, "department": 404}
# Only the project's commissioner writes its log: refused to whoever else may read it.
WRITERS_ONLY = {
    "admin": 403,
    "city": 403,
    "wenxian": 403,
    "wuzhi": 404,
    "leader": 404,
    "department": 404,
}


def walk(world) -> Walk:
    project = world.projects["温县文旅"]
    visit = log_visit(project, date(YEAR, 4, 9), jpeg(taken="2025:04:09 08:15:00", at=NEAR))
    photo = visit.photos.get()
    wang = world.users["commissioner"]
    return Walk(
        pages={
            "commissioner_projects": (reverse("commissioner_projects"), LOG_LIST),
            "project_log": (reverse("project_log", args=[project.pk]), WENXIAN_LOG),
            "visit_new": (
                reverse("visit_new", args=[project.pk]),
                {**WRITERS_ONLY, "commissioner": 200},
            ),
            "visit_detail": (reverse("visit_detail", args=[visit.pk]), WENXIAN_LOG),
            **{
                name: (reverse(name, args=[photo.pk]), WENXIAN_LOG)
                for name in ("photo_original", "photo_thumbnail", "photo_picture")
            },
            # A commissioner is sent to his own month.
            "commissioner_months": (
                reverse("commissioner_months"),
                {**LOG_LIST, "commissioner": 302},
            ),
            "commissioner_month": (
                reverse("commissioner_month", args=[YEAR, 4, wang.pk]),
                WENXIAN_LOG,
            ),
        },
        actions={"visit_new": (reverse("visit_new", args=[project.pk]), WRITERS_ONLY)},
    )
