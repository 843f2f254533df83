"""A non-money column's unit (面积, 人数, 能耗) as the sheet states it — after the column's name
or in a units line above the header — converted exactly into the unit the figure is stored in,
with a note, or refused naming the cell; never stored as read in another unit (issue 9,
tryout 8: P04 从业人员（万人）/规划面积（平方千米） left unread, L02/F03 "面积单位：平方米" areas
stored as 亩)."""

from dataclasses import replace
from decimal import Decimal
from enum import StrEnum
from io import BytesIO

import pytest

from guanmo.sheets import cells
from guanmo.sheets.header import Catalogue
from guanmo.sheets.measures import MeasureError, convert
from guanmo.sheets.workbook import SheetSpec, read_workbook
from tests.sheets.files import Drawn, to_xlsx


class Plot(StrEnum):
    NAME = "名称"
    AREA = "占地"
    STAFF = "职工"
    PRICE = "地价"


CATALOGUE = Catalogue(
    fields=tuple(Plot),
    synonyms={
        Plot.NAME: ("名称",),
        Plot.AREA: ("占地", "占地规模"),
        Plot.STAFF: ("职工", "职工数"),
        Plot.PRICE: ("地价", "出让单价"),
    },
    identity=(Plot.NAME,),
    name=Plot.NAME,
    marks=frozenset({Plot.NAME}),
    labels=frozenset({Plot.NAME}),
    parsers={
        Plot.NAME: cells.parse_line,
        **{name: cells.parse_figure for name in (Plot.AREA, Plot.STAFF, Plot.PRICE)},
    },
    measures={Plot.AREA: "亩", Plot.STAFF: "人", Plot.PRICE: "万元/亩"},
    row_word="地块",
    row_marks="名称",
    header_words="“名称”",
)
SPEC = SheetSpec(CATALOGUE, used=frozenset(Plot), required=((Plot.NAME,),))


def read(*rows):
    return read_workbook(BytesIO(to_xlsx(Drawn(list(rows), name="地块"))), SPEC)


def values(reading):
    return [
        (row.values.get(Plot.AREA), row.values.get(Plot.STAFF), row.values.get(Plot.PRICE))
        for row in reading.rows
    ]


def messages(reading):
    faults = [*reading.faults, *(fault for row in reading.rows for fault in row.faults)]
    return [str(fault) for fault in faults]


@pytest.mark.parametrize(
    ("given", "word", "stored", "expected"),
    [
        (Decimal("1000"), "平方米", "亩", Decimal("1.5")),
        (Decimal("2"), "公顷", "亩", Decimal("30")),
        (Decimal("0.5"), "平方千米", "亩", Decimal("750")),
        (Decimal("1.5"), "亩", "平方公里", Decimal("0.001")),
        (Decimal("2.3456"), "万人", "人", Decimal("23456")),
        (Decimal("3200"), "元/亩", "万元/亩", Decimal("0.32")),
        (Decimal("0.32"), "万吨标准煤", "吨标准煤", Decimal("3200")),
    ],
)
def test_a_unit_is_converted_exactly(given, word, stored, expected):
    assert convert(given, word, stored) == expected


def test_a_conversion_that_does_not_end_is_refused_not_rounded():
    with pytest.raises(MeasureError, match="无法精确换算"):
        convert(Decimal("1"), "亩", "平方公里")


def test_a_unit_of_another_kind_is_refused():
    with pytest.raises(MeasureError, match="不能换算为人"):
        convert(Decimal("1"), "公顷", "人")


def test_units_after_the_names_are_converted_and_said():
    reading = read(
        ["名称", "占地（公顷）", "职工数（万人）", "出让单价（元/亩）"],
        ["甲", 2, Decimal("1.25"), 150000],
    )
    assert not reading.faults, messages(reading)
    assert values(reading) == [(Decimal("30"), Decimal("12500"), Decimal("15"))]
    said = " ".join(reading.notes)
    assert "以公顷填报，已换算为亩" in said and "以万人填报，已换算为人" in said


