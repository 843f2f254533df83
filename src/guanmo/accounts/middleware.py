from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from guanmo.accounts.scope import scope_of


class ScopeMiddleware:
    """Puts the signed-in user's scope on the request as `request.scope`, worked out once."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated:
            request.scope = SimpleLazyObject(lambda: scope_of(user))
        else:
            request.scope = None
        return self.get_response(request)
