"""使用说明: a short guide to each role's work, written as templates
(`accounts/guides/<role>.html`); the judge's is open without an account, as judges sign in by
their personal link only."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from guanmo.accounts.models import Role

JUDGE = "judge"
# The guides in the order the list of them shows: the roles, then the judge.
GUIDES = {**dict(Role.choices), JUDGE: "评委"}


def guide(request: HttpRequest) -> HttpResponse:
    """The signed-in user's own role's guide."""
    return _render(request, request.user.role)


def role_guide(request: HttpRequest, role: str) -> HttpResponse:
    """Any role's guide, for a user who wants to know what the others do."""
    if role not in GUIDES:
        raise Http404("没有这个角色的使用说明")
    return _render(request, role)


@login_not_required
def judge_guide(request: HttpRequest) -> HttpResponse:
    return _render(request, JUDGE)


def _render(request: HttpRequest, role: str) -> HttpResponse:
    return render(
        request,
        f"accounts/guides/{role}.html",
        {"role": role, "role_label": GUIDES[role], "guides": GUIDES},
    )
