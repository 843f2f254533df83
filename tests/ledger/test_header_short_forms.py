"""Headers as offices shorten them, without 投资: 截至上月累计完成 is the month before's cumulative
(used as the month's start, never as this month's cumulative) and 自开工累计完成 the cumulative
since the start of construction (开累), not the year's (tryout 14, P10b: the column passed over
as not understood; issue 9 §2, §3)."""

from decimal import Decimal
from io import BytesIO

import pytest

from guanmo.ledger.columns import LEDGER_COLUMNS, Field
from guanmo.ledger.services import import_ledger
from guanmo.sheets.header import find_header
from tests.ledger.sheets import xlsx
from tests.ledger.test_import_progress import load, progress


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("截至上月累计完成", Field.PREVIOUS_CUMULATIVE),
        ("截止上月底累计完成（万元）", Field.PREVIOUS_CUMULATIVE),
        ("上月末累计完成", Field.PREVIOUS_CUMULATIVE),
        ("自开工累计完成", Field.CUMULATIVE_SINCE_START),
        ("自开工以来累计完成（万元）", Field.CUMULATIVE_SINCE_START),
        ("开工以来累计", Field.CUMULATIVE_SINCE_START),
        ("开工至报告期累计完成", Field.CUMULATIVE_SINCE_START),
        ("截至上年底累计完成", Field.PREVIOUS_YEAR_END),
    ],
)
def test_a_short_header_names_its_field(text, field):
    header = find_header(LEDGER_COLUMNS, [["项目名称", text, "本月完成投资"]])
    assert header is not None
    assert header.columns[1] == field


@pytest.fixture
def march(city):
    """乙项目 in 温县 with 400万元 to March."""
    header = ["项目名称", "所在县区", "总投资", "年度计划投资"]
    assert import_ledger(xlsx([header, ["乙项目", "温县", 2000, 1200]]), city=city, year=2025).ok
    header = ["项目名称", "所在县区", "本月完成投资", "累计完成投资"]
    assert load(xlsx([header, ["乙项目", "温县", 100, 400]]), city, month=3).ok
    return city


def april(month_before: int) -> BytesIO:
    header = ["项目名称", "所在县区", "截至上月累计完成", "本月完成"]
    return xlsx([header, ["乙项目", "温县", month_before, 150]])


def test_the_month_before_given_as_a_short_header_starts_the_month(march):
    report = load(april(400), march, month=4)
    assert [str(fault) for fault in report.faults] == []
    assert progress("乙项目", 4) == (Decimal(150), Decimal(550))
    assert not [note for note in report.notes if "未识别" in note]


def test_a_month_before_disagreeing_with_the_stored_one_is_refused(march):
    report = load(april(500), march, month=4, dry_run=True)
    assert any("500万元，与已报的3月累计400万元不符，未导入" in str(f) for f in report.faults)
