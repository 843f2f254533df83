"""Changes to what a city publishes."""

from guanmo.accounts.models import User
from guanmo.disclosure.models import DisclosureSettings
from guanmo.disclosure.selectors import forget_public_ledger


def save_settings(options: DisclosureSettings, *, user: User | None) -> None:
    """Store the city's choice and drop its cached public ledger, so that a field taken off
    the public pages (a phone number) is gone at once, not after the cache's timeout."""
    options.updated_by = user
    options.save()
    forget_public_ledger(options.city)
