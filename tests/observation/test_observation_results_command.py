"""`guanmo observation-results` on a paper score sheet, in every format, read back.

The panel, worked by hand: five judges score four sites in two counties (totals below; each
card's four criteria add up to the total). Trimmed means drop 赵六's high and 钱七's low
total at every site:

    site            张三 李四 王五 赵六 钱七   trimmed mean        plain mean
    武陟县产业园      90   88   85   92   80   263/3 = 87.67       87.00
    武陟县医院        80   82   78   85   75   240/3 = 80.00       80.00
    温县物流园        86   84   88   90   70   258/3 = 86.00       83.60
    温县学校          84   83   82   89   78   249/3 = 83.00       83.20

温县 (86.00 + 83.00) / 2 = 84.50 comes first, 武陟县 (87.67 + 80.00) / 2 = 83.835 → 83.84
second. Kendall's W: the rank sums over the sites are 19, 6, 14, 11 (mean 12.5), so
S = 89 and W = 12 · 89 / (5² · (4³ − 4)) = 0.7120.
"""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import Workbook, load_workbook

pytestmark = pytest.mark.django_db  # the command reads the city's regions

GUANMO = Path(sys.executable).with_name("guanmo")
HEADER = [
    "评委",
    "评委所属县区",
    "观摩点",
    "观摩点所属县区",
    "比规模（25分）",
    "比进度（25分）",
    "比质量（25分）",
    "比效益（25分）",
    "评语",
]
JUDGES = [("张三", ""), ("李四", ""), ("王五", "孟州市"), ("赵六", ""), ("钱七", "")]
PANEL = {
    ("武陟县产业园", "武陟县"): [90, 88, 85, 92, 80],
    ("武陟县医院", "武陟县"): [80, 82, 78, 85, 75],
    ("温县物流园", "温县"): [86, 84, 88, 90, 70],
    ("温县学校", "温县"): [84, 83, 82, 89, 78],
}
REMARKS = {("张三", "武陟县产业园"): "厂房主体已封顶，进度快", ("李四", "温县学校"): "质量好"}


def criteria(total: int) -> list[int]:
    """A total split over the four criteria: 90 → 24, 22, 22, 22."""
    quarter = total // 4
    return [total - 3 * quarter, quarter, quarter, quarter]


def panel_rows(judges=JUDGES) -> list[list[object]]:
    return [
        [judge, judge_region, site, region, *criteria(total), REMARKS.get((judge, site))]
        for (site, region), totals in PANEL.items()
        for (judge, judge_region), total in zip(judges, totals, strict=True)
    ]


def save_sheet(path: Path, rows, header=HEADER) -> Path:
    """A score sheet as an organiser types it: title, a blank line, header, rows."""
    workbook = Workbook()
    sheet = workbook.active
    for row in [["2025年第二次重点项目观摩评分表"], [], header, *rows]:
        sheet.append(row)
    workbook.save(path)
    return path


@pytest.fixture
def panel(tmp_path) -> Path:
    return save_sheet(tmp_path / "评分表.xlsx", panel_rows())


