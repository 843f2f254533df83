"""import-land reads a parcel's 期次 (一期, 二期…, or 1, 2) and 建成日期, each refused by its
cell when it cannot be read, so a first phase built with no second (一期建成后不上后续项目) is
found from an imported land sheet (issue 14 round 14: both columns were left unread)."""

from datetime import date

import pytest

from guanmo.attraction.land_import import import_land
from guanmo.attraction.models import Parcel
from guanmo.attraction.phases import first_phase_only
from guanmo.attraction.selectors import parcel_facts
from guanmo.ledger.models import Project
from tests.sheets.files import Drawn, to_xlsx

HEADER = ["宗地编号", "项目名称", "所在县区", "面积（亩）", "期次", "供地日期", "实际动工日期",
          "建成日期"]  # fmt: skip


def _write(tmp_path, rows):
    path = tmp_path / "用地台账.xlsx"
    path.write_bytes(to_xlsx(Drawn([["用地台账"], HEADER, *rows], name="用地")))
    return path


def test_phases_and_the_day_built_are_stored_and_the_gap_found(city, tmp_path):
    wuzhi = city.children.get(name="武陟县")
    Project.objects.create(city=city, county=wuzhi, name="冷链产业园")
    rows = [
        ["WZ-1", "冷链产业园", "武陟县", 80, "一期", "2021-03-01", "2021-06-01", "2023-05-10"],
        ["WZ-2", "冷链产业园", "武陟县", 60, "第二期", "2022-04-01", None, None],
        ["WZ-3", "冷链产业园", "武陟县", 40, 3, "2022-04-01", None, None],
    ]

    report = import_land(_write(tmp_path, rows), city=city)

    assert report.ok, [str(fault) for fault in report.faults]
    stored = {p.name: (p.phase, p.completed_on) for p in Parcel.objects.all()}
    assert stored == {
        "WZ-1": (1, date(2023, 5, 10)),
        "WZ-2": (2, None),
        "WZ-3": (3, None),
    }
    parcels = [parcel_facts(parcel) for parcel in Parcel.objects.all()]
    assert first_phase_only(parcels, date(2024, 5, 9)) == []
    [gap] = first_phase_only(parcels, date(2024, 5, 10))
    assert gap.text == "WZ-1一期于2023年5月10日建成，后续100亩用地至今未动工"


@pytest.mark.parametrize(
    ("phase", "said"),
    [
        ("前期", "期次应写作一期、二期……或1、2……，“前期”不是期次"),
        (0, "期次应写作一期、二期……或1、2……，“0”不是期次"),
        ("十二期", "期次应写作一期、二期……或1、2……，“十二期”不是期次"),
        (1.5, "期次应写作一期、二期……或1、2……，“1.5”不是期次"),
    ],
)
def test_a_phase_not_readable_is_refused_by_its_cell(city, tmp_path, phase, said):
    rows = [["WZ-1", None, "武陟县", 80, phase, "2021-03-01", None, None]]

    report = import_land(_write(tmp_path, rows), city=city)

    assert [str(fault) for fault in report.faults] == [f"第3行「期次」：{said}"]
    assert not Parcel.objects.exists()


@pytest.mark.parametrize(
    ("built", "said"),
    [
        ("2021年5月", "2021年5月"),
        ("2099-01-01", "2099年1月1日晚于今天，实际日期不能是将来"),
        ("2021-05-01", "2021年5月1日早于实际动工日期2021年6月1日"),
    ],
)
def test_a_day_built_not_readable_or_impossible_is_refused(city, tmp_path, built, said):
    rows = [["WZ-1", None, "武陟县", 80, "一期", "2021-03-01", "2021-06-01", built]]

    report = import_land(_write(tmp_path, rows), city=city)

    [fault] = [str(fault) for fault in report.faults]
    assert fault.startswith("第3行「建成日期」：") and said in fault
    assert not Parcel.objects.exists()
