"""Which assessment results a user may see, cut by his scope (`guanmo.accounts.scope`)."""

from django.db.models import QuerySet

from guanmo.accounts.scope import Scope
from guanmo.assessment.models import Result


def results_for(scope: Scope) -> QuerySet[Result]:
    """The city's results for those who see its ranking: the city office, the leader, and the
    county offices (the units a result ranks, to whom it is published); no one else."""
    results = Result.objects.filter(scheme__city=scope.city).select_related("scheme")
    if scope.sees_city_totals or scope.county is not None:
        return results
    return results.none()
