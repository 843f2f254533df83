"""Reading a paper tour's score sheet: the good sheet, and every fault with its place."""

from decimal import Decimal

from guanmo.observation.rubric import DEFAULT_RUBRIC, Criterion
from guanmo.observation.score_sheet import read_score_sheet
from tests.ledger.sheets import xlsx

CRITERIA = ["比规模", "比进度", "比质量", "比效益"]
HEADER = ["评委", "评委所属县区", "观摩点", "观摩点所属县区", *CRITERIA]


def _sheet(*rows, header=HEADER, recusal=True):
    """A score sheet as an organiser types it: title, date line, header, rows."""
    return read_score_sheet(
        xlsx([["2025年第二次重点项目观摩评分表"], ["2025年6月"], header, *rows]), recusal=recusal
    )


def _faults(*rows, header=HEADER, recusal=True) -> list[str]:
    sheet = _sheet(*rows, header=header, recusal=recusal)
    assert sheet.cards == []
    return [str(fault) for fault in sheet.faults]


def test_good_sheet_with_title_lines_bracketed_maxima_and_remarks():
    header = [
        "序号",
        "评委",
        "评委所属县区",
        "观摩点",
        "观摩点所属县区",
        "比规模（30分）",
        "比进度(20)",
        "比质量【满分25分】",
        "比效益",
        "总分",
        "评语",
    ]
    sheet = _sheet(
        [1, "张三", "市发改委", "武陟县产业园", "武陟县", 28.5, "18", 20, 22, 88.5, "进度快"],
        [2, "李四", None, "温县医院", "温县", 25, 17.5, "20.5分", 21, None, None],
        header=header,
    )

    assert sheet.faults == []
    assert sheet.title == "2025年第二次重点项目观摩评分表"
    assert sheet.tour_name == "2025年第二次重点项目观摩"
    assert sheet.rubric == (
        Criterion("比规模", Decimal(30), DEFAULT_RUBRIC[0].description),
        Criterion("比进度", Decimal(20), DEFAULT_RUBRIC[1].description),
        Criterion("比质量", Decimal(25), DEFAULT_RUBRIC[2].description),
        DEFAULT_RUBRIC[3],
    )
    first, second = sheet.cards
    assert (first.judge, first.judge_region, first.site, first.site_region) == (
        "张三",
        "市发改委",
        "武陟县产业园",
        "武陟县",
    )
    assert first.scores == {
        "比规模": Decimal("28.5"),
        "比进度": Decimal(18),
        "比质量": Decimal(20),
        "比效益": Decimal(22),
    }
    assert first.total == Decimal("88.5")
    assert first.remark == "进度快"
    assert second.judge_region == ""
    assert second.scores["比质量"] == Decimal("20.5")
    assert second.remark == ""


def test_a_county_typed_short_counts_as_its_first_spelling_and_is_recused():
    faults = _faults(
        ["张三", "市发改委", "武陟县产业园", "武陟县", 20, 20, 20, 20],
        ["李四", "武陟", "武陟县产业园", "武陟县", 20, 20, 20, 20],
    )
    assert faults == ["第5行：评委李四与观摩点「武陟县产业园」同属武陟县，应当回避，不能打分"]


def test_score_above_the_maximum_names_row_and_column():
    faults = _faults(["张三", "", "武陟县产业园", "武陟县", 20, 26, 20, 20])
    assert faults == ["第4行「比进度」：应在0至25分之间，而填的是26"]


def test_negative_score_is_outside_the_range():
    faults = _faults(["张三", "", "武陟县产业园", "武陟县", 20, 20, -1, 20])
    assert faults == ["第4行「比质量」：应在0至25分之间，而填的是-1"]


def test_score_not_in_half_points_names_row_and_column():
    faults = _faults(["张三", "", "武陟县产业园", "武陟县", 20, 20, 20, 20.3])
    assert faults == ["第4行「比效益」：应以0.5分为单位，而填的是20.3"]


def test_score_that_is_not_a_number_names_row_and_column():
    faults = _faults(["张三", "", "武陟县产业园", "武陟县", "良好", 20, None, 20])
    assert faults == ["第4行「比规模」：不是数字：良好", "第4行「比质量」：未打分"]


def test_blank_judge_is_a_fault():
    faults = _faults([None, "", "武陟县产业园", "武陟县", 20, 20, 20, 20])
    assert faults == ["第4行「评委」：不能为空"]


def test_blank_site_is_a_fault():
    faults = _faults(["张三", "", " ", "武陟县", 20, 20, 20, 20])
    assert faults == ["第4行「观摩点」：不能为空"]


def test_blank_site_county_is_a_fault():
    faults = _faults(["张三", "", "武陟县产业园", None, 20, 20, 20, 20])
    assert faults == ["第4行「观摩点所属县区」：不能为空"]


def test_an_attachment_line_above_the_title_is_not_the_tour_name():
    sheet = read_score_sheet(
        xlsx(
            [
                ["附件2"],
                ["2025年第二次重点项目观摩评分汇总表"],
                HEADER,
                ["张三", "", "温县医院", "温县", 20, 20, 20, 20],
            ]
        )
    )
    assert sheet.tour_name == "2025年第二次重点项目观摩"


