"""The report as a workbook: the county table and the project table, ready to print, then a
sheet for each added section's table (`guanmo.progress.sections`)."""

from collections.abc import Collection, Sequence
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook

from guanmo.documents.xlsx import (
    INTEGER_FORMAT,
    MONEY_FORMAT,
    POINTS_FORMAT,
    RATE_FORMAT,
    Column,
    write_table,
)
from guanmo.figures.changes import rank_move_cell
from guanmo.figures.formatting import rate
from guanmo.progress.exporters.text import group_rank_text, unit_rank_text
from guanmo.progress.report import ProgressReport
from guanmo.progress.sections import BulletinSection

COUNTY_COLUMNS = (
    Column("位次", 8),
    Column("县区", 18),
    Column("项目数（个）", 10, INTEGER_FORMAT),
    Column("年度计划投资（万元）", 16, MONEY_FORMAT),
    Column("完成投资（万元）", 16, MONEY_FORMAT),
    Column("完成率", 12, RATE_FORMAT),
    Column("较时间进度（个百分点）", 14, POINTS_FORMAT),
    Column("位次较上月", 12),
    Column("完成率较上月（个百分点）", 14, POINTS_FORMAT),
)
GROUP_COLUMNS = (Column("所在组", 14), Column("组内位次", 8))
PROJECT_COLUMNS = (
    Column("序号", 6, INTEGER_FORMAT),
    Column("县区", 14),
    Column("项目名称", 40, wrap=True),
    Column("建设性质", 10),
    Column("包抓领导", 10),
    Column("年度计划投资（万元）", 16, MONEY_FORMAT),
    Column("完成投资（万元）", 16, MONEY_FORMAT),
    Column("完成率", 12, RATE_FORMAT),
    Column("本月报送", 10),
)


_ADDED_AT = 7  # the columns other apps add come after 较时间进度


def _format(index: int, rates: Collection[int], points: Collection[int]) -> str | None:
    return RATE_FORMAT if index in rates else POINTS_FORMAT if index in points else None


def _added_columns(report: ProgressReport) -> list[Column]:
    return [
        Column(header, 14, _format(index, columns.rate_columns, columns.points_columns))
        for columns in report.columns
        for index, header in enumerate(columns.headers)
    ]


def _added(report: ProgressReport, region: str) -> list[object]:
    return [value for columns in report.columns for value in columns.values(region)]


def write_xlsx(
    report: ProgressReport,
    city_name: str,
    output: str | Path | BinaryIO,
    *,
    sections: Sequence[BulletinSection] = (),
) -> None:
    workbook = Workbook()
    title = f"{city_name}{report.period.year}年{report.period.label}{report.subject}"
    counties = workbook.active
    counties.title = "县区汇总"
    county_rows = []
    for f in report.regions:
        change = report.changes.get(f.region)
        row = [
            unit_rank_text(f),
            f.region,
            f.projects,
            f.annual_plan,
            f.completed,
            f.completion_rate,
            f.vs_time_progress,
            *_added(report, f.region),
            rank_move_cell(change.places if change else None),
            change.points if change else None,
        ]
        if report.groups:
            row += [f.group or None, None if f.group_rank is None else group_rank_text(f)]
        county_rows.append(row)
    total = report.total
    county_rows.append(
        [
            "",
            "合计",
            total.projects,
            total.annual_plan,
            total.completed,
            total.completion_rate,
            total.vs_time_progress,
            *_added(report, total.region),
            None,
            None,
            *((None, None) if report.groups else ()),
        ]
    )
    write_table(
        counties,
        title=f"{title}完成投资情况（时间进度{rate(report.time_progress)}）",
        units="单位：万元",
        columns=[
            *COUNTY_COLUMNS[:_ADDED_AT],
            *_added_columns(report),
            *COUNTY_COLUMNS[_ADDED_AT:],
            *(GROUP_COLUMNS if report.groups else ()),
        ],
        rows=county_rows,
    )
    if report.projects is not None:
        write_table(
            workbook.create_sheet("项目明细"),
            title=f"{title}完成投资明细",
            units="单位：万元",
            columns=PROJECT_COLUMNS,
            rows=[
                [
                    number,
                    line.region,
                    line.name,
                    line.stage,
                    line.leader_in_charge,
                    line.annual_plan,
                    line.completed,
                    line.completion_rate,
                    line.reporting,
                ]
                for number, line in enumerate(report.projects, start=1)
            ],
            freeze_columns=3,
        )
    for section in sections:
        if section.table is not None:
            write_table(
                workbook.create_sheet(section.heading),
                title=section.table.caption,
                units=None,
                columns=[
                    Column(
                        header,
                        24 if index == 0 else 12,
                        _format(index, section.table.rate_columns, section.table.points_columns),
                    )
                    for index, header in enumerate(section.table.headers)
                ],
                rows=section.table.rows,
            )
    workbook.save(output)
