"""`observation-results` on paper score sheets as judges' papers are typed (issue 9 §7, case
C13): every worksheet with a score header is read and counted aloud, the scoring step is the
tour's or the sheet's, and recusal knows a county or zone however it is written."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from guanmo.regions.services import init_city
from tests.ledger.sheets import xlsx
from tests.sheets.case_files import case_file
from tests.sheets.files import Drawn, to_xls

ONE_SHEET_PER_JUDGE = case_file("C13", "a_")
ONE_SHEET = case_file("C13", "a2_")
ONE_DECIMAL = case_file("C13", "b_")
ZONE_JUDGE_SCORES_ZONE = case_file("C13", "c_")
MENGZHOU_JUDGE_SCORES_MENGZHOU = case_file("C13", "c2_")
JUDGES = "评委甲、评委乙、评委丙、评委丁、评委戊、评委己、评委庚"
HEADER = ["序号", "观摩点", "观摩点所属县区", "评委所属县区", "比规模（50分）", "比进度（50分）"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def jiaozuo():
    """焦作市 with its zone, as its office builds it: `init-city 410800 --zone …`."""
    return init_city("410800", ["城乡一体化示范区"])


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("observation-results", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def refused(*args) -> tuple[str, str]:
    err = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("observation-results", *map(str, args), stdout=StringIO(), stderr=err)
    return str(raised.value), err.getvalue()


def test_one_sheet_per_judge_reads_all_seven_judges_as_one_sheet_does(jiaozuo):
    per_judge, said = run("--scores", ONE_SHEET_PER_JUDGE, "--format", "json")
    together, said_together = run("--scores", ONE_SHEET, "--format", "json")

    assert f"读取7个工作表（{JUDGES}），7位评委的评分" in said
    assert "读取1个工作表（Sheet），7位评委的评分" in said_together
    assert json.loads(per_judge) == json.loads(together)
    assert len(json.loads(per_judge)["judges"]) == 7


def test_one_sheet_per_judge_names_the_tour_without_the_first_judge(jiaozuo):
    text, _ = run("--scores", ONE_SHEET_PER_JUDGE)

    assert "7位评委" in text
    assert "评委甲）" not in text
    assert "2025年第三季度重点项目观摩" in text


def test_scores_to_one_decimal_are_refused_at_half_points_with_the_way_out(jiaozuo):
    message, said = refused("--scores", ONE_DECIMAL)

    assert "未计算结果" in message
    assert "第3行「比规模」：应以0.5分为单位，而填的是21.6" in said
    assert "请加 --step 0.1" in said


def test_scores_to_one_decimal_are_read_with_step_a_tenth(jiaozuo):
    results, said = run("--scores", ONE_DECIMAL, "--step", "0.1", "--format", "json")

    assert "7位评委的评分" in said
    first = json.loads(results)["sites"][0]
    assert first["judges"] >= 5
    assert first["score"].count(".") == 1


def test_the_zone_judge_scoring_the_zone_written_short_is_a_recusal_fault(jiaozuo):
    _, said = refused("--scores", ZONE_JUDGE_SCORES_ZONE)

    assert (
        "第76行：评委评委己与观摩点「示范区职业教育园区」同属城乡一体化示范区，应当回避，不能打分"
        in said
    )


def test_a_county_level_city_judge_written_short_is_recused(jiaozuo):
    _, said = refused("--scores", MENGZHOU_JUDGE_SCORES_MENGZHOU)

    assert "第76行：评委评委戊与观摩点「孟州市高端装备制造产业园」同属孟州市" in said


def test_without_the_zone_built_its_sites_are_refused_not_guessed():
    _, said = refused("--scores", ZONE_JUDGE_SCORES_ZONE)

    assert "「观摩点所属县区」：「示范区」不是本市区划中的县区或园区" in said
    assert "guanmo init-city 410800 --zone" in said


def _judge_sheet(judge_line: list, rows: list) -> list:
    return [["2025年第二次重点项目观摩评分表" + judge_line[0]], *judge_line[1:], HEADER, *rows]


def test_judges_named_in_their_sheets_titles_not_their_sheet_names(tmp_path, jiaozuo):
    zhang = _judge_sheet(["（评委：张三）"], [[1, "温县医院", "温县", "市发改委", 40, 40]])
    li = _judge_sheet(["（评委：李四）"], [[1, "温县医院", "温县", "市财政局", 45, 40]])
    cover = [["填表说明：每位评委一张表"]]
    path = tmp_path / "评分.xlsx"
    path.write_bytes(
        xlsx(zhang, title="Sheet1", more_sheets={"Sheet2": li, "说明": cover}).getvalue()
    )

    results, said = run("--scores", path, "--format", "json")

    assert "读取2个工作表（Sheet1、Sheet2），2位评委的评分2份" in said
    assert "工作表「Sheet1」没有“评委”列，按标题注明计为评委张三" in said
    assert "工作表「说明」没有评分表头，未读取" in said
    assert [judge["judge"] for judge in json.loads(results)["judges"]] == ["张三", "李四"]
    assert json.loads(results)["sites"][0]["score"] == "82.50"


def test_a_judge_sheet_left_unnamed_is_refused(tmp_path, jiaozuo):
    unnamed = [["观摩评分表"], HEADER, [1, "温县医院", "温县", "", 40, 40]]
    path = tmp_path / "评分.xlsx"
    path.write_bytes(xlsx(unnamed, title="Sheet1").getvalue())

    _, said = refused("--scores", path)

    assert "第2行「评委」：表头中没有“评委”列，标题和工作表名称也未注明评委" in said


def test_the_same_card_on_two_sheets_names_the_other_sheet(tmp_path, jiaozuo):
    card = [1, "张三", "", "温县医院", "温县", 20, 20]
    header = [
        "序号",
        "评委",
        "评委所属县区",
        "观摩点",
        "观摩点所属县区",
        "比规模（25分）",
        "比进度",
    ]
    sheet = [["评分表"], header, card]
    path = tmp_path / "评分.xlsx"
    # (a sheet named 汇总 would be a summary, left out: see test_score_sheet_left_out.py)
    path.write_bytes(xlsx(sheet, title="第一组", more_sheets={"张三": sheet}).getvalue())

    _, said = refused("--scores", path)

    assert (
        "工作表「张三」第3行：评委张三已在工作表「第一组」第3行为观摩点「温县医院」打过分" in said
    )


def test_sheets_with_different_criteria_are_refused(tmp_path, jiaozuo):
    header = ["评委", "评委所属县区", "观摩点", "观摩点所属县区"]
    first = [[*header, "比规模（50分）"], ["张三", "", "温县医院", "温县", 40]]
    second = [[*header, "比规模（40分）"], ["李四", "", "温县医院", "温县", 40]]
    path = tmp_path / "评分.xlsx"
    path.write_bytes(xlsx(first, title="甲", more_sheets={"乙": second}).getvalue())

    _, said = refused("--scores", path)

    assert "工作表「乙」第1行：评分项与工作表「甲」不同（应为比规模（50分））" in said


def test_a_fifth_point_sheet_is_read_with_step_a_tenth_and_refused_at_halves(tmp_path, jiaozuo):
    header = [
        "评委",
        "评委所属县区",
        "观摩点",
        "观摩点所属县区",
        "比规模（30分）",
        "比效益（20分）",
    ]
    rows = [
        ["张三", "", "温县医院", "温县", 25.2, 16.4],
        ["李四", "", "温县医院", "温县", 27.8, 18.6],
    ]
    path = tmp_path / "评分.xlsx"
    path.write_bytes(xlsx([header, *rows]).getvalue())

    results, _ = run("--scores", path, "--step", "0.1", "--format", "json")
    _, said = refused("--scores", path)

    assert json.loads(results)["sites"][0]["score"] == "44.00"
    assert "第2行「比规模」：应以0.5分为单位，而填的是25.2" in said
    assert refused("--scores", path, "--step", "0.05")[0].startswith("--step：打分单位应为")


def test_a_county_level_city_judge_is_recused_from_its_sites_written_in_full(tmp_path, jiaozuo):
    header = ["评委", "评委所属县区", "观摩点", "观摩点所属县区", "比规模（50分）"]
    rows = [["王五", "沁阳", "沁阳市特种纸项目", "沁阳市", 40]]
    path = tmp_path / "评分.xlsx"
    path.write_bytes(xlsx([header, *rows]).getvalue())

    _, said = refused("--scores", path)

    assert "第2行：评委王五与观摩点「沁阳市特种纸项目」同属沁阳市，应当回避，不能打分" in said


def test_a_zone_written_as_its_code_is_the_zone(tmp_path, jiaozuo):
    zone = jiaozuo.children.get(name="城乡一体化示范区")
    header = ["评委", "评委所属县区", "观摩点", "观摩点所属县区", "比规模（50分）"]
    rows = [
        ["王五", zone.code, "示范区职教园", "示范区", 40],
        ["赵六", "市发改委", "示范区职教园", "城乡一体化示范区", 40],
    ]
    path = tmp_path / "评分.xlsx"
    path.write_bytes(xlsx([header, *rows]).getvalue())

    _, said = refused("--scores", path)

    assert "第2行：评委王五与观摩点「示范区职教园」同属城乡一体化示范区，应当回避" in said
    assert "第3行" not in said  # the same zone in full, and a city bureau that recuses nothing


def test_an_xls_score_sheet_is_read_and_its_hidden_row_left_out_aloud(tmp_path, jiaozuo):
    header = ["评委", "评委所属县区", "观摩点", "观摩点所属县区", "比规模（50分）"]
    drawn = Drawn(
        [
            header,
            ["张三", "", "温县医院", "温县", 40],
            ["李四", "", "温县医院", "温县", 45],
            ["李四", "", "温县医院", "温县", 10],  # an earlier card, hidden
        ],
        name="评分",
        hidden_rows={4},
    )
    path = tmp_path / "评分.xls"
    path.write_bytes(to_xls(drawn))

    results, said = run("--scores", path, "--format", "json")

    assert "读取1个工作表（评分），2位评委的评分2份" in said
    assert "工作表「评分」第4行为隐藏行，未读取" in said
    assert json.loads(results)["sites"][0]["score"] == "42.50"
