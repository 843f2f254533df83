"""Reading the ledger's words in a cell: stages, 建设性质, key-list levels."""

import pytest

from guanmo.ledger.cells import format_levels, parse_levels, parse_stage, parse_stage_or_nature
from guanmo.sheets.cells import CellError


@pytest.mark.parametrize(
    ("typed", "stage"),
    [
        ("新开工", "新开工"),
        ("续建", "续建"),
        ("在建", "续建"),
        ("竣工投产", "竣工"),
        ("前期工作", "前期"),
        ("续建项目", "续建"),
        (" 前 期 ", "前期"),
        (None, ""),
    ],
)
def test_stage_synonyms(typed, stage):
    assert parse_stage(typed) == stage


def test_unknown_stage_names_the_four_stages():
    with pytest.raises(CellError, match="应为新开工、续建、竣工或前期"):
        parse_stage("改扩建中")


def test_new_build_is_not_a_stage():
    with pytest.raises(CellError, match="应为新开工、续建、竣工或前期"):
        parse_stage("新建")


@pytest.mark.parametrize(
    ("typed", "stage", "nature"),
    [
        ("续建", "续建", ""),
        ("新开工项目", "新开工", ""),
        ("新建", "", "新建"),
        ("扩建", "", "扩建"),
        ("技术改造", "", "改建"),
        ("迁建", "", "迁建"),
        ("恢复", "", "恢复"),
        (None, "", ""),
    ],
)
def test_construction_cell_gives_the_stage_or_the_statistical_nature(typed, stage, nature):
    read = parse_stage_or_nature(typed)
    assert (read.stage, read.nature) == (stage, nature)


def test_a_category_in_the_construction_cell_names_both_kinds():
    with pytest.raises(CellError, match="应为新开工、续建、竣工、前期（项目阶段）或新建、扩建"):
        parse_stage_or_nature("产业项目")


@pytest.mark.parametrize(
    ("typed", "levels"),
    [
        ("省、市", {"省", "市"}),
        ("省重点", {"省"}),
        ("市级", {"市"}),
        ("省,市,县", {"省", "市", "县"}),
    ],
)
def test_levels_name_the_key_lists(typed, levels):
    assert parse_levels(typed) == levels
    assert parse_levels(format_levels(levels)) == levels


def test_levels_are_written_province_first():
    assert format_levels({"县", "省"}) == "省、县"


def test_unknown_level_is_refused():
    with pytest.raises(CellError):
        parse_levels("国家级")
