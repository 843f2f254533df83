from datetime import date

import pytest

from guanmo.reporting.services import open_period
from tests.world import YEAR


@pytest.fixture
def april(world):
    """April opened by the city office, deadline 5 May."""
    return open_period(
        world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=world.users["city"]
    )


@pytest.fixture
def wuzhi_report(world, april):
    return april.reports.get(county=world.wuzhi)


@pytest.fixture
def wuzhi_client(client, world):
    """The test client signed in as 武陟县's office."""
    client.force_login(world.users["wuzhi"])
    return client
