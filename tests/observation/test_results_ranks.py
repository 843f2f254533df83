"""Ranks of sites and counties, county scores, and what leaving one judge out would change."""

from decimal import Decimal

import pytest

from guanmo.observation.agreement import RankShift
from guanmo.observation.results import Method, ScoreCard, tour_results


def card(judge: str, site: str, region: str, total: str) -> ScoreCard:
    return ScoreCard(judge, "", site, region, {"比效益": Decimal(total)})


def test_equal_scores_share_a_competition_rank_shown_as_tied():
    results = tour_results(
        [
            card("评委A", "丁点", "甲县", "85"),
            card("评委A", "甲点", "甲县", "90"),
            card("评委A", "丙点", "乙县", "80"),
            card("评委A", "乙点", "乙县", "85"),
        ]
    )
    assert [(site.site, site.rank, site.tied) for site in results.sites] == [
        ("甲点", 1, False),
        ("丁点", 2, True),  # ties are listed by site name
        ("乙点", 2, True),
        ("丙点", 4, False),
    ]


def test_a_county_scores_the_mean_of_its_sites_shown_scores():
    """一号点 is 641 / 8 = 80.125, shown 80.13; 二号点 81.00. The county is the mean of the
    shown figures, (80.13 + 81.00) / 2 = 80.565 → 80.57 (of the unrounded ones it would be
    80.5625 → 80.56)."""
    judges = [f"评委{letter}" for letter in "ABCDEFGH"]
    first = [card(judge, "一号点", "甲县", "80") for judge in judges[:7]]
    first.append(card("评委H", "一号点", "甲县", "81"))
    second = [card(judge, "二号点", "甲县", "81") for judge in judges]
    results = tour_results(first + second, method=Method.MEAN)
    assert [site.score for site in results.sites] == [Decimal("81.00"), Decimal("80.13")]
    [county] = results.regions
    assert (county.region, county.sites, county.score) == ("甲县", 2, Decimal("80.57"))


def test_counties_are_ranked_with_ties_by_name():
    results = tour_results(
        [
            card("评委A", "丙一", "丙县", "70"),
            card("评委A", "乙一", "乙县", "88"),
            card("评委A", "甲一", "甲县", "86"),
            card("评委A", "甲二", "甲县", "90"),
        ]
    )
    assert [(r.region, r.score, r.rank, r.tied) for r in results.regions] == [
        ("乙县", Decimal("88.00"), 1, True),
        ("甲县", Decimal("88.00"), 1, True),
        ("丙县", Decimal("70.00"), 3, False),
    ]


def test_leaving_one_judge_out_shows_the_counties_whose_rank_would_change():
    """甲县 83.33 (90, 80, 80), 乙县 82.00 (78, 84, 84), 丙县 70. Without 评委A: 甲县 80,
    乙县 84, so they swap; without 评委B or 评委C nothing moves (85.00 against 81.00)."""
    table = {
        ("甲县一号点", "甲县"): ("90", "80", "80"),
        ("乙县一号点", "乙县"): ("78", "84", "84"),
        ("丙县一号点", "丙县"): ("70", "70", "70"),
    }
    cards = [
        card(judge, site, region, total)
        for (site, region), totals in table.items()
        for judge, total in zip(("评委A", "评委B", "评委C"), totals, strict=True)
    ]
    results = tour_results(cards, method=Method.MEAN)
    assert [(r.region, r.rank) for r in results.regions] == [("甲县", 1), ("乙县", 2), ("丙县", 3)]
    assert results.rank_shifts == [
        RankShift(judge="评委A", region="甲县", rank=1, rank_without=2),
        RankShift(judge="评委A", region="乙县", rank=2, rank_without=1),
    ]


def test_a_panel_of_one_judge_has_ranks_and_nothing_to_leave_out():
    results = tour_results(
        [card("评委A", "甲点", "甲县", "80"), card("评委A", "乙点", "乙县", "70")],
        method="severity",  # as a tour stores it
    )
    assert [(r.region, r.score, r.rank) for r in results.regions] == [
        ("甲县", Decimal("80.00"), 1),
        ("乙县", Decimal("70.00"), 2),
    ]
    assert results.method is Method.SEVERITY
    assert results.rank_shifts == []


def test_two_cards_from_one_judge_for_one_site_are_refused():
    with pytest.raises(ValueError, match="评委「评委A」对观摩点「甲点」有两张评分表"):
        tour_results([card("评委A", "甲点", "甲县", "80"), card("评委A", "甲点", "甲县", "85")])
