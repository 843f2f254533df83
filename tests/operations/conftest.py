import pytest

from guanmo.accounts.models import Role, User
from guanmo.regions.services import init_city
from tests.accounts.test_login import PASSWORD
from tests.observation.tours import build_tour


@pytest.fixture
def office(db):
    """The city office of 焦作市, signed in with PASSWORD."""
    city = init_city("410800")
    return User.objects.create_user("shixmb", password=PASSWORD, role=Role.CITY_OFFICE, region=city)


@pytest.fixture
def tour(world):
    """The observation tests' tour of the small test city."""
    return build_tour(world)
