import pytest

from guanmo.indicators.services import install_indicator_catalogue
from guanmo.regions.services import init_city


@pytest.fixture
def city(db):
    """焦作市 with its ten counties and one zone, and the starting indicator catalogue."""
    city = init_city("410800", zones=["城乡一体化示范区"])
    install_indicator_catalogue(city)
    return city


@pytest.fixture
def wuzhi(city):
    return city.children.get(name="武陟县")


@pytest.fixture
def wenxian(city):
    return city.children.get(name="温县")
