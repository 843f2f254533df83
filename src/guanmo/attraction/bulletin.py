"""The monthly bulletin's sections 招商引资项目推进情况 (the year's funnel to the bulletin's month
in the sentences of `attraction.report` and a table by unit) and 用地情况 (each unit's land on
the month's last day, idle land by the rules' two steps, the idle parcels named). Registered
with `guanmo.progress.sections` when the app starts, since progress may not import
attraction."""

from guanmo.attraction.land import (
    IDLE_ONE_YEAR,
    IDLE_TWO_YEARS,
    IDLE_WORDS,
    LAND_HEADERS,
    ParkLand,
    per_mu_sentence,
)
from guanmo.attraction.models import Lead, Parcel
from guanmo.attraction.report import build_report
from guanmo.attraction.sentences import funds_base_note
from guanmo.documents.official import month_end_words
from guanmo.figures.formatting import AREA_PLACES, TABLE_MONEY_PLACES, half_up, mu_text
from guanmo.progress.sections import BulletinSection, SectionTable
from guanmo.regions.models import Region

HEADERS = (
    "地区",
    "新签项目（个）",
    "合同投资（万元）",
    "已落地（个）",
    "已开工（个）",
    "履约率（%）",
    "开工率（%）",
    "资金到位率（%）",
)


def attraction_section(city: Region, year: int, month: int) -> BulletinSection | None:
    """The section for a city that keeps an attraction register (None for one that does not):
    the units that signed a project in the year to the month, then 全市."""
    if not Lead.objects.filter(city=city).exists():
        return None
    report = build_report(city, year, month)
    city_row, *units = report.funnel
    shown = [*(unit for unit in units if unit[1].signed), city_row]
    rows = [
        [
            name,
            figures.signed,
            half_up(figures.contract_investment, TABLE_MONEY_PLACES),
            figures.landed,
            figures.started,
            figures.fulfilment_rate,
            figures.start_rate,
            figures.funds_rate,
        ]
        for name, figures in shown
    ]
    table = SectionTable(
        caption=f"{report.period.label}各县（市、区）、园区招商项目推进情况",
        headers=HEADERS,
        rows=rows,
        rate_columns={5, 6, 7},
    )
    # A row's 资金到位率 over fewer projects than its 合同投资 is said (tryout 28).
    bases = [note for name, figures in shown if (note := funds_base_note(name, figures, month))]
    return BulletinSection(
        heading="招商引资项目推进情况", sentences=[*report.sentences, *bases], table=table
    )


LAND_UNITS = "（面积单位：亩；亩均投资、亩均税收单位：万元/亩）"


def land_section(city: Region, year: int, month: int) -> BulletinSection | None:
    """The section for a city that keeps land (None for one with no parcel): 全市 then each
    unit hosting a parcel, as the attraction report counts them on the month's last day."""
    if not Parcel.objects.filter(city=city).exists():
        return None
    report = build_report(city, year, month)
    rows = [
        [name, *(half_up(area, AREA_PLACES) for area in land.areas), *land.per_mu]
        for name, land in report.land
    ]
    as_of = month_end_words(report.as_of)
    sentences = [land_sentence(report.land[0][1], as_of, report.city)]
    if report.idle_land:
        sentences.append("闲置土地：" + "；".join(idle.text for idle in report.idle_land) + "。")
    if note := per_mu_sentence(report.land):
        sentences.append(note)
    table = SectionTable(
        caption=f"截至{as_of}各县（市、区）、园区用地情况{LAND_UNITS}",
        headers=LAND_HEADERS,
        rows=rows,
    )
    return BulletinSection(heading="用地情况", sentences=sentences, table=table)


def land_sentence(land: ParkLand, as_of: str, whole: str) -> str:
    """截至4月底，全市已供地180亩、已动工100亩；闲置土地80亩，其中闲置满一年不满两年50亩（征缴
    土地闲置费）、闲置满两年30亩（无偿收回）。 The two steps of 《闲置土地处置办法》第十四条;
    `as_of` as the bulletin says it (4月底: `month_end_words`) or the report (2025年4月30日)."""
    said = f"截至{as_of}，{whole}已供地{mu_text(land.supplied)}、已动工{mu_text(land.in_use)}；"
    if not land.idle:
        return said + "无闲置土地。"
    return said + (
        f"闲置土地{mu_text(land.idle)}，其中{IDLE_WORDS[IDLE_ONE_YEAR]}{mu_text(land.idle_one_year)}"
        f"（征缴土地闲置费）、{IDLE_WORDS[IDLE_TWO_YEARS]}{mu_text(land.to_take_back)}（无偿收回）。"
    )
