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


def test_a_judge_who_gave_nothing_but_zeros_is_no_scale_seen():
    rows = _total_rows({"张三": [80, 85, 90], "赵六": [0, 0, 0]})
    sheet = read_score_sheet(xlsx([["评委", "观摩点", "观摩点所属县区", "总分（100分）"], *rows]))

    assert sheet.faults == []


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


def test_a_site_merged_down_over_its_judges_rows_is_read_for_each_judge():
    """One site's name and county merged over the rows of the judges who scored it, as offices
    type a sheet by site (the kind of tryout 3 N3 in a score sheet): each row is that site's."""
    header = ["观摩点", "观摩点所属县区", "评委", "总分（100分）"]
    rows = [header, [*SITES[0], "张三", 80], [None, None, "李四", 75], [*SITES[1], "张三", 90]]
    rows.append([None, None, "李四", 85])
    sheet = read_score_sheet(xlsx(rows, merges=["A2:A3", "B2:B3", "A4:A5", "B4:B5"]))

    assert sheet.faults == []
    assert [(card.site, card.site_region, card.judge, card.total) for card in sheet.cards] == [
        (SITES[0][0], "武陟县", "张三", Decimal(80)),
        (SITES[0][0], "武陟县", "李四", Decimal(75)),
        (SITES[1][0], "温县", "张三", Decimal(90)),
        (SITES[1][0], "温县", "李四", Decimal(85)),
    ]


def test_a_score_merged_down_over_several_rows_names_the_merged_cell():
    header = ["观摩点", "观摩点所属县区", "评委", "总分（100分）"]
    rows = [header, [*SITES[0], "张三", 80], [*SITES[1], "张三", None]]
    sheet = read_score_sheet(xlsx(rows, merges=["D2:D3"]))

    assert sheet.cards == []
    assert [str(fault) for fault in sheet.faults] == [
        "第2行「总分」：单元格D2:D3纵向合并了第2—3行，分数属于哪一行不明；"
        "请取消合并，每行填写本行的分数后再导入"
    ]


def test_judges_typed_as_columns_are_named_as_a_layout_that_cannot_be_read():
    """Tryout 3 S2: sites as rows, one column per judge, then 总分 and 平均分."""
    rows = [
        ["观摩点", "所属县区", "张三", "李四", "王五", "总分", "平均分"],
        [*SITES[0], 80, 70, 90, 240, 80],
    ]
    sheet = read_score_sheet(xlsx(rows))

    assert [str(fault) for fault in sheet.faults] == [
        "第1行有“观摩点”列，但没有“评委”列，也没有注明满分的评分项列（如“比规模（25分）”），"
        "其余各列（张三、李四、王五、平均分）无法识别；评分表应每行填写一位评委"
        "对一个观摩点的评分，评委作列的汇总表请改为“评委、观摩点、观摩点所属县区、各评分项”"
        "的样式后再导入"
    ]


ITEMS = ["观摩点", "观摩点所属县区", "比规模（25分）", "比进度（25分）", "比质量（50分）"]


def _per_judge(judges: dict[str, list[list[object]]], header=ITEMS, step=Decimal("0.5")):
    """One worksheet per judge, each scoring the first len(scores) sites."""
    sheets = {
        judge: [header, *([*SITES[i], *points] for i, points in enumerate(scores))]
        for judge, scores in judges.items()
    }
    first, *others = sheets
    return read_score_sheet(
        xlsx(sheets[first], title=first, more_sheets={name: sheets[name] for name in others}),
        step=step,
    )


def test_a_judge_scoring_each_25_point_item_out_of_10_is_stopped_naming_the_scale():
    sheet = _per_judge(
        {
            "张三": [[20, 20, 40], [22, 18, 45], [15, 21, 38]],
            "赵六": [[8, 9, 10], [7, 8.5, 9], [6, 7, 9.5]],
        }
    )

    assert sheet.cards == []
    assert [sheet.describe(fault) for fault in sheet.faults] == [
        "工作表「赵六」「比规模、比进度、比质量」：评委赵六的评分（第2—4行）各项都不超过10分"
        "（最高一项为该项满分的36%），而本表评分项满分为25、25、50分，像是每项按10分制打的分；"
        "请按各项满分换算后重新填写，或核对评分是否填错（判定：9项得分都不超过10分，"
        "评分项满分至少一项不低于20分，各项得分都不超过该项满分的40%）"
    ]


def test_a_judge_giving_fractions_of_each_item_is_stopped_naming_the_scale():
    sheet = _per_judge(
        {
            "张三": [[20, 20, 40], [22, 18, 45], [15, 21, 38]],
            "赵六": [[0.8, 0.9, 0.7], [0.6, 0.8, 0.9], [1, 0.7, 0.8]],
        },
        step=Decimal("0.1"),
    )

    assert sheet.cards == []
    assert [sheet.describe(fault) for fault in sheet.faults] == [
        "工作表「赵六」「比规模、比进度、比质量」：评委赵六的评分（第2—4行）各项都不超过1分"
        "（最高一项为该项满分的4%），而本表评分项满分为25、25、50分，像是每项按0—1的比例"
        "（如0.8表示八成）填的分；请按各项满分换算后重新填写，或核对评分是否填错"
        "（判定：9项得分都不超过1分，评分项满分至少一项不低于2分，各项得分都不超过该项满分的40%）"
    ]


def test_a_harsh_judge_with_one_item_near_its_maximum_is_read():
    sheet = _per_judge(
        {
            "张三": [[20, 20, 40], [22, 18, 45], [15, 21, 38]],
            "钱七": [[6, 5, 9], [8, 9, 10], [7, 6, 45]],
        }
    )

    assert sheet.faults == []
    assert [card.total for card in sheet.cards if card.judge == "钱七"] == [20, 27, 58]


def test_a_judge_scoring_small_items_high_and_large_items_low_is_read():
    """Every score ≤ 10, but the 10-point items are scored near their maximum: not a scale."""
    header = ["观摩点", "观摩点所属县区", "比规模（25分）", "比创新（10分）", "比服务（10分）"]
    sheet = _per_judge(
        {
            "张三": [[20, 8, 9], [22, 9, 7], [15, 6, 8]],
            "赵六": [[9, 9, 8], [10, 8.5, 9], [8, 9, 9.5]],
        },
        header=header,
    )

    assert sheet.faults == []
    assert len([card for card in sheet.cards if card.judge == "赵六"]) == 3


def test_a_judge_with_too_few_scores_shows_no_scale():
    sheet = _per_judge({"张三": [[20, 20, 40]], "赵六": [[8, 9]]}, header=ITEMS[:4])

    assert sheet.faults == []
