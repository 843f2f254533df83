"""Travel between a tour's places: from coordinates, and from an uploaded matrix sheet."""

from decimal import Decimal
from io import BytesIO

import pytest

from guanmo.observation import travel as travel_module
from guanmo.observation.travel import (
    CoordinateTravel,
    Place,
    great_circle_km,
    read_travel_matrix,
)
from guanmo.regions.names import clean_text
from tests.ledger.sheets import xlsx

EQUATOR = Place("a", "赤道上的点", 0.0, 0.0)
ONE_DEGREE_NORTH = Place("b", "北纬1度", 1.0, 0.0)
JIAOZUO = Place("jz", "焦作市政府", 35.2156, 113.2418)


def test_one_degree_of_latitude_is_the_mean_radius_times_pi_over_180():
    # 6371.0088 km × π / 180 = 111.19508 km, worked by hand.
    assert great_circle_km(EQUATOR, ONE_DEGREE_NORTH) == pytest.approx(111.19508, abs=1e-5)


def test_haversine_is_symmetric_and_zero_at_the_same_place():
    assert great_circle_km(JIAOZUO, EQUATOR) == pytest.approx(great_circle_km(EQUATOR, JIAOZUO))
    assert great_circle_km(JIAOZUO, JIAOZUO) == 0


def test_road_factor_and_speed_give_kilometres_to_a_tenth_and_minutes_rounded_up():
    travel = CoordinateTravel((EQUATOR, ONE_DEGREE_NORTH))
    # 111.19508 × 1.3 = 144.554 km; at 40 km/h that is 216.83 minutes.
    assert travel.km("a", "b") == Decimal("144.6")
    assert travel.minutes("a", "b") == 217


def test_minutes_are_rounded_up_even_below_the_half():
    travel = CoordinateTravel((EQUATOR, ONE_DEGREE_NORTH), road_factor=Decimal(1), speed_kmh=50)
    # 111.19508 km at 50 km/h is 133.43 minutes: the panel needs the 134th.
    assert travel.minutes("a", "b") == 134
    assert travel.km("a", "b") == Decimal("111.2")


def test_a_place_to_itself_is_no_travel():
    travel = CoordinateTravel((JIAOZUO,))
    assert travel.minutes("jz", "jz") == 0
    assert travel.km("jz", "jz") == Decimal(0)


def matrix_sheet(*rows, more_sheets=None) -> BytesIO:
    return xlsx(
        [["观摩点位行车时间表（分钟）"], ["单位：分钟"], *rows],
        title="行车时间",
        more_sheets=more_sheets,
    )


HEADER = ["出发地\\到达地", "市政府", "甲项目", "乙项目"]


def test_matrix_is_read_below_its_title_lines_and_may_be_one_way():
    sheet = matrix_sheet(
        HEADER,
        ["市政府", None, 25, 40],
        ["甲项目", 27, None, "18"],
        ["乙项目", 40, 17.5, 0],
    )
    travel, faults = read_travel_matrix(sheet)

    assert faults == []
    assert travel.places == ("市政府", "甲项目", "乙项目")
    assert travel.minutes("市政府", "甲项目") == 25
    assert travel.minutes("甲项目", "市政府") == 27
    assert travel.minutes("甲项目", "乙项目") == 18
    assert travel.minutes("乙项目", "甲项目") == 18  # 17.5 minutes, rounded up
    assert travel.minutes("市政府", "市政府") == 0
    assert travel.km("市政府", "甲项目") is None  # no distance sheet


def test_names_match_whatever_the_spaces_and_width():
    sheet = matrix_sheet(
        HEADER, ["市政府", 0, 25, 40], ["甲 项目", 25, 0, 18], ["乙项目", 40, 18, 0]
    )
    travel, faults = read_travel_matrix(sheet)

    assert faults == []
    assert travel.minutes("市政府", "甲项目") == 25
    assert travel.minutes("甲项目 ", "乙项目") == 18


def test_distance_sheet_gives_kilometres_to_a_tenth():
    sheet = matrix_sheet(
        HEADER,
        ["市政府", 0, 25, 40],
        ["甲项目", 25, 0, 18],
        ["乙项目", 40, 18, 0],
        more_sheets={
            "距离（公里）": [
                HEADER,
                ["市政府", 0, 12.34, 30],
                ["甲项目", 12.4, 0, "9.5公里"],
                ["乙项目", 30, 9.5, 0],
            ]
        },
    )
    travel, faults = read_travel_matrix(sheet)

    assert faults == []
    assert travel.km("市政府", "甲项目") == Decimal("12.3")
    assert travel.km("甲项目", "市政府") == Decimal("12.4")
    assert travel.km("甲项目", "乙项目") == Decimal("9.5")
    assert travel.minutes("乙项目", "市政府") == 40


