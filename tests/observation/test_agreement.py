"""Panel consistency: Kendall's W, ICC(A,1) and ICC(A,k), Krippendorff's alpha."""

import itertools
import math
import random
from decimal import Decimal

import numpy as np
import pandas as pd
import pingouin
import pytest

from guanmo.observation.agreement import (
    EXHAUSTIVE_UP_TO,
    complete_block,
    greedy_block,
    kendall_w,
)
from guanmo.observation.results import ScoreCard, tour_results


def cards(rows: dict[str, list[float]], sites: list[str]) -> list[ScoreCard]:
    """Cards from judge → totals in site order; NaN is a site the judge did not score."""
    return [
        ScoreCard(judge, "", site, "甲县", {"比规模": Decimal(str(total))})
        for judge, totals in rows.items()
        for site, total in zip(sites, totals, strict=True)
        if not math.isnan(total)
    ]


# Siegel (1956) p. 234, the example of NAG's G08DAF (Kendall's coefficient of concordance):
# three rankings of ten objects with ties, published W = 0.828. By hand: rank sums 5.5, 6.5, 9,
# 13.5, 12, 20, 23, 23.5, 25.5, 26.5 around 16.5, S = 591; tie groups give ΣT = 114;
# W = 12·591 / (3²·(10³ − 10) − 3·114) = 7092 / 8568 = 197/238 = 0.82773.
SIEGEL = {
    "评委A": [1.0, 4.5, 2.0, 4.5, 3.0, 7.5, 6.0, 9.0, 7.5, 10.0],
    "评委B": [2.5, 1.0, 2.5, 4.5, 4.5, 8.0, 9.0, 6.5, 10.0, 6.5],
    "评委C": [2.0, 1.0, 4.5, 4.5, 4.5, 4.5, 8.0, 8.0, 8.0, 10.0],
}


def test_kendall_w_with_ties_matches_the_published_example():
    w = kendall_w(np.array(list(SIEGEL.values())))
    assert w == Decimal("0.8277")
    assert w.quantize(Decimal("0.001")) == Decimal("0.828")


def test_kendall_w_of_a_tour_is_taken_over_the_judges_site_totals():
    sites = [f"{number}号点" for number in range(1, 11)]
    assert tour_results(cards(SIEGEL, sites)).agreement.kendall_w == Decimal("0.8277")


def test_kendall_w_without_ties_matches_the_published_example():
    """Influential Points, "Kendall coefficient of concordance", strawberries: four raters rank
    eight farms; S = 500, W = 500 / (504 · 16 / 12) = 0.744."""
    ranks = np.array(
        [
            [8, 4, 2, 3, 5, 1, 6, 7],
            [7, 3, 1, 4, 5, 2, 6, 8],
            [8, 2, 5, 6, 7, 1, 4, 3],
            [8, 3, 4, 2, 5, 1, 6, 7],
        ]
    )
    assert kendall_w(ranks) == Decimal("0.7440")  # 500 / 672 = 0.74405


def test_kendall_w_needs_two_judges_and_two_sites():
    assert kendall_w(np.array([[80.0, 90.0]])) is None
    assert kendall_w(np.array([[80.0], [90.0]])) is None


RECUSAL_SITES = ["甲一", "甲二", "乙一", "乙二", "丙一", "丙二", "丁一", "丁二"]


def recusal_panel() -> list[ScoreCard]:
    """One judge from each of four counties, two sites each; every judge stays out of his own."""
    counties = {"甲县": "评委甲", "乙县": "评委乙", "丙县": "评委丙", "丁县": "评委丁"}
    return [
        ScoreCard(judge, county, site, f"{site[0]}县", {"比规模": Decimal(70 + 3 * number)})
        for county, judge in counties.items()
        for number, site in enumerate(RECUSAL_SITES)
        if site[0] != county[0]
    ]


def test_with_recusal_gaps_w_is_taken_on_the_largest_block_found():
    """No site is scored by all four; two judges share the four sites of the other two
    counties (2 × 4 = 8 cells) against three judges sharing two sites (6 cells)."""
    totals: dict[str, dict[str, Decimal]] = {}
    for card in recusal_panel():
        totals.setdefault(card.site, {})[card.judge] = card.total
    judges, sites = complete_block(totals)
    assert len(judges) == 2
    assert len(sites) == 4
    assert all(judge in totals[site] for judge in judges for site in sites)


def panel(scored: dict[str, str]) -> dict[str, dict[str, Decimal]]:
    """Site → judge → total from site → the judges (one character each) who scored it."""
    return {
        site: {f"评委{judge}": Decimal(80) for judge in judges} for site, judges in scored.items()
    }


def test_the_largest_block_is_found_where_dropping_judges_one_by_one_misses_it():
    """点3 alone has all six judges. Dropping judges one by one ends with 己戊甲 × 点2, 点3
    (6 cells); the largest block is 丁丙乙戊 × 点1, 点3 (8 cells)."""
    totals = panel({"点1": "丁丙乙戊", "点2": "己戊甲", "点3": "丁丙乙己戊甲"})

    assert greedy_block(totals) == (["评委己", "评委戊", "评委甲"], ["点2", "点3"])
    assert complete_block(totals) == (["评委丁", "评委丙", "评委乙", "评委戊"], ["点1", "点3"])


