"""The demo city's 前三季度 comprehensive assessment (issue 13): its counties and zones scored on
the key projects' completion rate for 1—9月 and the growth of three indicators, each named by
its source (台账, 指标) and filled from the demo's own ledger and indicators, the result
published to the units for five days from 20 October, made final when the period is over and
issued as a bulletin (综合考核结果通报) on 28 October, in the city's series of documents."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from guanmo.accounts.models import User
from guanmo.assessment.definition import Definition, IndicatorRow, Inputs
from guanmo.assessment.models import Objection, Result, Scheme
from guanmo.assessment.objections import finalise_result, publish_result
from guanmo.assessment.services import save_scheme
from guanmo.assessment.source_selectors import fill_from_sources
from guanmo.assessment.sources import SourceCycle
from guanmo.demo.city import YEAR
from guanmo.regions.models import Region

CYCLE = f"{YEAR}年前三季度"
NAME = "重点项目建设和主要经济指标综合考核"
MONTH = 9
PUBLISHED = date(YEAR, 10, 20)
PUBLICATION_DAYS = 5
ISSUED = date(YEAR, 10, 28)
COMPLETION = "重点项目投资完成率"
LEDGER_COMPLETION = "台账:年度计划完成率"
# (一级指标, its weight, 二级指标 = the indicator whose growth is scored, its weight)
GROWTH_ROWS = (
    ("主要经济指标", Decimal(60), "固定资产投资", Decimal(25)),
    ("主要经济指标", Decimal(60), "规模以上工业增加值", Decimal(20)),
    ("主要经济指标", Decimal(60), "一般公共预算收入", Decimal(15)),
)
DEFINITION = Definition(
    (
        IndicatorRow("项目建设", Decimal(40), COMPLETION, Decimal(40), source=LEDGER_COMPLETION),
        *(
            IndicatorRow(top, top_weight, f"{name}增速", weight, source=f"指标:{name}:增速")
            for top, top_weight, name, weight in GROWTH_ROWS
        ),
    )
)


def demo_assessment_inputs(city: Region) -> Inputs:
    """The cycle's values for each county and zone, from the scheme's sources
    (`assessment.sources`): the completion rate of its key projects' annual plan for 1—9月 (%)
    as the progress bulletin gives it, and each indicator's growth for 1—9月 (%) as the
    indicators report it; where each came from is kept with the inputs."""
    cycle = SourceCycle(YEAR, MONTH)
    return fill_from_sources(city, cycle, DEFINITION, today=PUBLISHED).inputs


def create_demo_assessment(city: Region, office_user: User | None, seed: int) -> Result:
    """Save the scheme, publish the cycle's result (seeded, 1,000 runs) and make it final once
    its publication period is over. Returns the final result, ready to be issued."""
    _forget_earlier(city)
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


def _forget_earlier(city: Region) -> None:
    """An earlier build's scheme goes with its results and objections: a scheme with results
    is never replaced (`save_scheme`), and a rebuild makes them again."""
    schemes = Scheme.objects.filter(city=city, cycle=CYCLE, name=NAME)
    results = Result.objects.filter(scheme__in=schemes)
    Objection.objects.filter(result__in=results).delete()
    results.update(supersedes=None)
    results.delete()
    schemes.delete()


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9)))
