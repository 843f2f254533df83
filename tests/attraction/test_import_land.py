"""guanmo import-land: parcels read through the ledger's sheet reading, areas in 亩 exactly,
every fault named by row and column, all or nothing (issue 14, "Land and 亩均")."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from guanmo.attraction.land_import import import_land
from guanmo.attraction.models import Parcel
from guanmo.ledger.models import Project
from tests.sheets.files import Drawn, to_xlsx

HEADER = [
    "序号",
    "宗地编号",
    "用地单位",
    "项目名称",
    "所在县区",
    "所在园区",
    "用地面积（平方米）",
    "供地日期",
    "约定动工日期",
    "实际动工日期",
    "容积率",
    "建筑密度（%）",
    "固定资产投资（万元）",
    "税收（万元）",
]


def _write(tmp_path, rows, header=HEADER):
    path = tmp_path / "用地台账.xlsx"
    path.write_bytes(to_xlsx(Drawn([["2025年产业集聚区用地台账"], header, *rows], name="用地")))
    return path


def test_parcels_are_stored_in_mu_and_linked_to_their_project(city, tmp_path):
    wuzhi = city.children.get(name="武陟县")
    project = Project.objects.create(city=city, county=wuzhi, name="冷链产业园")
    rows = [
        [1, "WZ2024-07", "香雪海公司", "冷链产业园", "武陟县", "武陟产业集聚区", 66667,
         "2024-03-01", "2024-09-01", "2024-10-15", 1.2, 45, 30000, 800],
        [2, "WX2023-02", "某公司", None, "温县", None, 20000, "2023-05-01", None, None, None, None,
         None, None],
    ]  # fmt: skip

    report = import_land(_write(tmp_path, rows), city=city)

    assert report.ok, [str(f) for f in report.faults]
    parcel = Parcel.objects.get(name="WZ2024-07")
    assert parcel.area == Decimal("100.0005")  # 66667 m² × 0.0015
    assert (parcel.project, parcel.park.name) == (project, "武陟产业集聚区")
    assert (parcel.supplied_on, parcel.started_on) == (date(2024, 3, 1), date(2024, 10, 15))
    assert (parcel.plot_ratio, parcel.building_density) == (Decimal("1.2"), Decimal("45"))
    assert (parcel.investment, parcel.tax) == (Decimal("30000"), Decimal("800"))
    assert Parcel.objects.get(name="WX2023-02").area == Decimal("30")


def test_an_area_without_its_unit_is_read_in_mu_and_said(city, tmp_path):
    header = ["地块名称", "所在县区", "面积"]

    report = import_land(_write(tmp_path, [["一号地", "温县", 12.5]], header), city=city)

    assert Parcel.objects.get().area == Decimal("12.5")
    assert "工作表「用地」面积未写明单位，按亩读取" in report.notes


def test_a_parcel_of_no_known_project_is_kept_without_one_and_said(city, tmp_path):
    """Tryout 28: a land register lists every firm's parcel; one whose 项目名称 is neither a
    ledger nor a 招商 project was refused, the whole sheet with it."""
    header = ["地块名称", "所在县区", "面积（亩）", "项目名称", "用地单位"]
    rows = [["一号地", "温县", 10, "恒达机械项目", "恒达机械有限公司"]]

    report = import_land(_write(tmp_path, rows, header), city=city)

    assert report.ok, [str(fault) for fault in report.faults]
    parcel = Parcel.objects.get()
    assert (parcel.project, parcel.lead, parcel.holder) == (None, None, "恒达机械有限公司")
    assert (
        "第3行“一号地”：温县的重点项目台账和招商项目中都没有“恒达机械项目”，"
        "作为未关联项目的地块导入"
    ) in report.notes


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        (["一号地", "洛阳县", 10, None, None, None], "所在县区", "“洛阳县”不是本市"),
        (["一号地", "温县", 0, None, None, None], "面积（亩）", "面积应大于零"),
        (["一号地", "温县", None, None, None, None], "面积（亩）", "面积不能为空"),
        (["一号地", "温县", 10, "2024-05-01", "2024-04-01", None], "实际动工日期",
         "2024年4月1日早于供地日期2024年5月1日"),
        (["一号地", "温县", 10, "2099-01-01", None, None], "供地日期", "实际日期不能是将来"),
    ],
)  # fmt: skip
def test_a_bad_parcel_is_named_and_nothing_is_written(city, tmp_path, row, column, message):
    header = ["地块名称", "所在县区", "面积（亩）", "供地日期", "实际动工日期", "项目名称"]
    good = ["好地块", "温县", 5, None, None, None]

    report = import_land(_write(tmp_path, [good, row], header), city=city)

    assert (report.faults[0].row, report.faults[0].column) == (4, column), str(report.faults[0])
    assert message in report.faults[0].message
    assert not Parcel.objects.exists()


def test_an_area_finer_than_the_ledger_keeps_is_refused(city, tmp_path):
    header = ["地块名称", "所在县区", "面积（平方米）"]

    report = import_land(_write(tmp_path, [["一号地", "温县", 6667.5]], header), city=city)

    assert "换算为10.00125亩，超过4位小数" in report.faults[0].message


def test_reimport_leaves_blank_cells_alone(city, tmp_path):
    header = ["地块名称", "所在县区", "面积（亩）", "实际动工日期", "税收"]
    import_land(_write(tmp_path, [["一号地", "温县", 10, None, 50]], header), city=city)

    report = import_land(
        _write(tmp_path, [["一号地", "温县", 10, "2025-03-01", None]], header), city=city
    )

    assert (report.created, report.updated) == (0, 1)
    parcel = Parcel.objects.get()
    assert (parcel.started_on, parcel.tax) == (date(2025, 3, 1), Decimal("50"))


def test_the_command_dry_run_prints_the_column_map(city, tmp_path, capsys):
    path = _write(tmp_path, [["一号地", "温县", 10]], ["地块名称", "所在县区", "面积（亩）"])

    call_command("import-land", str(path), "--dry-run")

    out = capsys.readouterr().out
    assert "面积（亩） ← 面积（亩）" in out
    assert "检查通过（试运行，未写入）：将新增1个地块" in out
    assert not Parcel.objects.exists()


def test_a_parcels_place_is_read_in_degrees(city, tmp_path):
    header = ["地块名称", "所在县区", "面积（亩）", "经度", "纬度"]
    rows = [["一号地", "温县", 10, 113.0812345678, 34.94], ["二号地", "温县", 8, None, None]]

    report = import_land(_write(tmp_path, rows, header), city=city)

    assert report.ok, [str(f) for f in report.faults]
    first = Parcel.objects.get(name="一号地")
    assert (first.longitude, first.latitude) == (Decimal("113.081235"), Decimal("34.94"))
    assert Parcel.objects.get(name="二号地").latitude is None  # no place: listed, not dropped


@pytest.mark.parametrize(
    ("place", "column", "message"),
    [
        ((113.08, None), "纬度", "经度和纬度应同时填写"),
        ((34.94, 113.08), "经度", "34.94不在73到136度之间"),
        ((38512345, 3867890), "经度", "不在73到136度之间"),
    ],
)
def test_a_wrong_place_is_named_and_nothing_is_written(city, tmp_path, place, column, message):
    header = ["地块名称", "所在县区", "面积（亩）", "经度", "纬度"]

    report = import_land(_write(tmp_path, [["一号地", "温县", 10, *place]], header), city=city)

    assert report.faults[0].column == column, str(report.faults[0])
    assert message in report.faults[0].message
    assert not Parcel.objects.exists()


def test_an_area_whose_unit_a_units_line_states_is_converted_into_mu(city, tmp_path):
    path = tmp_path / "用地.xlsx"
    sheet = [
        ["2025年用地台账"],
        [None, None, None, "计量单位：平方米，金额单位：万元"],
        ["地块名称", "所在县区", "占地面积", "税收"],
        ["一号地", "温县", 20000, 15],
    ]
    path.write_bytes(to_xlsx(Drawn(sheet, name="地块")))

    report = import_land(path, city=city)

    assert report.ok, [str(f) for f in report.faults]
    assert Parcel.objects.get().area == Decimal("30")  # 20000 m² is 30 亩, never 20000 亩
    assert not any("按亩读取" in note for note in report.notes), report.notes
    assert any("以平方米填报，已换算为亩" in note for note in report.notes), report.notes


def test_an_area_in_square_kilometres_after_its_name_is_converted_into_mu(city, tmp_path):
    header = ["地块名称", "所在县区", "宗地面积（平方千米）"]

    report = import_land(_write(tmp_path, [["一号地", "温县", 0.02]], header), city=city)

    assert report.ok, [str(f) for f in report.faults]
    assert Parcel.objects.get().area == Decimal("30")


def test_square_metres_finer_than_the_mu_kept_are_kept_when_they_convert_back(city, tmp_path):
    """The round-trip rule (tryout 11): 83666.67 平方米 is 125.500005 亩, kept as 125.5000 亩,
    which is 83666.67 平方米 again: stored with a note. 1234.5678 平方米 kept as 1.8519 亩 is
    1234.6 平方米: refused naming the cell and what was typed."""
    path = tmp_path / "用地.xlsx"
    sheet = [
        ["面积单位：平方米"],
        ["地块名称", "所在县区", "用地面积"],
        ["一号地", "温县", 83666.67],
    ]
    path.write_bytes(to_xlsx(Drawn(sheet, name="地块")))

    report = import_land(path, city=city)

    assert report.ok, [str(f) for f in report.faults]
    assert Parcel.objects.get().area == Decimal("125.5")
    assert any("83666.67平方米折合125.500005亩，按4位小数存为125.5000亩" in n for n in report.notes)

    sheet[2] = ["二号地", "温县", 1234.5678]
    path.write_bytes(to_xlsx(Drawn(sheet, name="地块")))
    report = import_land(path, city=city)

    assert [(f.row, f.column) for f in report.faults] == [(3, "面积")]
    assert "1234.5678平方米折合1.8518517亩，超过4位小数" in report.faults[0].message
    assert Parcel.objects.count() == 1


def test_a_reimport_that_changes_a_parcel_keeps_its_history(city, tmp_path):
    """The parcel's changed figures are kept as every subject's history is (reporting
    FieldChange's shape): which, old, new, from the import that made it; a new parcel and an
    unchanged figure write none."""
    from guanmo.attraction.models import ParcelChange
    from guanmo.reporting.models import ImportRecord

    header = ["地块名称", "所在县区", "面积（亩）", "实际动工日期", "税收"]
    import_land(_write(tmp_path, [["一号地", "温县", 10, None, 50]], header), city=city)
    assert not ParcelChange.objects.exists()

    import_land(_write(tmp_path, [["一号地", "温县", 12, "2025-03-01", 50]], header), city=city)

    changes = ParcelChange.objects.filter(parcel=Parcel.objects.get())
    assert sorted((c.field, c.old_value, c.new_value) for c in changes) == [
        ("实际动工日期", "", "2025年3月1日"),
        ("面积（亩）", "10", "12"),
    ]
    assert {c.source for c in changes} == {"表格导入"}
    assert {c.import_record for c in changes} == {ImportRecord.objects.latest("pk")}


# Tryout 13: the README's sheet heads 投资 and 建筑密度; 投资（万元） was not read at all, and
# 0.4 under 建筑密度 was stored as 0.40 (%) where the office meant 40%.
README_HEADER = [
    "地块名称",
    "所在县区",
    "面积（亩）",
    "容积率",
    "建筑密度",
    "投资（万元）",
    "税收（万元）",
]


def test_the_readmes_investment_column_is_read(city, tmp_path):
    rows = [["一号地", "温县", 10, 1.2, 40, 3000, 50]]

    report = import_land(_write(tmp_path, rows, README_HEADER), city=city)

    assert report.ok, [str(f) for f in report.faults]
    parcel = Parcel.objects.get()
    assert (parcel.investment, parcel.tax) == (Decimal("3000"), Decimal("50"))


@pytest.mark.parametrize("header", ["建筑密度", "建筑密度（%）"])
def test_a_building_density_typed_as_a_share_is_stored_as_its_percentage_and_said(
    city, tmp_path, header
):
    columns = ["地块名称", "所在县区", "面积（亩）", header]
    rows = [["一号地", "温县", 10, 0.4], ["二号地", "温县", 10, 45], ["三号地", "温县", 10, 1]]

    report = import_land(_write(tmp_path, rows, columns), city=city)

    assert report.ok, [str(f) for f in report.faults]
    stored = dict(Parcel.objects.values_list("name", "building_density"))
    assert stored == {"一号地": Decimal("40"), "二号地": Decimal("45"), "三号地": Decimal("100")}
    assert "工作表「用地」第3行建筑密度0.4读作40%（不大于1的建筑密度按比例读取）" in report.notes
    assert not any("第4行建筑密度" in note for note in report.notes)  # 45 is read as typed


def test_a_building_density_above_100_percent_is_refused(city, tmp_path):
    columns = ["地块名称", "所在县区", "面积（亩）", "建筑密度"]
    report = import_land(_write(tmp_path, [["一号地", "温县", 10, 140]], columns), city=city)
    assert not report.ok
    assert "建筑密度是百分数，不能超过100" in str(report.faults[0])


@pytest.mark.parametrize(
    ("head", "said"),
    [
        ("面积（平方米）", "面积按平方米读取，已换算为亩（1平方米=0.0015亩）"),
        ("面积（公顷）", "面积按公顷读取，已换算为亩（1公顷=15亩）"),
    ],
)
def test_an_area_column_in_square_metres_or_hectares_is_said_converted(city, tmp_path, head, said):
    """Tryout 22: 面积（平方米） 66670 became 100.005亩 with no note."""
    report = import_land(
        _write(tmp_path, [["一号地", "温县", 6667]], ["地块名称", "所在县区", head]), city=city
    )

    assert report.ok, [str(f) for f in report.faults]
    assert f"工作表「用地」{said}" in report.notes, report.notes
