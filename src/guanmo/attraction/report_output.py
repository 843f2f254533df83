"""The attraction report as text, JSON, .xlsx and .docx: one `AttractionReport`, four faces.

JSON keeps the issue's keys exactly (issue 14: `period`, `funnel` [{region, leads, signed,
landed, started, producing, at_capacity, contract_investment, funds_in_place, signing_rate,
fulfilment_rate, start_rate, production_rate, capacity_rate, funds_rate}], `sentences`) and
adds the same rows by source, source group and industry, the days between stages and the
warnings. Money is a string of 万元 as stored, rates strings to one decimal, null where a rate
has no base. Text, .xlsx and .docx show figures through guanmo.figures.formatting; the .xlsx
is written by documents.xlsx.write_table, the .docx by the GB/T 9704 builder.
"""

import io
import json
from decimal import Decimal

from openpyxl import Workbook

from guanmo.attraction.bulletin import LAND_UNITS, land_sentence
from guanmo.attraction.funnel import Funnel
from guanmo.attraction.land import (
    IDLE_WORDS,
    LAND_HEADERS,
    ParkLand,
    PerMuBase,
    per_mu_note,
    per_mu_sentence,
)
from guanmo.attraction.parks import LEADING_SHARE_TARGET
from guanmo.attraction.report import AttractionReport
from guanmo.documents.official import OfficialDocument, chinese_date
from guanmo.documents.services import letterhead, office_for
from guanmo.documents.xlsx import INTEGER_FORMAT, MONEY_FORMAT, RATE_FORMAT, Column, write_table
from guanmo.figures.formatting import money_wan, number, rate
from guanmo.regions.models import Region

FORMATS = ("text", "json", "xlsx", "docx")
DECIMAL_TWO = "#,##0.00"
_COUNTS = ("leads", "signed", "landed", "started", "producing", "at_capacity")
_RATES = (
    "signing_rate",
    "fulfilment_rate",
    "start_rate",
    "production_rate",
    "capacity_rate",
    "funds_rate",
)
_HEADERS = [
    "洽谈项目（个）",
    "新签项目（个）",
    "落地（个）",
    "开工（个）",
    "投产（个）",
    "达产（个）",
    "合同投资（万元）",
    "到位资金（万元）",
    "签约率",
    "履约率",
    "开工率",
    "投产率",
    "达产率",
    "资金到位率",
]


