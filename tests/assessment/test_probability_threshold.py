"""P(first) and P(last) against the naming threshold (issue 13): the exact probability decides,
and whatever is kept or shown stays on its side of the threshold, so that the results list, the
page and the sentences agree at the edge (tryout 19: P(末位) 0.7996 was shown 80.0% against 80%,
and a probability kept at four decimals could round onto the threshold and be named last)."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from guanmo.assessment.definition import Definition, IndicatorRow, Inputs
from guanmo.assessment.objections import publish_result
from guanmo.assessment.outcome import compute
from guanmo.assessment.robustness import beside_threshold, probability_shown, stated_place
from guanmo.assessment.services import save_scheme

DEFINITION = Definition(
    (
        IndicatorRow("项目建设", D(50), "投资完成率", D(50)),
        IndicatorRow("项目开工", D(50), "开工率", D(50)),
    )
)
# 乙县 and 甲县 close at the bottom: in 3 seeded runs (seed 0) 乙县 is last in 2, P = 2/3 =
# 0.6666…, just under a threshold of 0.6667, to which four decimals half-up would carry it.
INPUTS = Inputs(
    {
        "甲县": {"投资完成率": D(90), "开工率": D(60)},
        "乙县": {"投资完成率": D(60), "开工率": D(89)},
        "丙县": {"投资完成率": D(100), "开工率": D(100)},
    }
)
THRESHOLD = D("0.6667")


@pytest.mark.parametrize(
    ("probability", "places", "kept"),
    [
        (D("0.79995"), 4, D("0.79995")),  # 0.8000 would reach 0.8
        (D("0.7996"), 3, D("0.7996")),  # 0.800 would too
        (D("0.8"), 4, D("0.8000")),
        (D("0.62"), 4, D("0.6200")),
        (D("0.80041"), 3, D("0.8004")),  # 0.800 would fall short of 0.8004
    ],
)
def test_a_probability_is_kept_half_up_but_never_across_the_threshold(probability, places, kept):
    threshold = D("0.8004") if probability == D("0.80041") else D("0.8")
    assert beside_threshold(probability, threshold, places) == kept


def test_a_probability_just_under_the_threshold_is_shown_under_it():
    assert probability_shown(D("0.7996"), D("0.8")) == "79.96%"
    assert probability_shown(D("0.62"), D("0.8")) == "62.0%"
    assert probability_shown(D("0.8"), D("0.8")) == "80.0%"
    assert probability_shown(None, D("0.8")) == "—"


def test_the_kept_probability_and_the_list_agree_with_the_sentence_at_the_edge():
    outcome = compute(DEFINITION, INPUTS, runs=3, seed=0, threshold=THRESHOLD)
    units = outcome.as_json()["units"]
    last = next(unit for unit in units if unit["unit"] == "乙县")
    assert last["rank"] == 3 and D(last["p_last"]) < THRESHOLD
    assert last["p_last"] == "0.66667"
    assert "排名末位尚不能认定" in outcome.sentences[-1]
    assert "分别为66.667%、33.3%" in outcome.sentences[-1]
    assert stated_place(units, "last", THRESHOLD, True) == "未认定（乙县 66.667%、甲县 33.3%）"


@pytest.mark.django_db
def test_the_results_list_does_not_name_last_what_the_sentence_does_not(client, world, settings):
    scheme = save_scheme(world.city, "2025年度", "综合考核", DEFINITION, list(INPUTS.values))
    result = publish_result(scheme, INPUTS, runs=3, seed=0, threshold=THRESHOLD)
    client.force_login(world.users["city"])
    listed = client.get(reverse("assessment_results")).content.decode()
    assert "未认定（乙县 66.667%、甲县 33.3%）" in listed
    page = client.get(reverse("assessment_result", args=[result.pk])).content.decode()
    assert "66.667%" in page and "66.7%</td>" not in page
