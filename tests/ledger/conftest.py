from decimal import Decimal

import pytest

from guanmo.ledger.services import import_ledger
from guanmo.regions.services import init_city
from tests.ledger.sheets import ledger_xlsx


@pytest.fixture
def city(db):
    """焦作市 with its ten counties and 城乡一体化示范区."""
    return init_city("410800", ["城乡一体化示范区"])


@pytest.fixture
def one_project(city):
    """焦作市 with one 续建 project for 2025: 甲项目 in 武陟县, total 50000万元, plan 2000万元."""
    import_ledger(
        ledger_xlsx([1, "甲项目", None, "武陟县", None, "续建", None, 50000, Decimal(2000)]),
        city=city,
        year=2025,
    )
    return city
