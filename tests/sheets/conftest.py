import pytest

from guanmo.regions.services import init_city


@pytest.fixture
def city(db):
    """焦作市 with its ten counties and 城乡一体化示范区."""
    return init_city("410800", ["城乡一体化示范区"])
