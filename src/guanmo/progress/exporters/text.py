"""The report as plain text: headline, sentences and the county table."""

from decimal import Decimal

from guanmo.figures.formatting import money_wan, number, points, rate
from guanmo.progress.report import Figures, ProgressReport

COUNTY_TABLE_HEADERS = (
    "位次",
    "县区",
    "项目数（个）",
    "年度计划投资（万元）",
    "完成投资（万元）",
    "完成率（%）",
    "较时间进度（个百分点）",
)


def signed(value: Decimal | None) -> str:
    """A signed figure as computed (score deviations: +1.50), "—" where there is none."""
    return "—" if value is None else f"{value:+f}"


def rank_text(figures: Figures) -> str:
    """The unit's rank in the city: 3, 并列2, — for none."""
    return _ranked(figures.rank, figures.tied)


def unit_rank_text(figures: Figures, *, noted: bool = True) -> str:
    """`rank_text`, or 本月无在列重点项目 for a unit with no project on the list in the month
    (`Figures.rank_note`; — when not `noted`)."""
    return (noted and figures.rank_note) or rank_text(figures)


def group_rank_text(figures: Figures) -> str:
    """The unit's rank within its ranking group: 1, 并列1, — for none."""
    return _ranked(figures.group_rank, figures.group_tied)


def _ranked(rank: int | None, tied: bool) -> str:
    if rank is None:
        return "—"
    return f"并列{rank}" if tied else str(rank)


def in_group_order(report: ProgressReport) -> list[Figures]:
    """The units group by group (each by its rank within the group), then those in no group in
    the city's order."""
    grouped = [figures for _, members in report.groups for figures in members]
    return grouped + [figures for figures in report.regions if figures not in grouped]


def county_table_headers(report: ProgressReport) -> list[str]:
    """The county table's headers with the columns other apps add (`report.columns`)."""
    return [*COUNTY_TABLE_HEADERS, *report.added_headers]


def county_table_rows(report: ProgressReport, *, noted: bool = True) -> list[list[str]]:
    """The county table as text cells, the total last, with the columns other apps add after
    较时间进度: shared by the text and .docx outputs; a unit with no project on the list in the
    month says so in its rank's place, or has — there when not `noted`."""
    rows = [
        [
            unit_rank_text(f, noted=noted),
            f.region,
            str(f.projects),
            money_wan(f.annual_plan),
            money_wan(f.completed),
            number(f.completion_rate),
            points(f.vs_time_progress),
            *report.added_text(f.region),
        ]
        for f in report.regions
    ]
    total = report.total
    rows.append(
        [
            "",
            "合计",
            str(total.projects),
            money_wan(total.annual_plan),
            money_wan(total.completed),
            number(total.completion_rate),
            points(total.vs_time_progress),
            *report.added_text(total.region),
        ]
    )
    return rows


def render_text(report: ProgressReport, city_name: str) -> str:
    lines = [
        f"{city_name}{report.period.year}年{report.period.label}{report.subject}进展情况",
        f"时间进度：{rate(report.time_progress)}",
        "",
        report.headline,
        *report.added_sentences,
        *report.sentences,
        "",
        "\t".join(county_table_headers(report)),
        *("\t".join(row) for row in county_table_rows(report)),
    ]
    return "\n".join(lines)
