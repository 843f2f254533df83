"""The demo city's 前三季度 assessment: scored from the demo's own progress figures and
indicators, published, made final after its publication period, recomputable exactly as issued
and issued as a numbered bulletin naming last place only as robustly as the city's threshold."""

from decimal import Decimal

import pytest

from guanmo.assessment.models import Result
from guanmo.assessment.services import recompute
from guanmo.demo.assessment import (
    COMPLETION,
    ISSUED,
    LEDGER_COMPLETION,
    MONTH,
    demo_assessment_inputs,
)
from guanmo.demo.city import YEAR
from guanmo.documents.models import IssuedDocument, Kind
from guanmo.progress.selectors import progress_report_for
from guanmo.regions.models import Region

pytestmark = pytest.mark.django_db


def test_the_assessment_is_final_and_recomputes_exactly_as_issued(demo):
    result = Result.objects.get()
    assert result.status == Result.Status.FINAL
    assert result.published_until < ISSUED
    assert recompute(result).as_json() == result.output


def test_the_completion_rates_are_the_progress_reports_of_the_cycles_last_month(demo):
    city = Region.objects.get(name="焦作市")
    rates = {f.region: f.completion_rate for f in progress_report_for(city, YEAR, MONTH).regions}
    inputs = demo_assessment_inputs(city)
    assert set(inputs.values) == {unit.name for unit in city.children.all()}
    for unit, values in inputs.values.items():
        assert values[COMPLETION] == rates[unit]
        assert all(value is not None for value in values.values()), unit
        assert inputs.origins[unit][COMPLETION].startswith(f"{LEDGER_COMPLETION}（{YEAR}年1—9月")


def test_the_issued_result_keeps_where_each_sourced_value_came_from(demo):
    result = Result.objects.get()
    assert result.definition["indicators"][0]["source"] == LEDGER_COMPLETION
    origins = result.inputs["origins"]["武陟县"]
    assert origins["固定资产投资增速"].startswith("指标:固定资产投资:增速（")


def test_last_place_is_named_only_as_robustly_as_the_threshold_allows(demo):
    output = Result.objects.get().output
    last = max(output["units"], key=lambda unit: unit["rank"])
    named = any("排名末位的是" in sentence for sentence in output["sentences"])
    assert named == (Decimal(last["p_last"]) >= Decimal("0.8"))
    if named:
        assert any(last["unit"] in s for s in output["sentences"] if "末位" in s)


def test_the_bulletin_is_issued_after_the_publication_period_in_the_citys_series(demo):
    document = IssuedDocument.objects.get(kind=Kind.ASSESSMENT_BULLETIN)
    assert document.dated == ISSUED
    earlier = IssuedDocument.objects.filter(
        city=document.city, year=document.year, dated__lt=document.dated
    ).exclude(kind=Kind.SUPERVISION_ORDER)
    assert document.sequence == earlier.count() + 1
