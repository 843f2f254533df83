"""Tryout 18 (issue 9): a fresh user's own ledgers, each finding fixed as a kind."""

import pytest

from guanmo.ledger.models import Project
from guanmo.ledger.services import import_ledger
from tests.ledger.sheets import xlsx
from tests.ledger.test_tryout_kinds import faults
from tests.sheets.files import Drawn, to_csv

TOTALS = ["总投资（万元）", "2025年计划投资（万元）"]


def placed() -> dict[str, tuple[str, list[str]]]:
    """Each project's lead county and the other counties it lies in."""
    return {
        project.name: (project.county.name, [c.name for c in project.other_counties.all()])
        for project in Project.objects.all()
    }


@pytest.mark.parametrize("typed", ["武陟县 温县", "武陟　温县", " 武陟县  温县 "])
def test_counties_separated_by_white_space_are_a_shared_project_noted(city, typed):
    # tryout 18 (5): "武陟县 温县" was refused without saying how to write it; each part is a
    # county of the city, so it is read as 武陟县、温县 (first named leads) and said by its cell.
    sheet = xlsx(
        [
            ["项目名称", "县区", *TOTALS],
            ["沁河生态廊道工程", typed, 30000, 3000],
            ["温县食品加工项目", "温 县", 20000, 2000],  # a name spaced for alignment: one county
        ]
    )

    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert placed() == {"沁河生态廊道工程": ("武陟县", ["温县"]), "温县食品加工项目": ("温县", [])}
    shown = " ".join(typed.split())
    assert any(
        note.startswith("工作表「Sheet1」第2行列B「县区」")
        and f"「{shown}」以空格分隔，按武陟县、温县读取" in note
        for note in report.notes
    ), report.notes
    assert not any("第3行" in note and "空格" in note for note in report.notes)


def test_white_space_between_a_county_and_an_unknown_name_refuses_the_unknown_one(city):
    sheet = xlsx(
        [["项目名称", "县区", *TOTALS], ["沁河生态廊道工程", "武陟县 郑东新区", 30000, 3000]]
    )

    report = import_ledger(sheet, city=city, year=2025)

    # read as two names, as "武陟县、郑东新区" is: the unknown one is named, not the whole cell
    assert [fault.message for fault in report.faults] == [
        "郑东新区不是焦作市的县区或园区（焦作市的县区：解放区、中站区、马村区、山阳区、修武县、"
        "博爱县、武陟县、温县、沁阳市、孟州市、城乡一体化示范区）"
    ]
    assert not Project.objects.exists()


def test_a_county_taken_from_a_heading_quotes_the_whole_heading_cell(city):
    # tryout 18 (6a): the note said 取自标题行「武陟县重点」, the heading cut to what it names.
    long = "二、温县2025年市级重点建设项目（续建及新开工项目，共2个，总投资和年度计划单位均为万元）"
    sheet = xlsx(
        [
            ["项目名称", *TOTALS],
            ["一、武陟县重点项目（1个）"],
            ["武陟县智能装备产业园", 50000, 20000],
            [long],
            ["食品加工项目", 30000, 12000],
            ["物流园项目", 30000, 12000],
        ]
    )

    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert "工作表「Sheet1」第3行未填所在县区，取自标题行「一、武陟县重点项目（1个）」" in (
        report.notes
    )
    cut = long[:40] + "…"
    assert f"工作表「Sheet1」第5、6行未填所在县区，取自标题行「{cut}」" in report.notes


def test_a_heading_in_another_countys_words_inside_a_countys_group_is_a_new_group_noted(city):
    # tryout 18 (6e): 温县重点项目 (a heading written otherwise) under 一、武陟县 was read with
    # no word. A heading is a heading: its rows are 温县's, and the report says so by row.
    sheet = xlsx(
        [
            ["项目名称", *TOTALS],
            ["一、武陟县"],
            ["武陟县智能装备产业园", 50000, 20000],
            ["温县重点项目"],
            ["食品加工项目", 30000, 12000],
        ]
    )

    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert placed() == {"武陟县智能装备产业园": ("武陟县", []), "食品加工项目": ("温县", [])}
    assert (
        "工作表「Sheet1」第4行「温县重点项目」在「一、武陟县」之下，写法不同但只含温县，"
        "按新的县区标题读取：其下各行属温县，不属武陟县"
    ) in report.notes


def test_a_csv_is_named_as_a_file_not_a_sheet(city, tmp_path):
    # tryout 18 (6d): a .csv's report said 工作表「file.csv」; a csv has no sheets.
    path = tmp_path / "台账.csv"
    rows = [["项目名称", *TOTALS], ["一、武陟县"], ["智能装备产业园", 50000, 20000]]
    path.write_bytes(to_csv(Drawn(rows), "utf-8"))

    report = import_ledger(path, city=city, year=2025)

    assert faults(report) == []
    lines = report.lines()
    assert any(line.startswith("读取文件：台账.csv") for line in lines)
    assert "  文件「台账.csv」第3行未填所在县区，取自标题行「一、武陟县」" in lines
    assert report.left_out_lines == ["文件「台账.csv」第2行为标题行，未导入"]
    assert not any("工作表" in line for line in lines)

    path.write_bytes(
        to_csv(Drawn([["项目名称", "县区", *TOTALS], ["甲项目", "火星县", 1, 1]]), "gbk")
    )
    refused = import_ledger(path, city=city, year=2025)
    assert refused.fault_lines[0].startswith("文件「台账.csv」第2行「所在县区」：")
