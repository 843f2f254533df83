"""A result's JSON: ranks and medians as offices read them, whatever their size."""

from dataclasses import replace
from decimal import Decimal as D

from guanmo.assessment.definition import Definition, IndicatorRow, Inputs, Weighting
from guanmo.assessment.outcome import compute

DEFINITION = Definition((IndicatorRow("规模", None, "规模", D(1)),), weight_variation=D(0))


def test_a_tenth_place_median_is_written_10_not_in_exponent_form():
    inputs = Inputs({f"{n}号单位": {"规模": D(100 - n)} for n in range(1, 13)})
    result = compute(replace(DEFINITION, aggregations=(DEFINITION.aggregation,)), inputs, runs=5)
    tenth = result.as_json()["units"][9]
    assert (tenth["unit"], tenth["rank"], tenth["median_rank"]) == ("10号单位", 10, "10")
    assert tenth["rank_interval"] == [10, 10]


def test_critic_weights_are_drawn_between_their_two_forms_run_by_run():
    definition = Definition(
        (
            IndicatorRow("A", None, "A", None),
            IndicatorRow("B", None, "B", None),
            IndicatorRow("C", None, "C", None),
        ),
        weighting=Weighting.CRITIC,
    )
    columns = {"A": [0, 1, 2, 1], "B": [1, 0, 0, 2], "C": [0, 0, 1, 2]}
    inputs = Inputs({f"{n}号": {k: D(v[n]) for k, v in columns.items()} for n in range(4)})
    result = compute(definition, inputs, runs=40).as_json()
    assert result["method"]["weighting"] == "critic"
    assert "weighting" in result["sensitivity"]
