"""Today's date for the whole application: the real one, or `GUANMO_TODAY` when it is set, so
that the demo city (which lives in December 2025) shows its deadlines, warnings and
escalations as of its own day rather than years later."""

from datetime import date

from django.conf import settings
from django.utils import timezone


def today() -> date:
    return settings.GUANMO_TODAY or timezone.localdate()