def test_judge_scoring_a_site_twice_names_both_rows():
    faults = _faults(
        ["张三", "", "武陟县产业园", "武陟县", 20, 20, 20, 20],
        ["李四", "", "武陟县产业园", "武陟县", 20, 20, 20, 20],
        ["张 三", "", "武陟县产业园", "武陟县", 21, 20, 20, 20],
    )
    assert faults == ["第6行：评委张三已在第4行为观摩点「武陟县产业园」打过分"]


def test_judge_scoring_his_own_county_is_a_fault_when_recusal_is_on():
    row = ["王五", "温县", "温县医院", "温县", 20, 20, 20, 20]
    assert _faults(row) == ["第4行：评委王五与观摩点「温县医院」同属温县，应当回避，不能打分"]


def test_judge_scoring_his_own_county_is_allowed_without_recusal():
    sheet = _sheet(["王五", "温县", "温县医院", "温县", 20, 20, 20, 20], recusal=False)
    assert sheet.faults == []
    assert sheet.cards[0].own_county


def test_a_site_given_two_counties_is_a_fault():
    faults = _faults(
        ["张三", "", "温县医院", "温县", 20, 20, 20, 20],
        ["李四", "", "温县医院", "孟州市", 20, 20, 20, 20],
    )
    assert faults == ["第5行「观摩点所属县区」：观摩点「温县医院」在第4行属温县，此处却填孟州市"]


def test_a_total_that_disagrees_with_the_scores_is_a_fault():
    faults = _faults(
        ["张三", "", "温县医院", "温县", 20, 20, 20, 20, 81],
        header=[*HEADER, "合计"],
    )
    assert faults == ["第4行「总分」：各项得分之和为80，而总分填的是81"]


def test_missing_required_columns_are_named():
    """评委所属县区 may be left out (recusal is then unchecked, issue 9 §7); the site's may not."""
    header = ["评委", "观摩点", "比规模", "比进度"]
    faults = _faults(["张三", "温县医院", 20, 20], header=header)
    assert faults == ["第3行「观摩点所属县区」：表头中没有这一列"]


def test_unknown_criterion_without_a_maximum_names_the_column():
    faults = _faults(["张三", "", "温县医院", "温县", 20, 20], header=[*HEADER[:5], "比创新"])
    assert faults == ["第3行「比创新」：未注明满分：评分项请写作“比创新（25分）”的样式"]


def test_header_without_criteria_is_a_fault():
    faults = _faults(["张三", "", "温县医院", "温县"], header=HEADER[:4])
    assert faults == ["第3行：表头中没有评分项列（如“比规模（25分）”）"]


def test_empty_workbook_is_a_fault():
    sheet = read_score_sheet(xlsx([]))
    assert [str(fault) for fault in sheet.faults] == ["评分表是空的"]


def test_header_without_rows_below_is_a_fault():
    assert _faults() == ["第3行：表头以下没有任何评分"]


def test_sheet_without_a_header_is_a_fault():
    sheet = read_score_sheet(xlsx([["观摩评分"], ["姓名", "项目", "分数"]]))
    assert [str(fault) for fault in sheet.faults] == [
        "未找到表头：前50行中没有同时写有“观摩点”和“评委”（或评分项）的一行；"
        "第2行的「姓名」「项目」「分数」无法识别"
    ]


def test_every_fault_is_collected_and_no_card_comes_out():
    sheet = _sheet(
        ["张三", "", "温县医院", "温县", 20, 20, 20, 20],
        ["李四", "", "温县医院", "温县", 30, 20, 20, 20],
        ["王五", "温县", "温县医院", "温县", 20, 20, 20, 20.2],
    )
    assert sheet.cards == []
    assert [(fault.row, fault.column) for fault in sheet.faults] == [
        (5, "比规模"),
        (6, "比效益"),
        (6, None),
    ]


def test_missing_file_is_a_fault(tmp_path):
    sheet = read_score_sheet(tmp_path / "无.xlsx")
    assert str(sheet.faults[0]).startswith("找不到文件：")


def test_a_city_level_site_is_refused_with_the_reason():
    """A tour ranks counties; a site of the city itself (市直) cannot be scored among them
    (issue 9 §6, tryout OE)."""
    faults = _faults(["张三", "", "市图书馆新馆", "市直", 20, 20, 20, 20])
    assert faults == [
        "第4行「观摩点所属县区」：「市直」是市级项目，市级项目不参加县区排名，"
        "不能作为观摩点计分；请填写观摩点所在的县区或园区"
    ]


def test_a_county_at_the_tops_own_site_is_refused_at_its_level(db):
    """An installation whose top is 武陟县 ranks its towns: a site of 县直 is refused in its
    words (县级项目, 本县), never 市级 or 本市."""
    from guanmo.regions.services import init_county, units_of

    county = init_county("410823", ["木城街道", "大封镇"])
    sheet = read_score_sheet(
        xlsx(
            [
                ["2025年全县重点项目观摩评分表"],
                HEADER,
                ["张三", "", "县图书馆新馆", "县直", 20, 20, 20, 20],
                ["张三", "", "某项目", "火星镇", 20, 20, 20, 20],
            ]
        ),
        regions=units_of(county),
        top_name=county.name,
    )
    faults = [str(fault) for fault in sheet.faults]
    assert faults[0] == (
        "第3行「观摩点所属县区」：「县直」是县级项目，县级项目不参加县区排名，"
        "不能作为观摩点计分；请填写观摩点所在的县区或园区"
    )
    assert faults[1].startswith("第4行「观摩点所属县区」：「火星镇」不是本县区划中的县区或园区")
    assert not any("市" in fault for fault in faults)
