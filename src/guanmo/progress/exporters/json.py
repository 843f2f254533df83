"""The report as one JSON object; decimals as strings ("37.8"), null where undefined."""

import json
from decimal import Decimal

from guanmo.progress.report import Figures, ProgressReport

CENTS = Decimal("0.01")


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:f}"


def _money(value: Decimal) -> str:
    """万元 to two places ("1500.50"), or every place stored where there are more."""
    cents = value.quantize(CENTS)
    return f"{cents if cents == value else value.normalize():f}"


def _figures(figures: Figures) -> dict:
    return {
        "projects": figures.projects,
        "annual_plan_wan": _money(figures.annual_plan),
        "completed_wan": _money(figures.completed),
        "completion_rate": _decimal(figures.completion_rate),
        "vs_time_progress": _decimal(figures.vs_time_progress),
    }


def _added(report: ProgressReport, region: str) -> dict:
    """The columns other apps add to a row, by their keys (decimals as strings)."""
    return {key: _decimal(value) for key, value in report.added_values(region).items()}


def report_as_dict(report: ProgressReport) -> dict:
    return {
        "period": {
            "year": report.period.year,
            "month": report.period.month,
            "label": report.period.label,
        },
        "level": report.level,
        "time_progress": _decimal(report.time_progress),
        "headline": report.headline,
        "sentences": report.sentences,
        "total": {**_figures(report.total), **_added(report, report.total.region)},
        "regions": [
            {
                "region": f.region,
                **_figures(f),
                **_added(report, f.region),
                "rank": f.rank,
                "tied": f.tied,
                "ranked": f.ranked,
            }
            for f in report.regions
        ],
        "added_columns": [
            {"key": key, "header": header}
            for columns in report.columns
            for key, header in zip(columns.keys, columns.headers, strict=False)
        ],
        "added_sentences": report.added_sentences,
        "unreported": [{"region": p.unit, "name": p.name} for p in report.unreported],
    }


def render_json(report: ProgressReport, city_name: str) -> str:
    return json.dumps(report_as_dict(report), ensure_ascii=False, indent=2)
