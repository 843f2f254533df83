"""The attraction report as text, JSON, .xlsx and .docx: one `AttractionReport`, four faces.

JSON keeps the issue's keys exactly (issue 14: `period`, `funnel` [{region, leads, signed,
landed, started, producing, at_capacity, contract_investment, funds_in_place, signing_rate,
fulfilment_rate, start_rate, production_rate, capacity_rate, funds_rate}], `sentences`) and
adds the same rows by source, source group and industry, the days between stages and the
warnings. Money is a string of 万元 as stored, rates strings to one decimal, null where a rate
has no base. Text, .xlsx and .docx show the same sections (attraction.sections, as the funnel
page does), figures through guanmo.figures.formatting; the .xlsx is written by
documents.xlsx.write_table (a sheet a section), the .docx by the GB/T 9704 builder, dated.
"""

import io
import json
from decimal import Decimal

from openpyxl import Workbook

from guanmo import clock
from guanmo.attraction.funnel import Funnel
from guanmo.attraction.land import IDLE_WORDS, ParkLand, PerMuBase, per_mu_note
from guanmo.attraction.parks import LEADING_SHARE_TARGET
from guanmo.attraction.report import AttractionReport
from guanmo.attraction.sections import FUNNEL_COUNTS, FUNNEL_RATES, Kind, report_sections
from guanmo.documents import xlsx
from guanmo.documents.formulas import put
from guanmo.documents.official import OfficialDocument
from guanmo.documents.services import letterhead, office_for
from guanmo.documents.xlsx import Column, write_table
from guanmo.regions.models import Region

FORMATS = ("text", "json", "xlsx", "docx")
DECIMAL_TWO = "#,##0.00"


def _exact(value: Decimal | None) -> str | None:
    if value is None:
        return None
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _rate(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:f}"


def row_dict(name: str, figures: Funnel) -> dict:
    """One funnel row as JSON has it (the issue's keys, `region` naming the row)."""
    return {
        "region": name,
        **{key: getattr(figures, key) for key in FUNNEL_COUNTS},
        "contract_investment": _exact(figures.contract_investment),
        "funds_in_place": _exact(figures.funds_in_place),
        **{key: _rate(getattr(figures, key)) for key in FUNNEL_RATES},
    }


# The consecutive stages' conversions as JSON names them (洽谈→签约 … 投产→达产).
CONVERSION_KEYS = (
    "negotiating_to_signed",
    "signed_to_landed",
    "landed_to_started",
    "started_to_producing",
    "producing_to_at_capacity",
)


def conversion_dict(name: str, figures: Funnel) -> dict:
    """One row's conversions between consecutive stages (percent as text, null for none)."""
    shares = [share for _, _, share in figures.conversions()]
    return {"region": name, **dict(zip(CONVERSION_KEYS, map(_rate, shares), strict=True))}


def as_dict(report: AttractionReport) -> dict:
    """The report as `--format json` prints it."""
    period = report.period
    return {
        "period": {"year": period.year, "month": period.month, "label": period.label},
        "funnel": [row_dict(name, figures) for name, figures in report.funnel],
        "conversion_rates": [conversion_dict(name, figures) for name, figures in report.funnel],
        "by_source": [row_dict(name, figures) for name, figures in report.by_source],
        "by_source_group": [row_dict(name, figures) for name, figures in report.by_source_group],
        "by_industry": [row_dict(name, figures) for name, figures in report.by_industry],
        "conversion_days": [
            {"from": before.value, "to": after.value, "days": _rate(mean), "projects": count}
            for before, after, mean, count in report.conversion_days
        ],
        "warnings": [
            {
                "project": warning.lead,
                "units": list(warning.units),
                "kind": warning.kind,
                "since": warning.since.isoformat(),
                "text": warning.text,
            }
            for warning in report.warnings
        ],
        "sentences": report.sentences,
        "entry_notes": report.entry_notes,
        "checks": report.checks,
        "funds_notes": list(
            dict.fromkeys(
                note
                for section in report_sections(report)
                if section.key.startswith("by-")
                for note in section.notes
            )
        ),
        "land": [_land_dict(name, land) for name, land in report.land],
        "idle_land": [
            {
                "parcel": idle.parcel.name,
                "holder": idle.parcel.holder,
                "units": list(idle.parcel.units),
                "area": _exact(idle.parcel.area),
                "step": IDLE_WORDS[idle.step],
                "since": idle.since.isoformat(),
            }
            for idle in report.idle_land
        ],
        "first_phase_only": [
            {
                "parcel": gap.first.name,
                "holder": gap.first.holder,
                "units": list(gap.first.units),
                "completed_on": gap.since.isoformat(),
                "waiting": [parcel.name for parcel in gap.waiting],
                "waiting_area": _exact(gap.waiting_area),
            }
            for gap in report.first_phase_only
        ],
        "below_standard": [
            {
                "parcel": parcel.name,
                "units": list(parcel.units),
                "investment_intensity": _optional(check.intensity),
                "standard": _optional(standard.investment_intensity),
                "plot_ratio": _optional(parcel.plot_ratio),
                "min_plot_ratio": _optional(standard.min_plot_ratio),
            }
            for parcel, check, standard in report.below_standard
        ],
        "parks": [
            {
                "park": park.name,
                "revenue": _optional(park.revenue),
                "leading_revenue": _optional(park.leading_revenue),
                "leading_share": _rate(standing.leading_share),
                "target": _rate((park.target or LEADING_SHARE_TARGET).normalize()),
                "vs_target": _rate(standing.vs_target),
                "enterprises_above_size": park.enterprises_above_size,
                "high_tech_enterprises": park.high_tech_enterprises,
                "service_platforms": park.service_platforms,
                "employees": park.employees,
                "planned_area": _optional(park.planned_area),
                "built_area": _optional(park.built_area),
                "built_share": _rate(standing.built_share),
                "revenue_rank": standing.revenue_rank,
                "share_rank": standing.share_rank,
            }
            for park, standing in report.parks
        ],
    }


