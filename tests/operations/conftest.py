import pytest

from guanmo.accounts.models import Role, User
from guanmo.regions.services import init_city
from tests.accounts.test_login import PASSWORD


@pytest.fixture
def office(db):
    """The city office of 焦作市, signed in with PASSWORD."""
    city = init_city("410800")
    return User.objects.create_user("shixmb", password=PASSWORD, role=Role.CITY_OFFICE, region=city)
