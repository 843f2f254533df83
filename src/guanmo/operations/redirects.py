"""Where a form may send the user back to: the application's own pages, nothing else."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def own_path(request: HttpRequest, candidate: str | None, fallback: str) -> str:
    """`candidate` when it is a path of this site ("/observation/3/board/"), else `fallback`.

    A full address, a scheme ("javascript:…"), a protocol-relative "//host" or a backslash
    trick is never followed (an open redirect would lend the site's name to a phishing page).
    """
    if (
        candidate
        and candidate.startswith("/")
        and not candidate.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return candidate
    return fallback
