"""A large ledger import keeps others writing: on SQLite (one write lock for the database) the
sheet is read, checked and every value converted before the import's transaction begins, so
people scoring or saving wait only for the database's own writing, never for Python's; and the
import stays all or nothing."""

import sqlite3
from decimal import Decimal

import pytest
from django.db import connection, models

from guanmo.ledger.models import AnnualPlan, KeyListEntry, Project
from guanmo.ledger.services import import_ledger, ledger_import
from guanmo.regions.services import init_city
from guanmo.reporting.models import ImportRecord
from tests.ledger.sheets import ledger_xlsx

ROWS = [
    [1, "甲项目", None, "武陟县", None, "续建", None, 50000, Decimal(2000)],
    [2, "乙项目", None, "温县", None, "新开工", None, 8000, Decimal(1500)],
    [3, "丙项目", None, "孟州市", None, "续建", None, 3000, Decimal(800)],
]


@pytest.fixture
def city(transactional_db):
    """The test city, committed, so that another connection sees the database as it is."""
    return init_city("410800", ["城乡一体化示范区"])


def _write_lock_is_free() -> bool:
    """Whether another connection could begin writing at once (SQLite, no waiting)."""
    other = sqlite3.connect(connection.settings_dict["NAME"], timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        other.close()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's one write lock")
def test_others_may_write_while_the_import_converts_its_values(city, monkeypatch):
    free_while_converting: list[bool] = []
    convert = models.DecimalField.get_db_prep_save

    def converting(field, value, connection):
        free_while_converting.append(_write_lock_is_free())
        return convert(field, value, connection)

    monkeypatch.setattr(models.DecimalField, "get_db_prep_save", converting)
    report = import_ledger(ledger_xlsx(*ROWS), city=city, year=2025)
    assert report.ok and report.created == 3
    assert free_while_converting and all(free_while_converting)


def test_an_import_failing_inside_its_transaction_leaves_nothing(city, monkeypatch):
    def fails(*args, **kwargs):
        raise RuntimeError("导入中途失败")

    # Recording the import comes after every project, key list and plan has been written.
    monkeypatch.setattr(ledger_import, "record_import", fails)
    with pytest.raises(RuntimeError, match="导入中途失败"):
        import_ledger(ledger_xlsx(*ROWS), city=city, year=2025)
    assert not Project.objects.exists()
    assert not KeyListEntry.objects.exists()
    assert not AnnualPlan.objects.exists()
    assert not ImportRecord.objects.exists()


def test_an_import_after_a_failed_one_writes_every_row(city, monkeypatch):
    with monkeypatch.context() as patched:
        patched.setattr(ledger_import, "record_import", lambda *a, **k: 1 / 0)
        with pytest.raises(ZeroDivisionError):
            import_ledger(ledger_xlsx(*ROWS), city=city, year=2025)
    report = import_ledger(ledger_xlsx(*ROWS), city=city, year=2025)
    assert report.created == 3
    plans = dict(AnnualPlan.objects.values_list("project__name", "planned_investment"))
    assert plans == {"甲项目": Decimal(2000), "乙项目": Decimal(1500), "丙项目": Decimal(800)}
    assert KeyListEntry.objects.filter(year=2025).count() == 3