def test_a_units_line_above_the_header_gives_the_columns_without_their_own():
    reading = read(
        ["2025年地块表"],
        [None, None, "计量单位：平方米；金额单位：万元"],
        ["名称", "占地规模", "职工（人）"],
        ["甲", 20000, 35],
    )
    assert not reading.faults, messages(reading)
    assert values(reading) == [(Decimal("30"), Decimal("35"), None)]
    assert any("以平方米填报，已换算为亩" in note for note in reading.notes), reading.notes


def test_a_column_naming_its_unit_keeps_it_over_the_units_line():
    reading = read(["单位：平方米"], ["名称", "占地（亩）"], ["甲", 12])
    assert not reading.faults, messages(reading)
    assert values(reading) == [(Decimal("12"), None, None)]


def test_a_figure_the_stored_unit_cannot_hold_exactly_is_refused_naming_the_cell():
    reading = read(["名称", "出让单价（元/平方米）"], ["甲", 100])
    found = messages(reading)
    assert any("第2行" in m and "地价" in m and "无法精确换算" in m for m in found), found
    assert [row.values.get(Plot.PRICE) for row in reading.rows] == [None]


def test_a_unit_of_another_kind_is_refused_naming_the_header_cell():
    reading = read(["名称", "职工（公顷）"], ["甲", 3])
    found = messages(reading)
    assert any("B1" in m and "公顷" in m and "人" in m for m in found), found


def test_a_figure_typed_with_the_unit_its_header_states_is_read():
    reading = read(
        ["名称", "职工（万人）", "占地（亩）"], ["甲", "1.2万人", "12.5亩"], ["乙", "35家", 3]
    )
    rows = list(reading.rows)
    assert [row.values.get(Plot.STAFF) for row in rows] == [Decimal("12000"), None]
    assert rows[0].values[Plot.AREA] == Decimal("12.5")
    found = messages(reading)
    assert any("第3行" in m and "35家" in m for m in found), found


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        (Decimal("83666.67"), Decimal("125.5")),  # 125.500005 亩 → 125.5000 → 83666.67 平方米
        (Decimal("83666.6667"), Decimal("125.5")),  # back 83666.666…, to 4 decimals as typed
        (Decimal("1000.5"), Decimal("1.5008")),  # 1.50075 → 1.5008 → 1000.53… → 1000.5
    ],
)
def test_square_metres_with_decimals_kept_in_mu_when_they_convert_back_as_typed(typed, kept):
    """The round-trip rule: a figure the stored 亩 (4 decimals, half-up) gives back to the
    decimals it was typed with is the figure typed (tryout 11: 83666.67 平方米)."""
    assert convert(typed, "平方米", "亩", 4) == kept


@pytest.mark.parametrize("typed", [Decimal("1234.5678"), Decimal("0.001")])
def test_square_metres_the_stored_mu_cannot_give_back_are_refused(typed):
    with pytest.raises(MeasureError, match="超过4位小数"):
        convert(typed, "平方米", "亩", 4)


def test_a_square_metre_figure_kept_in_mu_is_noted_and_one_that_is_not_refused_by_its_cell():
    spec = SheetSpec(
        replace(CATALOGUE, measure_places={Plot.AREA: 4}), used=frozenset(Plot), required=()
    )
    reading = read_workbook(
        BytesIO(
            to_xlsx(
                Drawn(
                    [["名称", "占地（平方米）"], ["甲", 83666.67], ["乙", 1234.5678]], name="地块"
                )
            )
        ),
        spec,
    )
    assert [row.values.get(Plot.AREA) for row in reading.rows] == [Decimal("125.5"), None]
    assert (
        "工作表「地块」第2行列B「占地（平方米）」83666.67平方米折合125.500005亩，按4位小数存为125.5000亩"
        "（换算回平方米仍为83666.67）"
    ) in reading.notes
    found = messages(reading)
    assert any("第3行" in m and "占地" in m and "1234.5678平方米" in m for m in found), found