def _optional(value: Decimal | None) -> str | None:
    return None if value is None else _exact(value)


def _land_dict(name: str, land: ParkLand) -> dict:
    """A unit's land in 亩 and its investment and tax per 亩 (万元/亩), as JSON has it."""
    return {
        "region": name,
        "supplied": _exact(land.supplied),
        "in_use": _exact(land.in_use),
        "idle": _exact(land.idle),
        "idle_one_year": _exact(land.idle_one_year),
        "to_take_back": _exact(land.to_take_back),
        "investment_per_mu": _optional(land.investment_per_mu),
        "tax_per_mu": _optional(land.tax_per_mu),
        "investment_base": _base_dict(land.investment_base),
        "tax_base": _base_dict(land.tax_base),
        "note": per_mu_note(name, land),
    }


def _base_dict(base: PerMuBase) -> dict:
    """The land a figure per 亩 is over: its parcels and their area in 亩."""
    return {"parcels": base.parcels, "area": _exact(base.area)}


def as_json(report: AttractionReport) -> str:
    return json.dumps(as_dict(report), ensure_ascii=False, indent=2)


# The heading of the notes to check the data by, where a face shows them (not the .docx).
CHECKS_TITLE = "数据核对（不印发）"


def as_text(report: AttractionReport) -> str:
    """The report as the terminal prints it: each section's table tab-separated with the lines
    said under it, then the sentences."""
    lines = [f"{report.period.label}招商引资项目推进情况"]
    for section in report_sections(report):
        lines += ["", section.title]
        if section.units:
            lines.append(section.units)
        lines.append("\t".join(section.headers))
        lines += ["\t".join(row) for row in section.text_rows()] or [section.empty]
        lines += section.notes
    lines += ["", *report.sentences, *report.entry_notes]
    if report.checks:
        lines += ["", CHECKS_TITLE, *report.checks]
    return "\n".join(lines)


_FORMATS = {
    Kind.COUNT: xlsx.INTEGER_FORMAT,
    Kind.MONEY: xlsx.MONEY_FORMAT,
    Kind.RATE: xlsx.RATE_FORMAT,
    Kind.POINTS: xlsx.POINTS_FORMAT,
    Kind.DECIMAL: DECIMAL_TWO,
    Kind.DAYS: xlsx.DECIMAL_FORMAT,
}
_WIDTHS = {Kind.TEXT: 18, Kind.MONEY: 14, Kind.DECIMAL: 14}


# Under a sheet with a figure missing: a cell the page shows "—" is left empty, so that every
# figure stays a number in Excel (as the bulletin's .xlsx does), and the sheet says so.
BLANK_NOTE = "空白单元格表示无此数字（无基数的比率等，页面显示为“—”），不是0。"


def as_xlsx(report: AttractionReport) -> bytes:
    """One sheet per section, each titled with the period, figures kept as numbers (rates with
    "0.0%"); the lines said under a table follow it, and `BLANK_NOTE` where a cell is empty."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for section in report_sections(report):
        sheet = workbook.create_sheet(section.sheet)
        columns = [
            Column(
                column.header,
                _WIDTHS.get(column.kind, 10) if index else 18,
                _FORMATS.get(column.kind),
                wrap=column.kind is Kind.TEXT and index > 0,
            )
            for index, column in enumerate(section.columns)
        ]
        write_table(
            sheet,
            title=f"{report.period.label}{section.title}",
            units=section.units or None,
            columns=columns,
            rows=section.rows,
            freeze_columns=1,
        )
        blank = any(value is None for row in section.rows for value in row[1:])
        for note in [*section.notes, *([BLANK_NOTE] if blank else [])]:
            # through the writer that neutralises formulas
            put(sheet.cell(row=sheet.max_row + 1, column=1), note)
    file = io.BytesIO()
    workbook.save(file)
    return file.getvalue()


def as_docx(report: AttractionReport, city: Region) -> bytes:
    """An unnumbered official document dated the day it is produced (`clock.today`: every
    document carries the day it is made; the figures say their own period): the sentences,
    then each section as numbered tables (those a portrait page shows) with the lines said
    under it."""
    head = letterhead(office_for(city), number=None, dated=clock.today())
    document = OfficialDocument(head, f"{report.period.label}招商引资项目推进情况")
    for sentence in report.sentences:
        document.body(sentence)
    tables = 0
    for section in report_sections(report):
        if not section.rows:
            document.heading(section.title)
            document.body(f"{section.empty}。")
            continue
        if section.opening:
            document.body(section.opening)
        for title, headers, rows in section.portrait_tables():
            tables += 1
            document.table(
                headers, rows, caption=f"表{tables}　{title}", units=section.units or None
            )
        for note in section.notes:
            document.body(note if note.endswith("。") else f"{note}。")
    return document.finish()
