"""The 使用说明 for the permission walk: every signed-in role reads its own guide and any
other role's; the judge's guide is open to anyone, as judges have no account."""

from django.urls import reverse

from tests.web.walks import Walk

ROLES = ("admin", "city", "wuzhi", "wenxian", "leader", "commissioner", "department")
EVERYONE = dict.fromkeys(ROLES, 200)


def walk(world) -> Walk:
    return Walk(
        pages={
            "guide": (reverse("guide"), EVERYONE),
            "role_guide": (reverse("role_guide", args=["county_office"]), EVERYONE),
        },
        public={"judge_guide": reverse("judge_guide")},
    )
