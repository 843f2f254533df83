"""The demo city's 前三季度 comprehensive assessment (issue 13): its counties and zones scored on
the key projects' completion rate for 1—9月 and the growth of three indicators, each named by
its source (台账, 指标) and filled from the demo's own ledger and indicators, the result
published to the units for five days from 20 October; two objections raised on 21 October and
decided on 23 October (one accepted: the value corrected and the ranking changed; one rejected
with its reason); made final when the period is over and issued as a bulletin (综合考核结果
通报) on 28 October, in the city's series of documents."""

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import QuerySet
from django.utils import timezone
from docx import Document

from guanmo.accounts.models import Role, User
from guanmo.assessment.definition import Definition, IndicatorRow, Inputs
from guanmo.assessment.models import Objection, Result, Scheme
from guanmo.assessment.objections import (
    accept_objection,
    finalise_result,
    publish_result,
    raise_objection,
    reject_objection,
)
from guanmo.assessment.outcome import compute
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
OBJECTED = date(YEAR, 10, 21)
DECIDED = date(YEAR, 10, 23)
STEP = Decimal("0.5")  # the accepted objection's claim: the least rise, by this step, that moves
MOST = Decimal(10)  # a unit up, up to this much
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
    """Save the scheme, publish the cycle's result (seeded, 1,000 runs), decide the two
    objections raised while it is published (`demo_objections`) and make the result standing
    final once its publication period is over. Returns the final result, ready to be issued."""
    forget(Scheme.objects.filter(city=city, cycle=CYCLE, name=NAME))
    inputs = demo_assessment_inputs(city)
    scheme = save_scheme(city, CYCLE, NAME, DEFINITION, list(inputs.values))
    result = publish_result(scheme, inputs, days=PUBLICATION_DAYS, runs=1000, seed=seed)
    result.published_until = PUBLISHED + timedelta(days=PUBLICATION_DAYS - 1)
    result.issued_by = office_user
    result.save(update_fields=["published_until", "issued_by"])
    Result.objects.filter(pk=result.pk).update(issued_at=at_nine(PUBLISHED))
    result = demo_objections(city, result, office_user)
    result = finalise_result(result, on=result.published_until + timedelta(days=1))
    Result.objects.filter(pk=result.pk).update(
        finalised_at=at_nine(result.published_until + timedelta(days=1))
    )
    Scheme.objects.filter(pk=scheme.pk).update(created_at=at_nine(PUBLISHED))
    result.refresh_from_db()
    return result


def demo_final_result(city: Region) -> Result:
    """The demo assessment's final result (the one its objections left standing)."""
    return Result.objects.get(
        scheme__city=city, scheme__cycle=CYCLE, scheme__name=NAME, status=Result.Status.FINAL
    )


def _letter(name: str, said: str) -> SimpleUploadedFile:
    """The county's 情况说明 an objection is made with (issue 13: "with a reason and
    attachment"), as a .docx of one paragraph."""
    file = BytesIO()
    document = Document()
    document.add_paragraph(said)
    document.save(file)
    return SimpleUploadedFile(name, file.getvalue())


def demo_objections(city: Region, result: Result, office_user: User | None) -> Result:
    """Two objections to the published result, each raised by the unit's county office on
    OBJECTED and decided by the city office on DECIDED: the unit that the least rise of its
    completion rate moves up claims it (a project's investment left out of its report) and
    is accepted, the result recomputed into a corrected one whose ranking differs; the unit
    placed last (the other one, if that was it) claims a higher 固定资产投资增速 and is
    rejected with the reason. Returns the corrected result, standing."""
    inputs = Inputs.from_dict(result.inputs)
    ranks = {line["unit"]: line["rank"] for line in result.output["units"]}
    unit, claimed = _claim_that_moves(inputs, ranks)
    accepted = raise_objection(
        result,
        unit=unit,
        indicator=COMPLETION,
        value=claimed,
        reason="1—9月有1个项目完成投资漏报（已补录项目台账），重点项目投资完成率应按补录后计算",
        attachment=_letter("漏报项目情况说明.docx", "1—9月漏报项目已补录项目台账，附补录明细。"),
        user=_office_of(city, unit),
        on=OBJECTED,
    )
    last = max((u for u in ranks if u != unit), key=lambda u: ranks[u] or 0)
    growth = f"{GROWTH_ROWS[0][2]}增速"
    rejected = raise_objection(
        result,
        unit=last,
        indicator=growth,
        value=inputs.values[last][growth] + 2,
        reason="9月新入库项目2个，固定资产投资增速应计入",
        attachment=_letter("新入库项目情况说明.docx", "9月新入库项目2个，附入库清单。"),
        user=_office_of(city, last),
        on=OBJECTED,
    )
    corrected = accept_objection(
        accepted, user=office_user, reason="经核实，漏报投资已补录并经县区审核，予以采纳"
    )
    reject_objection(
        rejected,
        user=office_user,
        reason="固定资产投资增速以市统计局核定的1—9月数据为准，新入库项目于10月入库，不计入本期",
    )
    Objection.objects.filter(pk__in=[accepted.pk, rejected.pk]).update(
        raised_at=at_nine(OBJECTED), decided_at=at_nine(DECIDED)
    )
    Result.objects.filter(pk=corrected.pk).update(issued_at=at_nine(DECIDED))
    corrected.refresh_from_db()
    return corrected


def _claim_that_moves(inputs: Inputs, ranks: dict[str, int | None]) -> tuple[str, Decimal]:
    """The unit (not first) whose completion rate moves it up a place with the least rise
    (by STEP, up to MOST), and the rate it would claim; ValueError when none does."""
    places = inputs.places(COMPLETION)
    best: tuple[Decimal, str] | None = None
    for unit, rank in sorted(ranks.items(), key=lambda item: item[1] or 0):
        if rank is None or rank == 1:
            continue
        rise = STEP
        while rise <= MOST and (best is None or rise < best[0]):
            values = {**inputs.values, unit: {**inputs.values[unit]}}
            values[unit][COMPLETION] = inputs.values[unit][COMPLETION] + rise
            moved = compute(DEFINITION, replace(inputs, values=values), runs=0)
            if next(line.rank for line in moved.lines if line.unit == unit) < rank:
                best = (rise, unit)
                break
            rise += STEP
    if best is None:
        raise ValueError("演示考核中没有单位能以补录投资改变位次")
    rise, unit = best
    return unit, (inputs.values[unit][COMPLETION] + rise).quantize(Decimal(1).scaleb(-places))


def _office_of(city: Region, unit: str) -> User | None:
    return User.objects.filter(
        role=Role.COUNTY_OFFICE, region__parent=city, region__name=unit
    ).first()


def forget(schemes: QuerySet[Scheme]) -> None:
    """An earlier build's schemes go with their results and objections: a scheme with results
    is never replaced (`save_scheme`), and a rebuild makes them again."""
    results = Result.objects.filter(scheme__in=schemes)
    Objection.objects.filter(result__in=results).delete()
    results.update(supersedes=None)
    results.delete()
    schemes.delete()


def at_nine(day: date) -> datetime:
    """9 o'clock of the day, in the installation's time zone."""
    return timezone.make_aware(datetime.combine(day, time(9)))
