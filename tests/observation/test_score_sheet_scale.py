"""A score sheet whose scale is not the rubric's stops at import: a judge who scored a 100-point
sheet out of 10, and a sheet giving only 总分 without its full marks (issue 9 §7, tryout 3)."""

from decimal import Decimal

from guanmo.observation.score_sheet import read_score_sheet
from tests.ledger.sheets import xlsx

SITES = [
    ("武陟县高端装备制造园", "武陟县"),
    ("温县太极文化园", "温县"),
    ("孟州市皮毛产业园", "孟州市"),
]


def _total_rows(judges: dict[str, list[object]]) -> list[list[object]]:
    return [
        [judge, site, county, points]
        for judge, scores in judges.items()
        for (site, county), points in zip(SITES, scores, strict=True)
    ]


def test_a_judge_scoring_a_hundred_point_total_out_of_ten_is_stopped_naming_him():
    rows = _total_rows({"张三": [80, 85, 90], "李四": [70, 75, 80], "赵六": [8.5, 9, 9.5]})
    sheet = read_score_sheet(
        xlsx([["评委", "观摩点", "观摩点所属县区", "总分（100分）"], *rows], title="评分表")
    )

    assert sheet.cards == []
    assert [str(fault) for fault in sheet.faults] == [
        "「总分」：评委赵六的评分（第8—10行）最高9.5分，都不超过满分100分的十分之一，"
        "像是按10分制打的分；请按本表满分（100分）换算后重新填写，或核对评分是否填错"
    ]
    assert sheet.faults[0].sheet == "评分表"


def test_a_judge_scoring_every_criterion_at_a_tenth_is_stopped_on_his_own_sheet():
    header = ["观摩点", "观摩点所属县区", "比规模（25分）", "比进度（25分）", "比质量（50分）"]
    sheets = {
        "张三": [header, [SITES[0][0], SITES[0][1], 20, 20, 40], [*SITES[1], 22, 18, 45]],
        "赵六": [header, [SITES[0][0], SITES[0][1], 2, 2.5, 4.5], [*SITES[1], 2, 1.5, 5]],
    }
    sheet = read_score_sheet(
        xlsx(sheets["张三"], title="张三", more_sheets={"赵六": sheets["赵六"]})
    )

    assert sheet.cards == []
    assert [sheet.describe(fault) for fault in sheet.faults] == [
        "工作表「赵六」「比规模、比进度、比质量」：评委赵六的评分（第2—3行）最高总分9分，"
        "各项都不超过满分的十分之一（满分100分），像是按10分制打的分；请按本表满分（100分）"
        "换算后重新填写，或核对评分是否填错"
    ]


def test_a_judge_who_gives_some_low_scores_is_read():
    rows = _total_rows({"张三": [80, 85, 90], "赵六": [8, 60, 9]})
    sheet = read_score_sheet(xlsx([["评委", "观摩点", "观摩点所属县区", "总分（100分）"], *rows]))

    assert sheet.faults == []
    assert [card.total for card in sheet.cards if card.judge == "赵六"] == [
        Decimal(8),
        Decimal(60),
        Decimal(9),
    ]


def test_a_sheet_with_only_a_bare_total_says_so_and_what_the_rubric_needs():
    rows = _total_rows({"张三": [80, 85, 90], "李四": [70, 75, 80]})
    sheet = read_score_sheet(xlsx([["评委", "观摩点", "观摩点所属县区", "总分"], *rows]))

    assert sheet.cards == []
    assert [str(fault) for fault in sheet.faults] == [
        "第1行「总分」：表中只有“总分”一列，没有评分项，总分也未注明满分；按总分计分请将表头"
        "写作“总分（100分）”，按评分项计分请分列填写各项得分：比规模（25分）、比进度（25分）、"
        "比质量（25分）、比效益（25分）"
    ]


def test_a_bare_score_column_under_another_name_is_named_as_typed():
    rows = _total_rows({"张三": [80, 85, 90], "李四": [70, 75, 80]})
    sheet = read_score_sheet(xlsx([["评委", "观摩点", "观摩点所属县区", "得分"], *rows]))

    assert [str(fault) for fault in sheet.faults] == [
        "第1行「得分」：表中只有“得分”一列，没有评分项，总分也未注明满分；按总分计分请将表头"
        "写作“得分（100分）”，按评分项计分请分列填写各项得分：比规模（25分）、比进度（25分）、"
        "比质量（25分）、比效益（25分）"
    ]