def faults_of(*rows) -> list[str]:
    travel, faults = read_travel_matrix(matrix_sheet(*rows))
    assert travel is None
    return [str(fault) for fault in faults]


def test_a_figure_that_is_not_a_number_is_named_by_row_and_column():
    assert faults_of(
        HEADER, ["市政府", 0, "半小时", 40], ["甲项目", 25, 0, 18], ["乙项目", 40, 18, 0]
    ) == ["第4行「甲项目」：从「市政府」到「甲项目」的数值不是数字：半小时"]


def test_a_negative_figure_is_refused():
    assert faults_of(
        HEADER, ["市政府", 0, 25, 40], ["甲项目", 25, 0, 18], ["乙项目", -40, 18, 0]
    ) == ["第6行「市政府」：从「乙项目」到「市政府」的数值不能为负数"]


@pytest.mark.parametrize("huge", ["1E+5000", 1e30, "1441"])
def test_a_leg_longer_than_a_day_is_refused(huge):
    assert faults_of(
        HEADER, ["市政府", 0, huge, 40], ["甲项目", 25, 0, 18], ["乙项目", 40, 18, 0]
    ) == [f"第4行「甲项目」：从「市政府」到「甲项目」的数值超过1440分钟的上限：{huge}"]


def test_a_distance_beyond_any_province_is_refused():
    distances = [HEADER, ["市政府", 0, "1E+5000", 9], ["甲项目", 9, 0, 7], ["乙项目", 9, 7, 0]]
    sheet = matrix_sheet(
        HEADER,
        ["市政府", 0, 25, 40],
        ["甲项目", 25, 0, 18],
        ["乙项目", 40, 18, 0],
        more_sheets={"距离（公里）": distances},
    )
    travel, faults = read_travel_matrix(sheet)
    assert travel is None
    assert [fault.message for fault in faults] == [
        "从「市政府」到「甲项目」的数值超过5000公里的上限：1E+5000"
    ]


def test_a_blank_off_the_diagonal_is_a_missing_figure():
    assert faults_of(
        HEADER, ["市政府", 0, 25, 40], ["甲项目", 25, 0, None], ["乙项目", 40, 18, 0]
    ) == ["第5行「乙项目」：缺少从「甲项目」到「乙项目」的数值"]


def test_places_missing_from_the_header_or_the_rows_are_named():
    assert faults_of(
        ["", "市政府", "甲项目"],
        ["市政府", 0, 25],
        ["甲项目", 25, 0],
        ["乙项目", 40, 18],
    ) == ["第6行：「乙项目」不在表头中"]
    assert faults_of(HEADER, ["市政府", 0, 25, 40], ["甲项目", 25, 0, 18]) == [
        "第3行「乙项目」：表头中的「乙项目」没有对应的行"
    ]


def test_a_place_named_twice_in_the_header_is_refused():
    assert faults_of(
        ["", "市政府", "甲项目", "市政府"], ["市政府", 0, 25, 0], ["甲项目", 25, 0, 25]
    ) == ["第3行「市政府」：地点在表头中重复"]


def test_a_file_that_is_not_a_workbook_is_one_fault():
    travel, faults = read_travel_matrix(BytesIO(b"PK\x03\x04 not a workbook"))
    assert travel is None
    assert [str(fault) for fault in faults] == [
        "无法读取文件：Excel 工作簿（.xlsx）已损坏或不完整（文件可能没有传完）；"
        "请用 Excel 或 WPS 打开后另存为 .xlsx 再上传"
    ]


def test_reading_a_long_sheet_takes_a_few_name_comparisons_per_row(monkeypatch):
    """Each row is checked against the places met so far once, not against every other row
    (issue 11: the reader was quadratic in the sheet's size)."""
    calls = 0

    def counted(text):
        nonlocal calls
        calls += 1
        return clean_text(text)

    monkeypatch.setattr(travel_module, "clean_text", counted)
    rows = [["", "甲", "乙"]] + [[f"地点{n}", 1, 2] for n in range(600)]
    faults_of(*rows)
    assert calls < 10 * 3 * len(rows)
