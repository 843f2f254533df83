"""Every note and error of an import names its sheet and row: 工作表「X」第N行 (issue 9 §8;
tryout 11: a workbook of several sheets gave 「第2行…」 naming no sheet)."""

import re

from guanmo.ledger.services import import_ledger, import_progress
from tests.ledger.sheets import ledger_xlsx, xlsx

_ROW = re.compile(r"第[\d、—]+行")


def _unplaced(texts: list[str]) -> list[str]:
    """The texts naming a row before naming any sheet."""
    return [
        text
        for text in texts
        if (found := _ROW.search(text)) and "工作表「" not in text[: found.start()]
    ]


def _two_county_ledger(city):
    import_ledger(
        ledger_xlsx(
            [1, "甲项目", None, "武陟县", None, "续建", None, 10000, 3000],
            [2, "乙项目", None, "温县", None, "续建", None, 2000, 1200],
        ),
        city=city,
        year=2025,
    )


def test_progress_notes_of_a_workbook_of_county_sheets_name_their_sheet(city):
    _two_county_ledger(city)
    header = ["序号", "项目名称", "本月完成投资（万元）", "1-4月累计完成投资（万元）"]
    sheet = xlsx(
        [header, [1, "甲项目", 400, None]],
        title="武陟县",
        more_sheets={"温县": [header, [1, "乙项目", 50, 300]]},
    )
    report = import_progress(sheet, city=city, year=2025, month=4, dry_run=True)
    assert report.faults == []
    assert any(note.startswith("工作表「武陟县」第2行「甲项目」") for note in report.notes)
    assert any(note.startswith("工作表「温县」第2行「乙项目」") for note in report.notes)
    assert _unplaced(report.notes) == []
    assert _unplaced(report.lines()) == []


def test_progress_faults_of_a_workbook_of_county_sheets_name_their_sheet(city):
    _two_county_ledger(city)
    header = ["序号", "项目名称", "本月完成投资（万元）", "1-4月累计完成投资（万元）"]
    sheet = xlsx(
        [header, [1, "甲项目", 500, 400]],
        title="武陟县",
        more_sheets={"温县": [header, [1, "乙项目", "五十", 300]]},
    )
    report = import_progress(sheet, city=city, year=2025, month=4)
    described = [report.describe(fault) for fault in report.faults]
    assert any(text.startswith("工作表「武陟县」第2行") for text in described)
    assert any(text.startswith("工作表「温县」第2行") for text in described)
    assert _unplaced(described + report.notes) == []


def test_ledger_left_out_rows_name_their_sheet_even_in_a_workbook_of_one_sheet(city):
    report = import_ledger(
        ledger_xlsx(
            [1, "甲项目", None, "武陟县", None, "续建", None, 10000, 3000],
            ["合计", None, None, None, None, None, None, 10000, 3000],
        ),
        city=city,
        year=2025,
        dry_run=True,
    )
    assert report.faults == []
    assert "  工作表「Sheet1」第5行为合计行，未导入" in report.lines()
    assert _unplaced(report.lines()) == []