def run(*args: str) -> str:
    out = StringIO()
    call_command("observation-results", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_json_gives_the_hand_worked_scores_ranks_and_agreement(panel):
    results = json.loads(run("--scores", str(panel), "--format", "json"))

    assert [
        {key: site[key] for key in ("site", "region", "judges", "score", "rank")}
        for site in results["sites"]
    ] == [
        {"site": "武陟县产业园", "region": "武陟县", "judges": 5, "score": "87.67", "rank": 1},
        {"site": "温县物流园", "region": "温县", "judges": 5, "score": "86.00", "rank": 2},
        {"site": "温县学校", "region": "温县", "judges": 5, "score": "83.00", "rank": 3},
        {"site": "武陟县医院", "region": "武陟县", "judges": 5, "score": "80.00", "rank": 4},
    ]
    assert results["sites"][0]["dropped"] == ["赵六", "钱七"]
    assert [
        {key: region[key] for key in ("region", "sites", "score", "rank")}
        for region in results["regions"]
    ] == [
        {"region": "温县", "sites": 2, "score": "84.50", "rank": 1},
        {"region": "武陟县", "sites": 2, "score": "83.84", "rank": 2},
    ]
    assert results["kendall_w"] == "0.7120"
    judges = {judge["judge"]: judge for judge in results["judges"]}
    assert list(judges) == ["张三", "李四", "王五", "赵六", "钱七"]
    # 赵六 ranks the sites as the others' mean does; 钱七's order differs by 0,1,2,1 places:
    # ρ = 1 − 6·6 / (4·15) = 0.4. Deviations are from each site's mean of all five totals.
    assert {key: judges["赵六"][key] for key in ("spearman", "mean_deviation", "flagged")} == {
        "spearman": "1.0000",
        "mean_deviation": "5.55",
        "flagged": True,
    }
    assert {key: judges["钱七"][key] for key in ("spearman", "mean_deviation", "flagged")} == {
        "spearman": "0.4000",
        "mean_deviation": "-7.70",
        "flagged": True,
    }
    assert judges["李四"]["flagged"] is False
    assert results["method"] == "trimmed"


def test_text_prints_the_sentences_tables_w_and_flagged_judges(panel):
    text = run("--scores", str(panel))

    assert "本次观摩活动共观摩2个县区的4个项目，5位评委现场打分。" in text
    assert "综合得分第一名为温县（84.50分），第二名为武陟县（83.84分）。" in text
    assert "1\t温县\t2\t84.50" in text
    assert "1\t武陟县产业园\t武陟县\t5\t87.67" in text
    assert "肯德尔协和系数W：0.7120（按5位评委共同评分的4个观摩点计算）" in text
    assert "需关注的评委2位：赵六（打分明显偏宽，平均偏离+5.55分）；" in text


def test_mean_method_changes_the_order(panel):
    results = json.loads(run("--scores", str(panel), "--method", "mean", "--format", "json"))

    # 武陟县 (87.00 + 80.00) / 2 = 83.50 against 温县 (83.60 + 83.20) / 2 = 83.40
    assert [(r["region"], r["score"]) for r in results["regions"]] == [
        ("武陟县", "83.50"),
        ("温县", "83.40"),
    ]
    assert results["method"] == "mean"


def test_drop_high_and_drop_low_reach_the_trim(panel):
    results = json.loads(
        run("--scores", str(panel), "--drop-high", "1", "--drop-low", "0", "--format", "json")
    )

    # Only 赵六's high total goes: 85.75, 78.75 for 武陟县; 82.00, 81.75 for 温县.
    first = results["sites"][0]
    assert (first["site"], first["score"], first["dropped"]) == ("武陟县产业园", "85.75", ["赵六"])
    assert [(r["region"], r["score"]) for r in results["regions"]] == [
        ("武陟县", "82.25"),
        ("温县", "81.88"),
    ]


def test_drop_counts_need_a_trimming_method(panel):
    with pytest.raises(CommandError, match="--drop-high 只用于 trimmed 或 zscore"):
        run("--scores", str(panel), "--method", "median", "--drop-high", "1")


def test_recusal_refuses_a_judge_scoring_his_own_county(tmp_path):
    judges = [*JUDGES[:2], ("王五", "温县"), *JUDGES[3:]]
    sheet = save_sheet(tmp_path / "评分表.xlsx", panel_rows(judges))
    err = StringIO()
    with pytest.raises(CommandError, match="评分表中发现2处错误，未计算结果。"):
        call_command("observation-results", "--scores", str(sheet), stdout=StringIO(), stderr=err)
    assert err.getvalue().splitlines() == [
        "第16行：评委王五与观摩点「温县物流园」同属温县，应当回避，不能打分",
        "第21行：评委王五与观摩点「温县学校」同属温县，应当回避，不能打分",
    ]


def test_no_recusal_counts_a_judge_scoring_his_own_county(tmp_path):
    judges = [*JUDGES[:2], ("王五", "温县"), *JUDGES[3:]]
    sheet = save_sheet(tmp_path / "评分表.xlsx", panel_rows(judges))

    results = json.loads(run("--scores", str(sheet), "--no-recusal", "--format", "json"))

    assert results["recusal"] is False
    assert [(s["site"], s["judges"]) for s in results["sites"]][1] == ("温县物流园", 5)
    assert results["judges"][2]["judge"] == "王五"


def test_xlsx_keeps_every_judges_scores_with_the_dropped_ones_marked(panel, tmp_path):
    path = tmp_path / "结果.xlsx"
    run("--scores", str(panel), "--format", "xlsx", "-o", str(path))

    workbook = load_workbook(path)
    assert workbook.sheetnames == [
        "县区排名",
        "观摩点排名",
        "评委打分",
        "评分明细",
        "评委一致性",
        "名次变动",
    ]
    counties = list(workbook["县区排名"].iter_rows(min_row=4, values_only=True))
    assert counties == [("1", "温县", 2, 84.5), ("2", "武陟县", 2, 83.84)]
    totals = workbook["评委打分"]
    assert [cell.value for cell in totals[3]] == [
        "观摩点",
        "县区",
        "张三",
        "李四",
        "王五",
        "赵六",
        "钱七",
        "得分",
    ]
    assert [cell.value for cell in totals[4]] == [
        "武陟县产业园",
        "武陟县",
        90,
        88,
        85,
        92,
        80,
        87.67,
    ]
    assert [cell.font.strike for cell in totals[4][2:7]] == [None, None, None, True, True]
    details = list(workbook["评分明细"].iter_rows(min_row=3, values_only=True))
    assert details[0] == (
        "张三",
        None,
        "武陟县产业园",
        "武陟县",
        24,
        22,
        22,
        22,
        90,
        "计入",
        "厂房主体已封顶，进度快",
    )
    assert details[3][8:10] == (92, "去掉")
    judges = list(workbook["评委一致性"].iter_rows(min_row=4, values_only=True))
    assert judges[3][:5] == ("赵六", None, 4, 1, 5.55)
    assert judges[3][7] == "打分明显偏宽"


def test_the_xlsx_export_reads_back_as_a_score_sheet(panel, tmp_path):
    exported = tmp_path / "结果.xlsx"
    run("--scores", str(panel), "--format", "xlsx", "-o", str(exported))

    again = json.loads(run("--scores", str(exported), "--format", "json"))

    assert [(r["region"], r["score"]) for r in again["regions"]] == [
        ("温县", "84.50"),
        ("武陟县", "83.84"),
    ]


def test_docx_is_the_results_bulletin(panel, tmp_path):
    path = tmp_path / "通报.docx"
    run("--scores", str(panel), "--format", "docx", "-o", str(path))

    document = Document(str(path))
    texts = [paragraph.text for paragraph in document.paragraphs if paragraph.text]
    assert texts[:2] == ["重点项目建设办公室文件", "关于2025年第二次重点项目观摩评比结果的通报"]
    assert "综合得分第一名为温县（84.50分），第二名为武陟县（83.84分）。" in texts
    assert (
        "武陟县综合得分83.84分，居第2位。观摩点得分：武陟县产业园87.67分（第1位）、"
        "武陟县医院80.00分（第4位）。"
    ) in texts
    assert "武陟县产业园（武陟县）：厂房主体已封顶，进度快。" in texts
    assert "温县学校（温县）：质量好。" in texts
    assert texts[-1] == "重点项目建设办公室"  # a paper tour's draft: no city, no date
    counties, sites = document.tables
    assert [[cell.text for cell in row.cells] for row in counties.rows] == [
        ["位次", "县区", "观摩点（个）", "综合得分"],
        ["1", "温县", "2", "84.50"],
        ["2", "武陟县", "2", "83.84"],
    ]
    assert [cell.text for cell in sites.rows[1].cells] == [
        "1",
        "武陟县产业园",
        "武陟县",
        "5",
        "87.67",
    ]


def test_file_formats_need_an_output_file(panel):
    with pytest.raises(CommandError, match="docx 格式须用 -o 指定输出文件"):
        run("--scores", str(panel), "--format", "docx")


def test_text_can_be_written_to_a_file(panel, tmp_path):
    path = tmp_path / "结果.txt"
    assert "已写入" in run("--scores", str(panel), "-o", str(path))
    assert "综合得分第一名为温县（84.50分）" in path.read_text(encoding="utf-8")


def test_a_faulty_sheet_exits_non_zero_and_writes_nothing(tmp_path):
    rows = panel_rows()
    rows[6][5] = 26  # 李四's 比进度 for 武陟县医院, in row 10
    sheet = save_sheet(tmp_path / "评分表.xlsx", rows)
    output = tmp_path / "通报.docx"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GUANMO_", "DJANGO_"))}

    command = ["observation-results", "--scores", str(sheet), "--format", "docx", "-o", str(output)]
    done = subprocess.run(
        [str(GUANMO), *command],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 1
    assert "第10行「比进度」：应在0至25分之间，而填的是26" in done.stderr
    assert "评分表中发现1处错误，未计算结果。" in done.stderr
    assert not output.exists()