def _exact(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _rate(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:f}"


def row_dict(name: str, figures: Funnel) -> dict:
    """One funnel row as JSON has it (the issue's keys, `region` naming the row)."""
    return {
        "region": name,
        **{key: getattr(figures, key) for key in _COUNTS},
        "contract_investment": _exact(figures.contract_investment),
        "funds_in_place": _exact(figures.funds_in_place),
        **{key: _rate(getattr(figures, key)) for key in _RATES},
    }


def as_dict(report: AttractionReport) -> dict:
    """The report as `--format json` prints it."""
    period = report.period
    return {
        "period": {"year": period.year, "month": period.month, "label": period.label},
        "funnel": [row_dict(name, figures) for name, figures in report.funnel],
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


def _text_row(name: str, figures: Funnel) -> list[str]:
    return [
        name,
        *(str(getattr(figures, key)) for key in _COUNTS),
        money_wan(figures.contract_investment),
        money_wan(figures.funds_in_place),
        *(rate(getattr(figures, key)) for key in _RATES),
    ]


def _tables(report: AttractionReport) -> list[tuple[str, str, str, list[tuple[str, Funnel]]]]:
    """(sheet name, title, first column's header, rows) of each table of the report."""
    return [
        ("县区园区", "各县（市、区）、园区招商项目推进情况", "地区", report.funnel),
        ("来源地", "按投资方来源地", "来源地", report.by_source),
        ("重点区域", "按重点区域", "区域", report.by_source_group),
        ("行业", "按行业（GB/T 4754—2017门类）", "行业", report.by_industry),
    ]


def _days_lines(report: AttractionReport) -> list[str]:
    return [
        f"{before.value}→{after.value}：平均{number(mean)}天（{count}个项目）"
        for before, after, mean, count in report.conversion_days
    ]


def as_text(report: AttractionReport) -> str:
    """The report as the terminal prints it: each table tab-separated, then the rest."""
    lines = [f"{report.period.label}招商引资项目推进情况"]
    for _, title, first, rows in _tables(report):
        lines += ["", title, "\t".join([first, *_HEADERS])]
        lines += ["\t".join(_text_row(name, figures)) for name, figures in rows]
    lines += ["", "阶段转化平均用时", *_days_lines(report)]
    lines += ["", f"预警（截至{chinese_date(report.as_of)}）"]
    lines += [f"{w.kind}：{w.text}" for w in report.warnings] or ["无"]
    if report.land:
        lines += ["", "用地情况（亩；万元/亩）", "\t".join(LAND_HEADERS)]
        lines += ["\t".join(_land_row(name, land)) for name, land in report.land]
        if note := per_mu_sentence(report.land):
            lines.append(f"注：{note}")
        lines += [idle.text for idle in report.idle_land]
    lines += ["", *report.sentences]
    return "\n".join(lines)


def _land_row(name: str, land: ParkLand) -> list[str]:
    return [name, *(number(figure, 2) for figure in (*land.areas, *land.per_mu))]


def as_xlsx(report: AttractionReport) -> bytes:
    """One sheet per table, each titled, figures kept as numbers (rates with "0.0%")."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, title, first, rows in _tables(report):
        sheet = workbook.create_sheet(name)
        columns = [
            Column(first, 18),
            *(Column(header, 10, INTEGER_FORMAT) for header in _HEADERS[:6]),
            *(Column(header, 14, MONEY_FORMAT) for header in _HEADERS[6:8]),
            *(Column(header, 10, RATE_FORMAT) for header in _HEADERS[8:]),
        ]
        write_table(
            sheet,
            title=f"{report.period.label}{title}",
            units="金额单位：万元",
            columns=columns,
            rows=[
                [
                    name,
                    *(getattr(figures, key) for key in _COUNTS),
                    figures.contract_investment,
                    figures.funds_in_place,
                    *(getattr(figures, key) for key in _RATES),
                ]
                for name, figures in rows
            ],
            freeze_columns=1,
        )
    if report.land:
        land_sheet = workbook.create_sheet("用地")
        write_table(
            land_sheet,
            title=f"截至{chinese_date(report.as_of)}用地情况",
            units="面积单位：亩；亩均投资、亩均税收单位：万元/亩",
            columns=[Column(LAND_HEADERS[0], 18)]
            + [Column(header, 14, DECIMAL_TWO) for header in LAND_HEADERS[1:]],
            rows=[[name, *land.areas, *land.per_mu] for name, land in report.land],
        )
        if note := per_mu_sentence(report.land):
            land_sheet.append([f"注：{note}"])
    file = io.BytesIO()
    workbook.save(file)
    return file.getvalue()


def _land_docx(document: OfficialDocument, report: AttractionReport) -> None:
    """用地情况: the whole's sentence, each unit's land (as the bulletin's table) and the note
    on what the 亩均 figures are over."""
    as_of = chinese_date(report.as_of)
    document.heading("用地情况")
    document.body(land_sentence(report.land[0][1], as_of, report.city))
    document.table(
        LAND_HEADERS,
        [_land_row(name, land) for name, land in report.land],
        caption=f"表2　截至{as_of}各县（市、区）、园区用地情况",
        units=LAND_UNITS.strip("（）"),
    )
    if note := per_mu_sentence(report.land):
        document.body(note)


# The .docx table keeps what fits a portrait page.
_DOCX_HEADERS = ["地区", "新签", "开工", "合同投资（万元）", "履约率", "开工率", "资金到位率"]


def as_docx(report: AttractionReport, city: Region) -> bytes:
    """An unnumbered, undated official document: the sentences, the units' table, warnings."""
    head = letterhead(office_for(city), number=None, dated=None)
    document = OfficialDocument(head, f"{report.period.label}招商引资项目推进情况")
    for sentence in report.sentences:
        document.body(sentence)
    document.table(
        _DOCX_HEADERS,
        [
            [
                name,
                str(figures.signed),
                str(figures.started),
                money_wan(figures.contract_investment),
                rate(figures.fulfilment_rate),
                rate(figures.start_rate),
                rate(figures.funds_rate),
            ]
            for name, figures in report.funnel
        ],
        caption="表1　各县（市、区）、园区招商项目推进情况",
    )
    if report.warnings:
        document.heading("需要关注的项目")
        for warning in report.warnings:
            document.body(f"{warning.kind}：{warning.text}。")
    if report.land:
        _land_docx(document, report)
    if report.idle_land:
        document.heading("闲置土地")
        for idle in report.idle_land:
            document.body(f"{idle.text}。")
    return document.finish()
