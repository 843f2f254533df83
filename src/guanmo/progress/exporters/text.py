"""The report as plain text: headline, sentences and the county table."""

from decimal import Decimal

from guanmo.figures.arithmetic import format_decimal
from guanmo.progress.report import Figures, ProgressReport

COUNTY_TABLE_HEADERS = (
    "位次",
    "县区",
    "项目数（个）",
    "年度计划投资（万元）",
    "完成投资（万元）",
    "完成率（%）",
    "与时间进度比（百分点）",
)


def money(value: Decimal | None) -> str:
    """万元 with thousands separators and two decimals, "—" where there is none."""
    return "—" if value is None else f"{value:,.2f}"


def signed(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:+f}"


def rank_text(figures: Figures) -> str:
    if figures.rank is None:
        return "—"
    return f"并列{figures.rank}" if figures.tied else str(figures.rank)


def county_table_rows(report: ProgressReport) -> list[list[str]]:
    """The county table as text cells, the total last: shared by the text and .docx outputs."""
    rows = [
        [
            rank_text(f),
            f.region,
            str(f.projects),
            money(f.annual_plan),
            money(f.completed),
            format_decimal(f.completion_rate),
            signed(f.vs_time_progress),
        ]
        for f in report.regions
    ]
    total = report.total
    rows.append(
        [
            "",
            "合计",
            str(total.projects),
            money(total.annual_plan),
            money(total.completed),
            format_decimal(total.completion_rate),
            signed(total.vs_time_progress),
        ]
    )
    return rows


def render_text(report: ProgressReport, city_name: str) -> str:
    lines = [
        f"{city_name}{report.period.year}年{report.period.label}{report.subject}进展情况",
        f"时间进度：{format_decimal(report.time_progress)}%",
        "",
        report.headline,
        *report.sentences,
        "",
        "\t".join(COUNTY_TABLE_HEADERS),
        *("\t".join(row) for row in county_table_rows(report)),
    ]
    return "\n".join(lines)
