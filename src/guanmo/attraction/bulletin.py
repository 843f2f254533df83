"""The monthly bulletin's section 招商引资项目推进情况: the year's funnel to the bulletin's month
in the sentences of `attraction.report` and a table by unit. Registered with
`guanmo.progress.sections` when the app starts, since progress may not import attraction."""

from guanmo.attraction.models import Lead
from guanmo.attraction.report import build_report
from guanmo.figures.formatting import TABLE_MONEY_PLACES, half_up
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
        for name, figures in [*(unit for unit in units if unit[1].signed), city_row]
    ]
    table = SectionTable(
        caption=f"{report.period.label}各县（市、区）、园区招商项目推进情况",
        headers=HEADERS,
        rows=rows,
        rate_columns={5, 6, 7},
    )
    return BulletinSection(heading="招商引资项目推进情况", sentences=report.sentences, table=table)