def test_a_block_of_two_by_two_is_found_where_greedy_finds_none():
    totals = panel({"点1": "乙丁", "点2": "甲乙丙", "点3": "乙丁"})

    assert greedy_block(totals) == ([], [])
    assert complete_block(totals) == (["评委丁", "评委乙"], ["点1", "点3"])
    assert (
        tour_results(
            [
                ScoreCard(judge, "", site, "甲县", {"比规模": total + len(site)})
                for site, by_judge in totals.items()
                for judge, total in by_judge.items()
            ]
        ).agreement.block_sites
        == 2
    )


def test_the_block_is_as_large_as_any_set_of_judges_gives_on_random_panels():
    rng = random.Random(7)
    for _ in range(200):
        judges, sites = (
            "甲乙丙丁戊己"[: rng.randint(2, 6)],
            [f"点{n}" for n in range(rng.randint(2, 8))],
        )
        totals = panel({site: "".join(j for j in judges if rng.random() < 0.7) for site in sites})
        largest = max(
            (
                len(chosen) * len(shared)
                for size in range(2, len(judges) + 1)
                for chosen in itertools.combinations(judges, size)
                if len(shared := [s for s in sites if all(f"评委{j}" in totals[s] for j in chosen)])
                >= 2
            ),
            default=0,
        )
        found_judges, found_sites = complete_block(totals)
        assert len(found_judges) * len(found_sites) == largest
        assert all(judge in totals[site] for judge in found_judges for site in found_sites)


def test_a_panel_too_large_to_search_says_its_block_may_not_be_the_largest():
    size = EXHAUSTIVE_UP_TO + 1
    judges = [f"评委{n:02d}" for n in range(size)]
    cards_ = [
        ScoreCard(judge, "", f"点{site:02d}", "甲县", {"比规模": Decimal(70 + site)})
        for site in range(size)
        for number, judge in enumerate(judges)
        if number != site  # each judge misses one site
    ]
    results = tour_results(cards_)
    assert "未必是最大的" in results.notes[-1]


def test_a_tour_with_recusal_gaps_says_which_block_w_was_taken_on():
    results = tour_results(recusal_panel())
    assert results.agreement.kendall_w == Decimal("1.0000")  # all order the sites alike
    assert (results.agreement.block_judges, results.agreement.block_sites) == (2, 4)
    assert results.notes == [
        "评分有空缺，协和系数W和组内相关系数ICC按2位评委共同评分的4个观摩点计算"
    ]


def pingouin_icc(scores: np.ndarray) -> pd.DataFrame:
    long = pd.DataFrame(
        [
            (site, judge, scores[site, judge])
            for site in range(scores.shape[0])
            for judge in range(scores.shape[1])
        ],
        columns=["site", "judge", "total"],
    )
    table = pingouin.intraclass_corr(long, targets="site", raters="judge", ratings="total")
    return table.set_index("Type")


def close(figure: Decimal, expected: float) -> bool:
    return abs(float(figure) - expected) <= 0.00005 + 1e-12


@pytest.mark.filterwarnings("ignore:The inplace keyword")  # inside pingouin, not ours
@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_icc_agrees_with_pingouin_to_four_decimals(seed, monkeypatch):
    """Random panels of 3–8 judges and 4–12 sites: site quality, judge leniency and noise,
    in half points as cards are filled."""
    monkeypatch.setitem(pingouin.options, "round.column.CI95", None)  # it shows two decimals
    rng = np.random.default_rng(seed)
    judges, sites = int(rng.integers(3, 9)), int(rng.integers(4, 13))
    quality = rng.normal(80, 6, size=(sites, 1))
    leniency = rng.normal(0, 3, size=(1, judges))
    scores = np.round((quality + leniency + rng.normal(0, 3, size=(sites, judges))) * 2) / 2
    names = [f"{number}号点" for number in range(sites)]
    rows = {f"评委{number}": list(scores[:, number]) for number in range(judges)}
    agreement = tour_results(cards(rows, names)).agreement
    expected = pingouin_icc(scores)
    single, average = expected.loc["ICC(A,1)"], expected.loc["ICC(A,k)"]
    assert agreement.icc_single > 0  # a real panel, not a degenerate one
    assert close(agreement.icc_single, single["ICC"])
    assert close(agreement.icc_average, average["ICC"])
    assert all(map(close, agreement.icc_single_interval, single["CI95"]))
    assert all(map(close, agreement.icc_average_interval, average["CI95"]))


def test_krippendorff_alpha_with_gaps_matches_the_published_example():
    """Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example of four
    observers and twelve units with missing values: interval alpha 0.849."""
    nan = math.nan
    rows = {
        "评委A": [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
        "评委B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
        "评委C": [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
        "评委D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan],
    }
    sites = [f"{number}号点" for number in range(1, 13)]
    assert tour_results(cards(rows, sites)).agreement.krippendorff_alpha == Decimal("0.8491")


def test_agreement_is_undefined_when_every_total_is_equal():
    rows = {"评委A": [80, 80, 80], "评委B": [80, 80, 80]}
    agreement = tour_results(cards(rows, ["一号点", "二号点", "三号点"])).agreement
    assert agreement.kendall_w is None
    assert agreement.krippendorff_alpha is None
    assert agreement.icc_single is None
    assert agreement.icc_single_interval is None


def test_agreement_is_undefined_for_a_single_judge():
    agreement = tour_results(
        cards({"评委A": [80, 85, 90]}, ["一号点", "二号点", "三号点"])
    ).agreement
    assert agreement.kendall_w is None
    assert agreement.icc_average is None
    assert agreement.krippendorff_alpha is None
