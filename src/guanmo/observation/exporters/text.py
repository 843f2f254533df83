"""A tour's results as plain text: the sentences, the county and site tables, and the checks
on the panel. The tables' cells and the panel's lines are shared with the other formats."""

from decimal import Decimal

from guanmo.figures.formatting import digits
from guanmo.observation.agreement import Agreement, JudgeReview
from guanmo.observation.bulletin import (
    TourReport,
    course_sentence,
    podium_sentence,
    scoring_sentence,
)
from guanmo.observation.results import RankShift, TourResults
from guanmo.progress.exporters.text import group_rank_text, rank_text, signed
from guanmo.regions.names import whole

COUNTY_TABLE_HEADERS = ("位次", "县区", "观摩点（个）", "综合得分")
SITE_TABLE_HEADERS = ("位次", "观摩点", "县区", "有效评分（份）", "得分")
JUDGE_TABLE_HEADERS = (
    "评委",
    "所属县区",
    "评分（份）",
    "与其他评委排序相关",
    "平均偏离（分）",
    "偏离波动（分）",
    "本县区偏高（分）",
    "提示",
)


def county_table_rows(results: TourResults) -> list[list[str]]:
    return [
        [rank_text(region), region.region, str(region.sites), f"{region.score:f}"]
        for region in results.regions
    ]


def group_table_headers(top: str) -> tuple[str, ...]:
    """The group table's headers, the overall rank said at the top's level (`names.whole`):
    全市位次 for a city (`top` its name, "" when unknown), 全县位次 for a county at the top."""
    return ("所在组", "组内位次", "县区", "综合得分", f"{whole(top)}位次")


def group_table_rows(results: TourResults) -> list[list[str]]:
    """The counties group by group, each by its rank within the group, its city rank beside."""
    return [
        [name, group_rank_text(region), region.region, f"{region.score:f}", rank_text(region)]
        for name, members in results.groups
        for region in members
    ]


def site_table_rows(results: TourResults) -> list[list[str]]:
    return [
        [rank_text(site), site.site, site.region, str(site.judges), f"{site.score:f}"]
        for site in results.sites
    ]


def judge_table_rows(results: TourResults) -> list[list[str]]:
    return [
        [
            review.judge,
            review.region or "—",
            str(review.sites),
            digits(review.spearman),
            signed(review.mean_deviation),
            digits(review.spread),
            signed(review.home_gap),
            "、".join(review.reasons),
        ]
        for review in results.judges
    ]


def _interval(interval: tuple[Decimal, Decimal] | None) -> str:
    return "" if interval is None else f"（95%置信区间{interval[0]:f}—{interval[1]:f}）"


def agreement_lines(agreement: Agreement) -> list[str]:
    """Kendall's W, the ICCs and Krippendorff's alpha, each on a line, saying on what block."""
    if agreement.kendall_w is None:
        w = "肯德尔协和系数W：无法计算（共同评分的评委或观摩点不足2个）"
    else:
        w = (
            f"肯德尔协和系数W：{agreement.kendall_w:f}"
            f"（按{agreement.block_judges}位评委共同评分的{agreement.block_sites}个观摩点计算）"
        )
    return [
        w,
        f"组内相关系数ICC(A,1)：{digits(agreement.icc_single)}"
        f"{_interval(agreement.icc_single_interval)}；"
        f"ICC(A,k)：{digits(agreement.icc_average)}"
        f"{_interval(agreement.icc_average_interval)}",
        f"克里彭多夫α（等距）：{digits(agreement.krippendorff_alpha)}",
    ]


def flagged_line(judges: list[JudgeReview]) -> str:
    flagged = [review for review in judges if review.flagged]
    if not flagged:
        return "未发现打分明显异常的评委。"
    listed = "；".join(
        f"{review.judge}（{'、'.join(review.reasons)}，平均偏离{signed(review.mean_deviation)}分）"
        for review in flagged
    )
    return f"需关注的评委{len(flagged)}位：{listed}。"


def rank_shift_line(shifts: list[RankShift]) -> str:
    """Which counties' ranks hang on a single judge, judge by judge."""
    if not shifts:
        return "去掉任何一位评委的评分，县区名次均不变。"
    by_judge: dict[str, list[str]] = {}
    for shift in shifts:
        by_judge.setdefault(shift.judge, []).append(
            f"{shift.region}由第{shift.rank}位变为第{shift.rank_without}位"
        )
    listed = "；".join(
        f"去掉{judge}的评分，{'、'.join(moves)}" for judge, moves in by_judge.items()
    )
    return f"县区名次受单个评委影响：{listed}。"


def _table(headers: tuple[str, ...], rows: list[list[str]]) -> list[str]:
    return ["\t".join(headers), *("\t".join(row) for row in rows)]


def render_text(report: TourReport) -> str:
    results = report.results
    podium = podium_sentence(results.regions)
    lines = [
        f"{report.facts.name}评比结果",
        "",
        course_sentence(report.facts),
        scoring_sentence(report),
        *([podium] if podium else []),
        "",
        "一、县区排名",
        *_table(COUNTY_TABLE_HEADERS, county_table_rows(results)),
        "",
        "二、观摩点排名",
        *_table(SITE_TABLE_HEADERS, site_table_rows(results)),
        "",
        "三、评委评分一致性",
        *agreement_lines(results.agreement),
        flagged_line(results.judges),
        rank_shift_line(results.rank_shifts),
        *_table(JUDGE_TABLE_HEADERS, judge_table_rows(results)),
    ]
    if results.notes:
        numbered = (f"{number}. {note}" for number, note in enumerate(results.notes, start=1))
        lines += ["", "四、说明", *numbered]
    return "\n".join(lines)
