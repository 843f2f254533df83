"""Where a signed-in user starts."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect


def landing(request: HttpRequest) -> HttpResponse:
    """After signing in (and from the brand link): the page of his role's work."""
    return redirect(request.scope.landing)
