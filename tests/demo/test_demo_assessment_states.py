"""Issue 13 (last stop, item 5): a new user of the demo sees each state of an assessment: a
result standing in 公示 on the demo's 15 December, objections decided both ways (one accepted,
changing the ranking, one rejected with its reason) in the history of the final result, and a
firm register with two years of 亩均效益评价 figures behind the firm result."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.assessment.firms import LAND_THRESHOLD, LOW_TAX_PER_MU, validate_credit_code
from guanmo.assessment.history import history
from guanmo.assessment.models import Firm, FirmYear, Objection, Result
from guanmo.demo.assessment import demo_final_result
from guanmo.demo.firms import FIRM_YEAR
from guanmo.regions.models import Region

pytestmark = pytest.mark.django_db
DEMO_TODAY = date(2025, 12, 15)


def city() -> Region:
    return Region.objects.get(name="焦作市")


def test_a_result_stands_in_publication_on_the_demos_today(demo):
    standing = Result.objects.filter(status=Result.Status.PUBLISHED)
    assert [result.scheme.name for result in standing] == ["亩均效益评价"]
    result = standing.get()
    assert result.published_until >= DEMO_TODAY > result.issued_at.date()
    assert result.scheme.firm_year == FIRM_YEAR


def test_one_objection_was_accepted_and_changed_the_ranking(demo):
    accepted = Objection.objects.get(status=Objection.Status.ACCEPTED)
    corrected = accepted.corrected_result
    before = {u["unit"]: u["rank"] for u in corrected.supersedes.output["units"]}
    after = {u["unit"]: u["rank"] for u in corrected.output["units"]}
    assert after[accepted.unit] < before[accepted.unit]
    assert corrected == demo_final_result(city())
    assert Decimal(corrected.inputs["values"][accepted.unit][accepted.indicator]) == accepted.value


def test_one_objection_was_rejected_with_its_reason(demo):
    rejected = Objection.objects.get(status=Objection.Status.REJECTED)
    assert rejected.decision_reason and rejected.corrected_result is None
    assert rejected.decided_by is not None and rejected.raised_by is not None


def test_the_final_results_history_and_page_say_both_decisions(demo, client):
    result = demo_final_result(city())
    steps = [step.text for step in history(result)]
    assert any("采纳" in s and "重新计算后" in s and "变为第" in s for s in steps), steps
    assert any("不予采纳：" in s for s in steps), steps
    client.force_login(result.issued_by)
    page = client.get(reverse("assessment_result", args=[result.pk])).content.decode()
    assert "不予采纳：" in page and "重新计算后" in page


def test_firms_have_two_years_of_figures_some_unrated_and_some_under_changyuans_rule(demo):
    firms = Firm.objects.filter(city=city())
    assert firms.count() >= 30
    for firm in firms:
        assert validate_credit_code(firm.credit_code) == firm.credit_code
        assert set(firm.years.values_list("year", flat=True)) == {FIRM_YEAR - 1, FIRM_YEAR}
        assert firm.county is not None
    latest = FirmYear.objects.filter(firm__city=city(), year=FIRM_YEAR)
    assert latest.filter(land_area__lt=LAND_THRESHOLD).exists()
    assert any(y.tax / y.land_area < LOW_TAX_PER_MU for y in latest)
    result = Result.objects.get(status=Result.Status.PUBLISHED)
    classes = {u["class"] for u in result.output["units"]}
    assert {"A", "B", "C", "D", "不参评"} <= classes
    assert all(Decimal(u["score"]) >= 0 for u in result.output["units"] if u["score"])
