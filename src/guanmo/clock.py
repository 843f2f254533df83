"""Today's date for the whole application: the real one, or `GUANMO_TODAY` when it is set, so
that the demo city (which lives in December 2025) shows its deadlines, warnings and
escalations as of its own day rather than years later."""

from datetime import date, datetime

from django.conf import settings
from django.utils import timezone


def today() -> date:
    return settings.GUANMO_TODAY or timezone.localdate()


def now() -> datetime:
    """The current moment for the whole application (aware, local time): the real one, or the
    real time of day on `GUANMO_TODAY` when it is set, so that what is dated (issued, raised,
    decided, filed) agrees with `today()`."""
    moment = timezone.localtime()
    if settings.GUANMO_TODAY:
        return datetime.combine(settings.GUANMO_TODAY, moment.timetz())
    return moment
