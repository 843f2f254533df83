"""The organiser's export: county and site rankings, every judge's scores (totals per site
with the dropped ones struck through, and each criterion), and the checks on the panel."""

from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Font

from guanmo.documents.xlsx import INTEGER_FORMAT, Column, write_table
from guanmo.observation.bulletin import TourReport
from guanmo.observation.exporters.text import agreement_lines
from guanmo.observation.results import RegionResult
from guanmo.progress.exporters.text import group_rank_text, rank_text

POINTS_FORMAT = "0.00"
HALF_POINTS_FORMAT = "0.0"
DROPPED_FONT = Font(name="宋体", size=10, strike=True, color="808080")
RECUSED = "回避"
DROPPED = "去掉"
COUNTED = "计入"

COUNTY_COLUMNS = (
    Column("位次", 8),
    Column("县区", 18),
    Column("观摩点（个）", 12, INTEGER_FORMAT),
    Column("综合得分", 12, POINTS_FORMAT),
)
GROUP_COLUMNS = (Column("所在组", 14), Column("组内位次", 8))
SITE_COLUMNS = (
    Column("位次", 8),
    Column("观摩点", 36, wrap=True),
    Column("县区", 14),
    Column("有效评分（份）", 12, INTEGER_FORMAT),
    Column("得分", 10, POINTS_FORMAT),
    Column("去掉的评分", 28, wrap=True),
)
JUDGE_COLUMNS = (
    Column("评委", 12),
    Column("所属县区", 14),
    Column("评分（份）", 10, INTEGER_FORMAT),
    Column("与其他评委排序相关", 14, "0.0000"),
    Column("平均偏离（分）", 12, POINTS_FORMAT),
    Column("偏离波动（分）", 12, POINTS_FORMAT),
    Column("本县区偏高（分）", 12, POINTS_FORMAT),
    Column("提示", 30, wrap=True),
)
SHIFT_COLUMNS = (
    Column("去掉的评委", 12),
    Column("县区", 16),
    Column("位次", 8, INTEGER_FORMAT),
    Column("去掉后位次", 10, INTEGER_FORMAT),
)


def _group_cells(region: RegionResult) -> list[str | None]:
    """所在组 and 组内位次, blank for a county in no group."""
    if not region.group:
        return [None, None]
    return [region.group, group_rank_text(region)]


def write_xlsx(report: TourReport, output: str | Path | BinaryIO) -> None:
    workbook = Workbook()
    results, name = report.results, report.facts.name
    counties = workbook.active
    counties.title = "县区排名"
    write_table(
        counties,
        title=f"{name}县区排名",
        units=f"计分方法：{results.method.label}",
        columns=COUNTY_COLUMNS + (GROUP_COLUMNS if results.groups else ()),
        rows=[
            [rank_text(region), region.region, region.sites, region.score]
            + (_group_cells(region) if results.groups else [])
            for region in results.regions
        ],
    )
    write_table(
        workbook.create_sheet("观摩点排名"),
        title=f"{name}观摩点排名",
        units=f"计分方法：{results.method.label}",
        columns=SITE_COLUMNS,
        rows=[
            [
                rank_text(site),
                site.site,
                site.region,
                site.judges,
                site.score,
                "、".join(f"{judge}（{site.totals[judge]:f}）" for judge in site.dropped),
            ]
            for site in results.sites
        ],
        freeze_columns=2,
    )
    _write_totals(workbook.create_sheet("评委打分"), report)
    _write_cards(workbook.create_sheet("评分明细"), report)
    write_table(
        workbook.create_sheet("评委一致性"),
        title=f"{name}评委评分一致性",
        units="；".join(agreement_lines(results.agreement)),
        columns=JUDGE_COLUMNS,
        rows=[
            [
                review.judge,
                review.region,
                review.sites,
                review.spearman,
                review.mean_deviation,
                review.spread,
                review.home_gap,
                "、".join(review.reasons),
            ]
            for review in results.judges
        ],
        freeze_columns=1,
    )
    if results.rank_shifts:
        write_table(
            workbook.create_sheet("名次变动"),
            title=f"{name}去掉一位评委后的县区名次变动",
            units=None,
            columns=SHIFT_COLUMNS,
            rows=[
                [shift.judge, shift.region, shift.rank, shift.rank_without]
                for shift in results.rank_shifts
            ],
        )
    workbook.save(output)


def _judges(report: TourReport) -> list[tuple[str, str]]:
    """(judge, county) in the order the cards first name them."""
    seen: dict[str, str] = {}
    for card in report.cards:
        seen.setdefault(card.judge, card.judge_region)
    return list(seen.items())


def _write_totals(sheet, report: TourReport) -> None:
    """Sites (in rank order) by judges: each judge's total, dropped ones struck through."""
    judges = _judges(report)
    columns = (
        Column("观摩点", 36, wrap=True),
        Column("县区", 14),
        *(Column(judge, 10, HALF_POINTS_FORMAT) for judge, _ in judges),
        Column("得分", 10, POINTS_FORMAT),
    )
    rows = []
    for site in report.results.sites:
        cells = []
        for judge, region in judges:
            if judge in site.totals:
                cells.append(site.totals[judge])
            else:
                cells.append(RECUSED if region and region == site.region else "")
        rows.append([site.site, site.region, *cells, site.score])
    header_row = write_table(
        sheet,
        title=f"{report.facts.name}评委打分汇总",
        units="删除线标出的是计分时去掉的分数",
        columns=columns,
        rows=rows,
        freeze_columns=2,
    )
    for offset, site in enumerate(report.results.sites, start=1):
        for index, (judge, _) in enumerate(judges, start=3):
            if judge in site.dropped:
                sheet.cell(header_row + offset, index).font = DROPPED_FONT


def _write_cards(sheet, report: TourReport) -> None:
    """One row per judge and site, with each criterion, the total and whether it counted."""
    dropped = {(judge, site.site) for site in report.results.sites for judge in site.dropped}
    counted = {(judge, site.site) for site in report.results.sites for judge in site.totals}
    columns = (
        Column("评委", 12),
        Column("评委所属县区", 14),
        Column("观摩点", 36, wrap=True),
        Column("观摩点所属县区", 14),
        *(Column(f"{c.name}（{c.maximum:f}分）", 10, HALF_POINTS_FORMAT) for c in report.rubric),
        Column("总分", 10, HALF_POINTS_FORMAT),
        Column("计分", 8),
        Column("评语", 40, wrap=True),
    )
    rows = []
    for card in report.cards:
        key = (card.judge, card.site)
        use = DROPPED if key in dropped else COUNTED if key in counted else RECUSED
        rows.append(
            [
                card.judge,
                card.judge_region,
                card.site,
                card.site_region,
                *(card.scores.get(criterion.name) for criterion in report.rubric),
                card.total,
                use,
                card.remark,
            ]
        )
    write_table(
        sheet,
        title=f"{report.facts.name}评分明细",
        units=None,
        columns=columns,
        rows=rows,
        freeze_columns=3,
    )
