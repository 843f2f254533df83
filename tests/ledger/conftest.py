from decimal import Decimal

import pytest

from guanmo.ledger.services import import_ledger, import_progress
from guanmo.regions.services import init_city
from tests.ledger.sheets import LEDGER_HEADER, ledger_xlsx, xlsx


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


@pytest.fixture
def june(city):
    """甲 (武陟县, 8000万元 done before 2025) and 乙 (温县, 2500) with June's cumulatives
    4000 and 1200 stored."""
    report = import_ledger(
        ledger_xlsx(
            [1, "甲项目", None, "武陟县", None, "续建", None, 50000, 12000, 8000],
            [2, "乙项目", None, "温县", None, "续建", None, 20000, 5000, 2500],
            header=[*LEDGER_HEADER[:9], "截至上年底累计完成投资"],
        ),
        city=city,
        year=2025,
    )
    assert report.faults == []
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "6月完成投资（万元）", "1—6月累计完成投资（万元）"],
            ["甲项目", "武陟县", 500, 4000],
            ["乙项目", "温县", 200, 1200],
        ]
    )
    assert import_progress(sheet, city=city, year=2025, month=6).faults == []
    return city
