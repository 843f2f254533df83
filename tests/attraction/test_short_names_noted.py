"""The attraction imports take a county or park by its short name as the ledger does, and say
so in the same words at the same place (guanmo.regions.names Naming.note): “温”按简称识别为温县
(tryout 11: the ledger noted it, import-attraction, import-land and park figures did not)."""

from guanmo.attraction.land_import import import_land
from guanmo.attraction.models import Lead, Parcel, ParkFigures
from guanmo.attraction.park_import import import_park_figures
from guanmo.attraction.sheet_import import import_attraction
from tests.attraction.sheets import register, write
from tests.sheets.files import Drawn, to_xlsx


def test_a_register_row_naming_its_county_by_short_name_is_noted(city, tmp_path):
    row = [1, "智能传感器项目", "某科技公司", "杭州", "C39", 35000, "2025-02-10", None, None,
           None, None, "温", 0]  # fmt: skip
    report = import_attraction(write(tmp_path, register([row])), city=city, year=2025)
    assert report.ok, [report.describe(fault) for fault in report.faults]
    assert Lead.objects.get(name="智能传感器项目").county.name == "温县"
    assert "工作表「招商项目」第3行「所在县区」“温”按简称识别为温县" in report.notes


def test_a_parcel_naming_its_county_and_park_by_short_names_is_noted(city, tmp_path):
    header = ["序号", "宗地编号", "所在县区", "所在园区", "用地面积（亩）"]
    rows = [[1, "WZ2024-07", "武陟", "示范区", 100], [2, "WX2023-02", "温县", None, 30]]
    path = tmp_path / "用地台账.xlsx"
    path.write_bytes(to_xlsx(Drawn([["2025年用地台账"], header, *rows], name="用地")))
    report = import_land(path, city=city)
    assert report.ok, [report.describe(fault) for fault in report.faults]
    parcel = Parcel.objects.get(name="WZ2024-07")
    assert (parcel.county.name, parcel.park.name) == ("武陟县", "城乡一体化示范区")
    assert "工作表「用地」第3行「所在县区」“武陟”按简称识别为武陟县" in report.notes
    assert "工作表「用地」第3行「所在园区」“示范区”按简称识别为城乡一体化示范区" in report.notes
    assert not [note for note in report.notes if "第4行" in note and "识别" in note]


def test_park_figures_naming_a_park_by_short_name_are_noted(city, tmp_path):
    header = ["序号", "园区名称", "规上企业（家）"]
    path = tmp_path / "园区指标.xlsx"
    drawn = Drawn([["2025年1—6月产业集聚区主要指标"], header, [1, "示范区", 86]], name="园区")
    path.write_bytes(to_xlsx(drawn))
    report = import_park_figures(path, city=city, year=2025)
    assert report.ok, [report.describe(fault) for fault in report.faults]
    assert ParkFigures.objects.get(park__name="城乡一体化示范区").enterprises_above_size == 86
    assert "工作表「园区」第3行「园区」“示范区”按简称识别为城乡一体化示范区" in report.notes
