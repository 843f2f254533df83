from datetime import date

import pytest


@pytest.fixture
def project(world, settings):
    """温县文旅, visited in April 2025: the application's today is the end of that month, so
    the visits the tests record lie within the visit date window (GUANMO_DATE_PAST_DAYS)."""
    settings.GUANMO_TODAY = date(2025, 4, 30)
    return world.projects["温县文旅"]
