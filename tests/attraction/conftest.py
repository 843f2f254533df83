import pytest

from guanmo.regions.services import init_city


@pytest.fixture
def city(db):
    """焦作市 with its ten counties and two parks."""
    return init_city("410800", zones=["城乡一体化示范区", "武陟产业集聚区"])
