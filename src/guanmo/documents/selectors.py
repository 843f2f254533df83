"""Which issued documents a user may see, cut by his scope (`guanmo.accounts.scope`)."""

from django.db.models import Q, QuerySet

from guanmo.accounts.scope import Scope
from guanmo.documents.models import IssuedDocument


def documents_for(scope: Scope) -> QuerySet[IssuedDocument]:
    """The city office sees every document of the city; a county office the city-wide ones
    (the bulletins that rank it) and those about its own county; a leader the city-wide ones;
    no one else any."""
    documents = IssuedDocument.objects.filter(city=scope.city).select_related("issued_by")
    if scope.is_city_office:
        return documents
    if scope.county is not None:
        return documents.filter(Q(county__isnull=True) | Q(county=scope.county))
    if scope.sees_city_totals:
        return documents.filter(county__isnull=True)
    return documents.none()
