import pytest

from guanmo.observation.models import Tour
from tests.observation.tours import build_tour


@pytest.fixture
def tour(world) -> Tour:
    return build_tour(world)
