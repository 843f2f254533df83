"""Issue 13 (last stop, item 1): a result kept before the breakdown-sum change kept its parts
rounded one by one (示范区 45.00 + 6.82 + 16.67 = 68.49 beside its score 68.48). A stored
result's page, its .xlsx and its JSON are what a fresh computation under the current rule
gives: tables kept under another rule are computed again when the result is read."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from guanmo.assessment.exporters.text import FIGURES_RULE, page_figures, two_places
from guanmo.assessment.models import Result
from guanmo.assessment.objections import publish_result
from guanmo.assessment.services import recompute, save_scheme, scores_again
from tests.assessment.test_result_page import breakdown_of, unlabelled
from tests.assessment.test_shown_breakdown import DEFINITION, INPUTS, NAMES


def old_rule_tables(result: Result) -> tuple[dict, dict]:
    """The result's page tables and JSON as a result kept them before the change: each part
    rounded on its own (two decimals half-up), no rule said."""
    outcome = scores_again(result)
    figures = page_figures(outcome)
    del figures["rule"]
    own = {line.unit: line for line in outcome.lines}
    for row in figures["breakdown"]:
        row[1 : 1 + len(NAMES)] = [two_places(own[row[0]].contributions[n]) for n in NAMES]
    output = result.output
    for unit in output["units"]:
        unit["contributions"] = {
            name: two_places(points) for name, points in own[unit["unit"]].contributions.items()
        }
    return figures, output


@pytest.fixture
def kept_before(world, settings):
    settings.GUANMO_TODAY = date(2025, 12, 1)
    scheme = save_scheme(world.city, "2025年度", "综合考核", DEFINITION, list(INPUTS.values))
    result = publish_result(scheme, INPUTS, days=5, runs=20, seed=3)
    figures, output = old_rule_tables(result)
    Result.objects.filter(pk=result.pk).update(figures=figures, output=output)
    result.refresh_from_db()
    shown = {row[0]: row for row in result.figures["breakdown"]}
    assert shown["示范区"][1:4] == ["45.00", "6.82", "16.67"]  # 68.49, the fault kept
    return result


def test_a_result_kept_under_the_old_rule_shows_the_fresh_breakdown(client, world, kept_before):
    fresh = page_figures(scores_again(kept_before))
    client.force_login(world.users["city"])
    url = reverse("assessment_result", args=[kept_before.pk])
    page = unlabelled(breakdown_of(client.get(url).content.decode()))
    for row in fresh["breakdown"]:
        assert "".join(f"<td>{cell}</td>" for cell in row) in page
    shown = {row[0]: row for row in fresh["breakdown"]}
    assert "<td>示范区</td><td>45.00</td><td>6.82</td><td>16.67</td>" not in page
    assert sum(map(float, shown["示范区"][1:-1])) == pytest.approx(68.48)
    kept_before.refresh_from_db()
    assert kept_before.figures == fresh and kept_before.figures["rule"] == FIGURES_RULE
    assert kept_before.output == recompute(kept_before).as_json()


def test_the_xlsx_of_a_result_kept_under_the_old_rule_is_the_fresh_computation(
    client, world, kept_before
):
    fresh = {row[0]: row for row in page_figures(scores_again(kept_before))["breakdown"]}
    client.force_login(world.users["city"])
    url = reverse("assessment_result", args=[kept_before.pk])
    book = load_workbook(BytesIO(client.get(url, {"format": "xlsx"}).getvalue()))
    sheet = book["得分构成"]
    header = [cell.value for cell in sheet[2]]
    rows = {row[1]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
    for unit, row in fresh.items():
        shown = dict(zip(header, rows[unit], strict=True))
        for name, cell in zip(NAMES, row[1:], strict=False):
            assert f"{shown[name]:.2f}" == cell, (unit, name)
