"""Which worksheets of a paper tour's workbook count as judges: a hidden sheet and a summary
sheet (汇总, judges' cells 平均分) are left out and named, never read as judges; a judge's own
sheet may leave out the 评委所属县区 column, recusal then unchecked and said so (issue 9 §7,
tryout OA)."""

from io import StringIO

import pytest
from django.core.management import call_command
from openpyxl import Workbook

from guanmo.observation.score_sheet import read_score_sheet
from guanmo.regions.services import init_city

pytestmark = pytest.mark.django_db

SITES = [
    ("武陟县综合计量检测中心", "武陟县"),
    ("温县怀药深加工产业园", "温县"),
    ("解放区城市综合管廊二期", "解放区"),
]
JUDGES = {"张评委": [80, 85, 90], "李评委": [70, 75, 80], "王评委": [90, 95, 88]}
SCORE = "综合得分（100分）"


def _workbook(path, *, judge_region_column=True, summary_name="汇总"):
    book = Workbook()
    book.remove(book.active)
    summary = book.create_sheet(summary_name)
    summary.append(["评委", "评委所属县区", "观摩点", "观摩点所属县区", SCORE])
    for k, (site, county) in enumerate(SITES):
        summary.append(["平均分", None, site, county, sum(s[k] for s in JUDGES.values()) / 3])
    for name, scores in JUDGES.items():
        sheet = book.create_sheet(name)
        sheet.append(["观摩评分表"])
        if judge_region_column:
            sheet.append(["评委所属县区", "观摩点", "观摩点所属县区", SCORE])
            for (site, county), score in zip(SITES, scores, strict=True):
                sheet.append([None, site, county, score])
        else:
            sheet.append(["观摩点", "观摩点所属县区", SCORE])
            for (site, county), score in zip(SITES, scores, strict=True):
                sheet.append([site, county, score])
    hidden = book.create_sheet("赵评委（作废）")
    hidden.sheet_state = "hidden"
    hidden.append(["评委所属县区", "观摩点", "观摩点所属县区", SCORE])
    for site, county in SITES:
        hidden.append([None, site, county, 10])
    book.save(path)
    return path


@pytest.fixture
def jiaozuo():
    return init_city("410800", ["城乡一体化示范区"])


@pytest.mark.parametrize(
    ("summary_name", "why"),
    [
        ("汇总", "汇总表：工作表名称为“汇总”"),
        ("各评委打分情况", "汇总表：评委列填写“平均分”"),
    ],
)
def test_a_hidden_sheet_and_a_summary_sheet_are_left_out_and_named(
    tmp_path, jiaozuo, summary_name, why
):
    path = _workbook(tmp_path / "OA.xlsx", summary_name=summary_name)
    out, err = StringIO(), StringIO()
    call_command("observation-results", "--scores", str(path), stdout=out, stderr=err)
    said = err.getvalue()
    assert "读取3个工作表（张评委、李评委、王评委），3位评委的评分9份" in said
    assert f"未读取2个工作表：{summary_name}（{why}）、赵评委（作废）（隐藏的工作表）" in said
    assert "3位评委现场打分" in out.getvalue()
    assert "平均分\t" not in out.getvalue()
    assert "赵评委" not in out.getvalue()
    # 武陟县: (80+70+90)/3 with one highest and one lowest dropped → 80.00
    assert "武陟县综合计量检测中心\t武陟县\t3\t80.00" in out.getvalue()


def test_a_sheet_named_for_a_summary_is_left_out_whatever_its_judge_cells(tmp_path, jiaozuo):
    path = _workbook(tmp_path / "OA.xlsx", summary_name="合计")
    book_sheet = read_score_sheet(path)
    assert book_sheet.faults == []
    assert book_sheet.sheets == ["张评委", "李评委", "王评委"]
    assert ("合计", "汇总表：工作表名称为“合计”") in book_sheet.left_out


def test_judges_own_sheets_without_a_judge_county_column_are_read_without_recusal(
    tmp_path, jiaozuo
):
    path = _workbook(tmp_path / "OA.xlsx", judge_region_column=False)
    sheet = read_score_sheet(path)
    assert [str(fault) for fault in sheet.faults] == []
    assert sheet.judges == ["张评委", "李评委", "王评委"]
    assert len(sheet.cards) == 9
    assert {card.judge_region for card in sheet.cards} == {""}
    assert sheet.unrecused == ["张评委", "李评委", "王评委"]
    assert "工作表「张评委」没有“评委所属县区”列，无法核对该表评委是否应当回避" in sheet.notes


def test_the_bulletin_says_whose_recusal_could_not_be_checked(tmp_path, jiaozuo):
    path = _workbook(tmp_path / "OA.xlsx", judge_region_column=False)
    out = StringIO()
    call_command("observation-results", "--scores", str(path), stdout=out, stderr=StringIO())
    assert (
        "评委对本县区观摩点实行回避（张评委、李评委、王评委未注明所属县区，未能核对回避）。"
        in out.getvalue()
    )
