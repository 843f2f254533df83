"""Each attraction import keeps its report (reporting.ImportRecord, shown at
/reporting/imports/N/) as the ledger's imports do; a dry run or a refused sheet keeps none."""

import pytest
from django.urls import reverse

from guanmo.accounts.models import Role, User
from guanmo.attraction.land_import import import_land
from guanmo.attraction.park_import import import_park_figures
from guanmo.attraction.sheet_import import import_attraction
from guanmo.reporting.models import ImportRecord
from tests.attraction.sheets import register, write
from tests.attraction.test_import_attraction import ROWS as LEADS
from tests.attraction.test_import_park_figures import ROWS as PARKS
from tests.attraction.test_import_park_figures import _write as park_sheet
from tests.sheets.files import Drawn, to_xlsx


def _land_sheet(tmp_path, rows):
    path = tmp_path / "用地台账.xlsx"
    header = ["地块名称", "所在县区", "面积（亩）"]
    path.write_bytes(to_xlsx(Drawn([["用地台账"], header, *rows], name="用地")))
    return path


def _imports(city, tmp_path):
    return {
        ImportRecord.Kind.ATTRACTION: lambda **options: import_attraction(
            write(tmp_path, register(LEADS)), city=city, year=2025, **options
        ),
        ImportRecord.Kind.LAND: lambda **options: import_land(
            _land_sheet(tmp_path, [["一号地", "温县", 12.5]]), city=city, **options
        ),
        ImportRecord.Kind.PARK_FIGURES: lambda **options: import_park_figures(
            park_sheet(tmp_path, PARKS), city=city, year=2025, **options
        ),
    }


@pytest.mark.parametrize(
    "kind",
    [ImportRecord.Kind.ATTRACTION, ImportRecord.Kind.LAND, ImportRecord.Kind.PARK_FIGURES],
)
def test_an_import_keeps_its_report_and_a_dry_run_keeps_none(city, tmp_path, client, kind):
    load = _imports(city, tmp_path)[kind]
    user = User.objects.create_user("shixmb", password="x", role=Role.CITY_OFFICE, region=city)

    assert load(dry_run=True).ok
    assert not ImportRecord.objects.exists()
    report = load(user=user)

    record = ImportRecord.objects.get()
    assert (record.pk, record.kind, record.user) == (report.record_id, kind, user)
    assert record.text == "\n".join(report.lines())
    assert record.report["created"] == report.created > 0
    client.force_login(user)
    page = client.get(reverse("import_record", args=[record.pk])).content.decode()
    assert f"{record.get_kind_display()}导入" in page and f"新增{report.created}" in page


def test_a_refused_land_sheet_keeps_no_record(city, tmp_path):
    report = import_land(_land_sheet(tmp_path, [["一号地", "洛阳县", 12.5]]), city=city)

    assert not report.ok
    assert not ImportRecord.objects.exists()
