"""The demo city's 前三季度 assessment: scored from the demo's own progress figures and
indicators, published, made final after its publication period, recomputable exactly as issued
and issued as a numbered bulletin naming last place only as robustly as the city's threshold."""

import json
import shlex
from datetime import date
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

import guanmo.assessment
from guanmo.assessment.models import Result
from guanmo.assessment.services import recompute
from guanmo.demo.assessment import (
    COMPLETION,
    ISSUED,
    LEDGER_COMPLETION,
    MONTH,
    demo_assessment_inputs,
    demo_final_result,
)
from guanmo.demo.city import YEAR
from guanmo.documents.models import IssuedDocument, Kind
from guanmo.progress.selectors import progress_report_for
from guanmo.regions.models import Region
from guanmo.reporting.models import CountyReport, ReviewStep, Status

pytestmark = pytest.mark.django_db


def final() -> Result:
    return demo_final_result(Region.objects.get(name="焦作市"))


def test_the_assessment_is_final_and_recomputes_exactly_as_issued(demo):
    result = final()
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
    result = final()
    assert result.definition["indicators"][0]["source"] == LEDGER_COMPLETION
    origins = result.inputs["origins"]["武陟县"]
    assert origins["固定资产投资增速"].startswith("指标:固定资产投资:增速（")


def test_last_place_is_named_only_as_robustly_as_the_threshold_allows(demo):
    output = final().output
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


EXAMPLE = Path(guanmo.assessment.__file__).parent / "examples" / "县区综合考核.csv"


def test_every_report_submitted_in_the_demo_has_its_submission_on_record(demo):
    """As `reporting.review.submit` records it: the 提交 step and the moment, approved ones
    with their 审核通过 after it."""
    reviewed = CountyReport.objects.exclude(status=Status.DRAFT)
    assert reviewed.exists()
    assert not reviewed.filter(submitted_at__isnull=True).exists()
    submits = ReviewStep.objects.filter(action=ReviewStep.Action.SUBMIT)
    assert set(submits.values_list("report_id", flat=True)) == set(
        reviewed.values_list("pk", flat=True)
    )
    for step in ReviewStep.objects.filter(action=ReviewStep.Action.APPROVE)[:50]:
        submitted = step.report.steps.get(action=ReviewStep.Action.SUBMIT)
        assert submitted.at < step.at


def test_the_shipped_example_scheme_runs_on_the_demo_city_saying_its_rule_for_nothing_to_count(
    demo,
):
    """Issue 13: the example scheme stopped on the demo (月报 without submissions; units with
    no problem to solve, 按期办结率 0 ÷ 0). Its 无考核事项 setting says 按100%计, and the notes
    and each such value's origin say so. Run for the 前三季度 (1—9月), whose tour (观摩:县区得分)
    is September's (it stopped when the demo's only scored tour was October's)."""
    city = Region.objects.get(name="焦作市")
    closed = MONTH
    out, err = StringIO(), StringIO()
    call_command(
        "assess",
        "--scheme",
        str(EXAMPLE),
        "--city",
        city.code,
        "--year",
        str(YEAR),
        "--month",
        str(closed),
        "--runs",
        "0",
        "--format",
        "json",
        stdout=out,
        stderr=err,
    )
    units = json.loads(out.getvalue())["units"]
    assert {unit["unit"] for unit in units} == {unit.name for unit in city.children.all()}
    assert all(unit["score"] is not None for unit in units)
    said = err.getvalue()
    rule = "按考核办法无考核事项按100%计"
    noted = [line for line in said.splitlines() if line.startswith("提示：") and rule in line]
    assert noted, said
    assert all("问题按期办结率" in line or "按期开工率" in line for line in noted)
    assert f"月报:按时报送次数（{YEAR}年1—{closed}月应报{closed}期，按时报送" in said


def readme_example() -> list[str]:
    """The README's example command for the shipped example scheme, as written (one line)."""
    readme = Path(guanmo.assessment.__file__).resolve().parents[3] / "README.md"
    lines = [
        line for line in readme.read_text(encoding="utf-8").splitlines() if EXAMPLE.name in line
    ]
    [command] = [line for line in lines if "guanmo assess --scheme" in line]
    return shlex.split(command)


def test_the_readmes_example_command_runs_on_the_demo_as_written(demo, settings):
    """Issue 13 (last stop, item 4): the example scheme could not be run for 1—9月 on the demo
    (its tour was October's); the README's command runs as written on a fresh demo."""
    words = readme_example()
    today = words.pop(0)
    assert today.startswith("GUANMO_TODAY=")
    settings.GUANMO_TODAY = date.fromisoformat(today.removeprefix("GUANMO_TODAY="))
    assert words[:2] == ["guanmo", "assess"]
    arguments = [str(EXAMPLE) if word.endswith(EXAMPLE.name) else word for word in words[2:]]
    assert str(EXAMPLE) in arguments and "--month" in arguments
    out, err = StringIO(), StringIO()
    call_command("assess", *arguments, stdout=out, stderr=err)
    printed = out.getvalue()
    city = Region.objects.get(name="焦作市")
    for unit in city.children.all():
        assert unit.name in printed
    assert "观摩得分（观摩:县区得分）" in printed or "观摩:县区得分" in printed
    assert "综合得分第一名为" in printed
