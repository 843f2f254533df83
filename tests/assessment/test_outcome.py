"""A result's JSON: ranks and medians as offices read them, whatever their size."""

from dataclasses import replace
from decimal import Decimal as D

from guanmo.assessment.definition import Definition, IndicatorRow, Inputs
from guanmo.assessment.outcome import compute

DEFINITION = Definition((IndicatorRow("规模", None, "规模", D(1)),), weight_variation=D(0))


def test_a_tenth_place_median_is_written_10_not_in_exponent_form():
    inputs = Inputs({f"{n}号单位": {"规模": D(100 - n)} for n in range(1, 13)})
    result = compute(replace(DEFINITION, aggregations=(DEFINITION.aggregation,)), inputs, runs=5)
    tenth = result.as_json()["units"][9]
    assert (tenth["unit"], tenth["rank"], tenth["median_rank"]) == ("10号单位", 10, "10")
    assert tenth["rank_interval"] == [10, 10]
