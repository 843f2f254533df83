"""The demo city's 前三季度 comprehensive assessment (issue 13): its counties and zones scored on
the key projects' completion rate for 1—9月 and the growth of three indicators, the result
published to the units for five days from 20 October, made final when the period is over and
issued as a bulletin (综合考核结果通报) on 28 October, in the city's series of documents."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from guanmo.accounts.models import User
from guanmo.assessment.definition import Definition, IndicatorRow, Inputs
from guanmo.assessment.models import Result, Scheme
from guanmo.assessment.objections import finalise_result, publish_result
from guanmo.assessment.services import save_scheme
from guanmo.demo.city import YEAR
from guanmo.indicators.arithmetic import Reading, growth
from guanmo.indicators.choices import Kind
from guanmo.indicators.models import IndicatorValue
from guanmo.progress.selectors import progress_report_for
from guanmo.regions.models import Region
from guanmo.regions.services import units_of

CYCLE = f"{YEAR}年前三季度"
NAME = "重点项目建设和主要经济指标综合考核"
MONTH = 9
PUBLISHED = date(YEAR, 10, 20)
PUBLICATION_DAYS = 5
ISSUED = date(YEAR, 10, 28)
COMPLETION = "重点项目投资完成率"
# (一级指标, its weight, 二级指标 = the indicator whose growth is scored, its weight)
GROWTH_ROWS = (
    ("主要经济指标", Decimal(60), "固定资产投资", Decimal(25)),
    ("主要经济指标", Decimal(60), "规模以上工业增加值", Decimal(20)),
    ("主要经济指标", Decimal(60), "一般公共预算收入", Decimal(15)),
)
DEFINITION = Definition(
    (
        IndicatorRow("项目建设", Decimal(40), COMPLETION, Decimal(40)),
        *(
            IndicatorRow(top, top_weight, f"{name}增速", weight)
            for top, top_weight, name, weight in GROWTH_ROWS
        ),
    )
)


def demo_assessment_inputs(city: Region) -> Inputs:
    """The cycle's values for each county and zone: the completion rate of its key projects'
    annual plan for 1—9月 (%) from the progress report, and each indicator's growth for 1—9月
    (%) as the indicators report it (a reported rate wins)."""
    units = [unit for unit in units_of(city) if unit.kind != Region.Kind.TOWN]
    report = progress_report_for(city, YEAR, MONTH)
    rates = {figures.region: figures.completion_rate for figures in report.regions}
    values: dict[str, dict[str, Decimal | None]] = {
        unit.name: {COMPLETION: rates.get(unit.name)} for unit in units
    }
    names = [name for _, _, name, _ in GROWTH_ROWS]
    stored = IndicatorValue.objects.filter(
        indicator__city=city,
        indicator__name__in=names,
        region__in=units,
        year=YEAR,
        month=MONTH,
    ).select_related("indicator", "region")
    for value in stored:
        reading = Reading(
            value.region.name, value.value, value.last_year_value, value.reported_growth
        )
        values[value.region.name][f"{value.indicator.name}增速"] = growth(reading, Kind.AMOUNT)
    return Inputs(values)


def create_demo_assessment(city: Region, office_user: User | None, seed: int) -> Result:
    """Save the scheme, publish the cycle's result (seeded, 1,000 runs) and make it final once
    its publication period is over. Returns the final result, ready to be issued."""
    inputs = demo_assessment_inputs(city)
    scheme = save_scheme(city, CYCLE, NAME, DEFINITION, list(inputs.values))
    result = publish_result(scheme, inputs, days=PUBLICATION_DAYS, runs=1000, seed=seed)
    result.published_until = PUBLISHED + timedelta(days=PUBLICATION_DAYS - 1)
    result.issued_by = office_user
    result.save(update_fields=["published_until", "issued_by"])
    result = finalise_result(result, on=result.published_until + timedelta(days=1))
    Result.objects.filter(pk=result.pk).update(
        issued_at=_at(PUBLISHED), finalised_at=_at(result.published_until + timedelta(days=1))
    )
    Scheme.objects.filter(pk=scheme.pk).update(created_at=_at(PUBLISHED))
    result.refresh_from_db()
    return result


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9)))
