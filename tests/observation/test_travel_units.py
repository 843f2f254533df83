"""A travel-time sheet read in the unit it states: hours become minutes, text such as 25分钟 or
1小时1分 is read, anything else refused naming the cell (issue 9, tryout 8 V02, V06)."""

from guanmo.observation.travel import read_travel_matrix
from tests.ledger.sheets import xlsx

HEADER = ["出发地\\到达地", "市政府", "甲项目", "乙项目"]
TWO = HEADER[:3]


def test_a_sheet_in_hours_gives_minutes_rounded_half_up_with_a_note():
    sheet = xlsx(
        [
            ["2025年秋季观摩路线行车时间表（单位：小时）"],
            HEADER,
            ["市政府", 0, 0.5833333333333334, 1.25],
            ["甲项目", 0.6, 0, 0.4916666666666667],
            ["乙项目", 1.2583333333333333, 0.5, 0],
        ],
        title="行车时间",
    )

    travel, faults = read_travel_matrix(sheet)

    assert faults == []
    assert travel.minutes("市政府", "甲项目") == 35
    assert travel.minutes("市政府", "乙项目") == 75
    assert travel.minutes("甲项目", "市政府") == 36
    assert travel.minutes("甲项目", "乙项目") == 30  # 29.5 minutes, half up
    assert travel.minutes("乙项目", "市政府") == 76  # 75.5 minutes, half up
    assert any("以小时填报" in note and "换算为分钟" in note for note in travel.notes)


def test_minutes_and_hours_typed_as_text_are_read():
    sheet = xlsx(
        [
            ["行车时间表（单位：分钟）"],
            HEADER,
            ["市政府", "0分钟", "25分钟", "1小时1分"],
            ["甲项目", "26分", "0", "1.5小时"],
            ["乙项目", "1小时", "40分钟", "0分钟"],
        ],
        title="行车时间",
    )

    travel, faults = read_travel_matrix(sheet)

    assert faults == []
    assert travel.minutes("市政府", "甲项目") == 25
    assert travel.minutes("市政府", "乙项目") == 61
    assert travel.minutes("甲项目", "乙项目") == 90
    assert travel.minutes("乙项目", "市政府") == 60


def test_a_stated_unit_that_is_no_time_is_refused_naming_its_line():
    sheet = xlsx(
        [["行车时间表"], ["单位：公里"], TWO, ["市政府", 0, 25], ["甲项目", 25, 0]],
        title="行车时间",
    )

    travel, faults = read_travel_matrix(sheet)

    assert travel is None
    assert [str(fault) for fault in faults] == [
        "第2行：「单位：公里」不是时间单位；行车时间表应以分钟或小时填报"
    ]


def test_text_that_is_no_time_is_refused_naming_its_cell():
    sheet = xlsx(
        [["行车时间表（单位：分钟）"], TWO, ["市政府", 0, "约半小时"], ["甲项目", 25, 0]],
        title="行车时间",
    )

    travel, faults = read_travel_matrix(sheet)

    assert travel is None
    assert [str(fault) for fault in faults] == [
        "第3行「甲项目」：从「市政府」到「甲项目」的数值不是数字：约半小时"
    ]
