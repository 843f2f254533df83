"""A location cell (建设地点 / 所在地) naming two counties separated by white space («武陟县 温县»)
is read as a county cell so written is (tryout 18 (5)): a project lying in both, the first
named leading, said by its cell; never placed in one of them alone, nor refused (issue 9 §6)."""

import pytest

from guanmo.ledger.services import import_ledger
from tests.ledger.sheets import xlsx
from tests.ledger.test_tryout18_kinds import TOTALS, placed
from tests.ledger.test_tryout_kinds import faults


@pytest.mark.parametrize("column", ["建设地点", "所在地"])
@pytest.mark.parametrize("typed", ["武陟县 温县", "武陟　温县"])
def test_a_location_of_two_counties_spaced_is_a_shared_project_noted(city, column, typed):
    sheet = xlsx(
        [
            ["项目名称", column, *TOTALS],
            ["沁河生态廊道工程", typed, 30000, 3000],
            ["温县食品加工项目", "温县黄庄镇", 20000, 2000],
        ]
    )

    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert placed() == {"沁河生态廊道工程": ("武陟县", ["温县"]), "温县食品加工项目": ("温县", [])}
    shown = " ".join(typed.split())
    assert any(
        note.startswith(f"工作表「Sheet1」第2行列B「{column}」")
        and f"「{shown}」以空格分隔，按武陟县、温县读取（项目位于多个县区）" in note
        for note in report.notes
    ), report.notes
