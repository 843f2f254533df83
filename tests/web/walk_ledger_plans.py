"""A project's milestones, its monthly plan and its leaving a key list, for the permission walk:
the city office and the project's own county office set milestones and the curve (a leader
reads them on the project's page, 403 here); only the city office takes a project off a list."""

from django.urls import reverse

from tests.web.walks import Walk

PLANNERS = {
    "admin": 200,
    "city": 200,
    "wuzhi": 200,
    "wenxian": 404,
    "leader": 403,
    "commissioner": 404,
    "department": 404,
}
CITY_OFFICE = {**PLANNERS, "wuzhi": 403}
REFUSED = ("wuzhi", "wenxian", "leader", "commissioner", "department")


def walk(world) -> Walk:
    project = world.projects["武陟装备"].pk
    urls = {
        name: reverse(name, args=[project])
        for name in ("project_milestones", "project_curve", "project_removal")
    }
    expected = {"project_milestones": PLANNERS, "project_curve": PLANNERS}
    expected["project_removal"] = CITY_OFFICE
    return Walk(
        pages={name: (url, expected[name]) for name, url in urls.items()},
        actions={
            name: (url, {role: status for role, status in expected[name].items() if status != 200})
            for name, url in urls.items()
        },
    )
