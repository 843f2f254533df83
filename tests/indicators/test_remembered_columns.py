"""A column a city's user has named for `import-indicators` (--map) is remembered for the city's
next import, as the ledger's are (issue 12 after tryout 12: `--map` had to be typed again every
month): kept in the ledger's store (`reporting.ColumnMapping`) by the ledger's code, applied
only to the header it was named on (`guanmo.sheets.remembered`), said in the column map, never
kept by a dry run, and never read by the ledger's import."""

from decimal import Decimal

from guanmo.indicators.models import IndicatorValue
from guanmo.indicators.sheet_import import import_indicators
from guanmo.reporting.imports import columns_named
from guanmo.reporting.models import ColumnMapping
from guanmo.sheets.faults import FORGOTTEN, NOT_USED, REMEMBERED
from tests.indicators.sheets import write
from tests.sheets.files import Drawn

PROVINCE = ("郑州市", "开封市", "洛阳市", "焦作市", "新乡市", "济源市")
NAMED = ["固投增速（%）=固定资产投资:增速", "位次=固定资产投资：位次"]


def _abbreviated(month: int, *extra: str) -> Drawn:
    """固投 for 固定资产投资, as offices abbreviate it: not a catalogue name; `extra` columns
    after the rank (blank)."""
    return Drawn(
        [
            [f"2025年1—{month}月全省各省辖市主要经济指标"],
            ["地区", "固投增速（%）", "位次", *extra],
            *([name, month + place, place] for place, name in enumerate(PROVINCE, start=1)),
        ],
        name="省辖市",
    )


def _growth(city, month: int) -> tuple[Decimal | None, int | None]:
    value = IndicatorValue.objects.get(
        indicator__city=city, indicator__name="固定资产投资", region__name="焦作市", month=month
    )
    return value.reported_growth, value.reported_rank


def test_columns_named_in_one_import_are_read_so_in_the_next(city, tmp_path):
    june = import_indicators(
        write(tmp_path, _abbreviated(6)), city=city, year=2025, month=6, mapping=NAMED
    )
    assert june.ok, [str(fault) for fault in june.faults]

    july = import_indicators(write(tmp_path, _abbreviated(7)), city=city, year=2025, month=7)

    assert july.ok, [str(fault) for fault in july.faults]
    assert _growth(city, 7) == (Decimal(11), 4)  # 焦作市, the 4th: 7 + 4
    shown = {use.header: use for use in july.columns}
    assert shown["固投增速（%）"].field == "固定资产投资·同比增长（%）"
    assert shown["固投增速（%）"].note.startswith(REMEMBERED)
    assert shown["位次"].note.startswith(REMEMBERED)
    said = "「固投增速（%）」「位次」沿用本市上次导入时指定的对应"
    assert any(said in note for note in july.notes)


def test_a_dry_run_remembers_nothing(city, tmp_path):
    path = write(tmp_path, _abbreviated(6))
    import_indicators(path, city=city, year=2025, month=6, mapping=NAMED, dry_run=True)

    assert not ColumnMapping.objects.exists()
    assert not import_indicators(path, city=city, year=2025, month=6).ok


def test_a_remembered_naming_is_not_applied_to_another_header(city, tmp_path):
    import_indicators(
        write(tmp_path, _abbreviated(6)), city=city, year=2025, month=6, mapping=NAMED
    )

    july = import_indicators(
        write(tmp_path, _abbreviated(7, "备注")), city=city, year=2025, month=7
    )

    assert not july.ok
    said = " ".join(str(fault) for fault in july.faults)
    assert "B列「固投增速（%）」" in said
    assert {use.header: use.note for use in july.columns}["固投增速（%）"].startswith(NOT_USED)
    assert any("本表表头与指定该对应时的表头不同" in note for note in july.notes)
    assert not IndicatorValue.objects.filter(month=7).exists()


def test_the_ledger_does_not_read_an_indicator_sheets_naming(city, tmp_path):
    import_indicators(
        write(tmp_path, _abbreviated(6)), city=city, year=2025, month=6, mapping=NAMED
    )
    assert ColumnMapping.objects.filter(city=city).count() == 2

    mapping, remembered, earlier = columns_named(city, {})

    assert mapping == {} and remembered == {} and earlier == {}


def test_a_remembered_naming_is_dropped_by_naming_the_column_按系统识别(city, tmp_path):
    import_indicators(
        write(tmp_path, _abbreviated(6)), city=city, year=2025, month=6, mapping=NAMED
    )

    july = import_indicators(
        write(tmp_path, _abbreviated(7)),
        city=city,
        year=2025,
        month=7,
        mapping=["固投增速（%）=按系统识别"],
    )

    assert not july.ok  # 固投 is no catalogue name: the column is not understood again
    assert "B列「固投增速（%）」" in " ".join(str(fault) for fault in july.faults)
    assert {use.header: use.note for use in july.columns}["固投增速（%）"] == FORGOTTEN
