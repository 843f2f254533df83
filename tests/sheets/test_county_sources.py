"""One rule for a row's county: every place a sheet writes it (the row's county cell, its project
code, the heading it stands under, its sheet's name, its sheet's title) names the same county,
or the row is refused naming each of them and the counties they name (issue 9, tryout 7)."""

from dataclasses import dataclass

import pytest

from guanmo.sheets.county_sources import (
    CountyConflict,
    CountySource,
    SourceKind,
    agreed_county,
)


@dataclass(frozen=True)
class Unit:
    name: str


WUZHI, WENXIAN, MENGZHOU = Unit("武陟县"), Unit("温县"), Unit("孟州市")


def column(*units: Unit, typed: str = "") -> CountySource:
    typed = typed or "、".join(unit.name for unit in units)
    return CountySource(SourceKind.COLUMN, "「所在县区」列", typed, units)


def sheet(unit: Unit, name: str = "") -> CountySource:
    return CountySource(SourceKind.SHEET, "工作表名", name or unit.name, (unit,))


def title(unit: Unit, text: str) -> CountySource:
    return CountySource(SourceKind.TITLE, "标题", text, (unit,))


def heading(unit: Unit) -> CountySource:
    return CountySource(SourceKind.HEADING, "所在标题行", unit.name, (unit,))


def code(unit: Unit, typed: str) -> CountySource:
    return CountySource(SourceKind.CODE, "「项目代码」", typed, (unit,))


def test_no_source_names_no_county():
    assert agreed_county([]) is None


def test_the_first_source_given_decides_when_all_agree():
    sources = [column(WENXIAN), heading(WENXIAN), sheet(WENXIAN), code(WENXIAN, "2024-410825")]
    assert agreed_county(sources) == sources[0]


def test_a_layout_source_alone_decides():
    assert agreed_county([sheet(WENXIAN)]) == sheet(WENXIAN)


def test_a_sheet_name_against_the_county_cell_is_a_conflict_naming_both():
    with pytest.raises(CountyConflict) as raised:
        agreed_county([column(WUZHI), sheet(WENXIAN)])
    assert str(raised.value) == "工作表名为温县，「所在县区」列为武陟县，不一致，未写入任何数据"


def test_a_conflict_names_every_source_from_the_title_inwards():
    sources = [
        column(WUZHI, typed="武陟"),
        heading(WUZHI),
        sheet(WUZHI),
        title(WENXIAN, "温县2025年重点项目台账"),
        code(WUZHI, "2024-410823-34-03-000009"),
    ]
    with pytest.raises(CountyConflict) as raised:
        agreed_county(sources)
    assert str(raised.value) == (
        "标题「温县2025年重点项目台账」写明温县，工作表名为武陟县，所在标题行为武陟县，"
        "「所在县区」列为武陟（武陟县），「项目代码」为2024-410823-34-03-000009（武陟县），"
        "不一致，未写入任何数据"
    )


def test_layout_sources_that_disagree_among_themselves_are_a_conflict():
    with pytest.raises(CountyConflict) as raised:
        agreed_county([heading(WUZHI), sheet(WENXIAN, "温县6月")])
    assert str(raised.value) == (
        "工作表名「温县6月」写明温县，所在标题行为武陟县，不一致，未写入任何数据"
    )


def test_a_code_against_a_title_is_a_conflict():
    with pytest.raises(CountyConflict):
        agreed_county([title(WENXIAN, "温县重点项目"), code(WUZHI, "2024-410823-34-03-000009")])


def test_a_project_of_several_counties_agrees_with_a_layout_naming_any_of_them():
    sources = [column(WUZHI, WENXIAN), sheet(WENXIAN), code(WUZHI, "2024-410823-34-03-000009")]
    assert agreed_county(sources) == sources[0]


def test_a_project_of_several_counties_in_a_third_countys_sheet_is_a_conflict():
    with pytest.raises(CountyConflict) as raised:
        agreed_county([column(WUZHI, WENXIAN), sheet(MENGZHOU)])
    assert str(raised.value) == (
        "工作表名为孟州市，「所在县区」列为武陟县、温县，不一致，未写入任何数据"
    )


def test_a_conflict_keeps_the_sources_it_was_given():
    sources = [column(WUZHI), sheet(WENXIAN)]
    with pytest.raises(CountyConflict) as raised:
        agreed_county(sources)
    assert raised.value.sources == tuple(sources)
