"""Score sheets as judges' offices write them: 项目名称/县区 headers, 回避 in a recused judge's
cells, and a header not found said truly with its columns (issue 9, tryout 8 O03, O04)."""

from decimal import Decimal

from guanmo.observation.score_sheet import read_score_sheet
from tests.ledger.sheets import xlsx

CRITERIA = ["比规模（30分）", "比进度（30分）", "比质量（20分）", "比效益（20分）"]


def test_xiangmu_mingcheng_and_xianqu_are_the_site_and_its_county():
    """O03: a judge's own sheet headed 项目名称 | 县区 | criteria."""
    sheet = read_score_sheet(
        xlsx(
            [
                ["2025年秋季重点项目观摩评分表（评委：张三）"],
                [None],
                ["项目名称", "县区", *CRITERIA, "总分"],
                ["武陟县丰源新材料项目", "武陟县", 21.5, 23.5, 18, 14, 77],
            ]
        )
    )

    assert sheet.faults == []
    card = sheet.cards[0]
    assert (card.judge, card.site, card.site_region) == ("张三", "武陟县丰源新材料项目", "武陟县")
    assert card.scores["比规模"] == Decimal("21.5")


def test_a_header_not_found_names_the_rows_searched_and_the_columns_not_understood():
    sheet = read_score_sheet(xlsx([["观摩评分"], ["姓名", "工程", "分数"]]))

    assert [str(fault) for fault in sheet.faults] == [
        "未找到表头：前50行中没有同时写有“观摩点”和“评委”（或评分项）的一行；"
        "第2行的「姓名」「工程」「分数」无法识别"
    ]


def test_huibi_written_in_a_recused_judges_cells_is_his_recusal_left_out_with_a_note():
    """O04: the judge of 武陟县 wrote 回避 across his own county's site."""
    header = ["评委", "评委所属县区", "观摩点", "观摩点所属县区", *CRITERIA]
    sheet = read_score_sheet(
        xlsx(
            [
                ["2025年秋季重点项目观摩评分表"],
                header,
                [
                    "王五",
                    "武陟县",
                    "武陟县丰源新材料项目",
                    "武陟县",
                    "回避",
                    "回避",
                    "回避",
                    "回避",
                ],
                ["王五", "武陟县", "温县汽配产业园项目", "温县", 21, 29, 12.5, 13],
            ]
        )
    )

    assert sheet.faults == []
    assert [(card.judge, card.site) for card in sheet.cards] == [("王五", "温县汽配产业园项目")]
    note = "工作表「Sheet1」第3行：评委王五对观摩点「武陟县丰源新材料项目」回避，未计分"
    assert note in sheet.notes


def test_huibi_in_only_some_cells_is_refused():
    header = ["评委", "评委所属县区", "观摩点", "观摩点所属县区", *CRITERIA]
    sheet = read_score_sheet(
        xlsx(
            [
                ["2025年秋季重点项目观摩评分表"],
                header,
                ["王五", "武陟县", "温县汽配产业园项目", "温县", "回避", 29, 12.5, 13],
            ]
        )
    )

    assert [str(fault) for fault in sheet.faults] == [
        "第3行：只有部分评分项写了“回避”；评委回避的观摩点各项都写“回避”（或整行不填）"
    ]
