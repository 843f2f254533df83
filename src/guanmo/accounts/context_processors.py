from django.http import HttpRequest


def scope(request: HttpRequest) -> dict:
    """The signed-in user's scope, for the navigation (None when signed out)."""
    return {"scope": getattr(request, "scope", None)}
