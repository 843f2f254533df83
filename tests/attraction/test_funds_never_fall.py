"""到位资金 is the cumulative since signing (累计到位资金): a month's figure below an earlier
month's stored one, or above a later month's, is refused by its cell, nothing written (tryout 33:
October 10,000 after June's 12,000 and 95,000 before November's 70,000 were accepted silently)."""

from decimal import Decimal

import pytest

from guanmo.attraction.models import FundsInPlace
from guanmo.attraction.sheet_import import import_attraction
from tests.attraction.sheets import HEADER, register, write
from tests.attraction.test_import_attraction import ROWS

pytestmark = pytest.mark.django_db


def _rows(amount: int) -> list[list]:
    """The register's rows with 香雪海冷链产业园's 累计到位资金 at `amount` 万元."""
    rows = [list(row) for row in ROWS]
    rows[0][-1] = amount
    return rows


def _stored() -> list[tuple[int, Decimal]]:
    return list(
        FundsInPlace.objects.filter(lead__name="香雪海冷链产业园").values_list(
            "month", "cumulative"
        )
    )


def test_a_month_below_an_earlier_months_stored_funds_is_refused_by_its_cell(city, tmp_path):
    header = [*HEADER[:-1], "累计到位资金（万元）"]
    june = import_attraction(
        write(tmp_path, register(_rows(12000), header=header)), city=city, year=2025, month=6
    )
    assert june.ok, [str(fault) for fault in june.faults]

    october = import_attraction(
        write(tmp_path, register(_rows(10000), header=header)), city=city, year=2025, month=10
    )

    assert not october.ok
    (fault,) = october.faults
    assert fault.row == 3 and fault.column == "到位资金"  # under the title and header
    assert "10000万元，少于2025年6月已存的12000万元" in fault.message
    assert "签约以来累计" in fault.message
    assert _stored() == [(6, Decimal("12000"))]


def test_a_month_above_a_later_months_stored_funds_is_refused(city, tmp_path):
    header = [*HEADER[:-1], "累计到位资金（万元）"]
    import_attraction(
        write(tmp_path, register(_rows(70000), header=header)), city=city, year=2025, month=11
    )

    october = import_attraction(
        write(tmp_path, register(_rows(95000), header=header)), city=city, year=2025, month=10
    )

    assert not october.ok
    assert "95000万元，多于2025年11月已存的70000万元" in october.faults[0].message
    assert _stored() == [(11, Decimal("70000"))]


def test_a_rising_cumulative_and_a_correction_of_the_same_month_are_taken(city, tmp_path):
    header = [*HEADER[:-1], "累计到位资金（万元）"]
    for month, amount in ((6, 12000), (10, 15000), (10, 14000)):
        report = import_attraction(
            write(tmp_path, register(_rows(amount), header=header)),
            city=city,
            year=2025,
            month=month,
        )
        assert report.ok, [str(fault) for fault in report.faults]

    assert _stored() == [(6, Decimal("12000")), (10, Decimal("14000"))]
