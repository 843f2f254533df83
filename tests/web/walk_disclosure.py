"""Public disclosure: every public page, download and API URL opens to a stranger; the settings
page is the city office's alone. `public_home` (a redirect to the only city) and the API's root
(404, as django-ninja makes it) are tested in tests/disclosure/test_public_pages.py."""

from django.urls import reverse

from tests.web.walks import Walk

CITY_OFFICE_ONLY = {
    "admin": 200,
    "city": 200,
    "wuzhi": 403,
    "wenxian": 403,
    "leader": 403,
    "commissioner": 403,
    "department": 403,
}


def walk(world) -> Walk:
    code = world.city.code
    project = world.projects["武陟装备"].pk
    return Walk(
        pages={"disclosure_settings": (reverse("disclosure_settings"), CITY_OFFICE_ONLY)},
        actions={
            "disclosure_settings": (
                reverse("disclosure_settings"),
                {role: 403 for role, status in CITY_OFFICE_ONLY.items() if status != 200},
            )
        },
        public={
            "public_projects": reverse("public_projects", args=[code]),
            "public_project": reverse("public_project", args=[code, project]),
            "public_map": reverse("public_map", args=[code]),
            "public_map_points": reverse("public_map_points", args=[code]),
            "public_county_shapes": reverse("public_county_shapes", args=[code]),
            "public_csv": reverse("public_csv", args=[code]),
            "public_json": reverse("public_json", args=[code]),
            "openapi-json": reverse("public_api:openapi-json"),
            "openapi-view": reverse("public_api:openapi-view"),
            "public_api_cities": reverse("public_api:public_api_cities"),
            "public_api_city": reverse("public_api:public_api_city", args=[code]),
            "public_api_projects": reverse("public_api:public_api_projects", args=[code]),
            "public_api_project": reverse("public_api:public_api_project", args=[code, project]),
        },
        tested_elsewhere={"public_home", "api-root"},
    )
