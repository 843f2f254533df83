"""Each judge against the panel: leaning, spread, Spearman with the others, home gap, flags."""

import statistics
from decimal import Decimal

from guanmo.observation.results import ScoreCard, tour_results


def card(judge: str, site: str, total: int, judge_region: str = "") -> ScoreCard:
    """A card for a site whose county is the first character of its name plus 县."""
    return ScoreCard(judge, judge_region, site, f"{site[0]}县", {"比进度": Decimal(total)})


def reviews(cards: list[ScoreCard], **options) -> dict:
    return {review.judge: review for review in tour_results(cards, **options).judges}


# Four judges who agree, and 评委E who orders the five sites the other way round.
CONTRARIAN = {
    "评委A": [90, 85, 80, 75, 70],
    "评委B": [89, 84, 79, 74, 69],
    "评委C": [88, 83, 78, 73, 68],
    "评委D": [91, 86, 81, 76, 71],
    "评委E": [60, 65, 70, 75, 80],
}
SITES = ["甲一", "甲二", "甲三", "甲四", "甲五"]


def contrarian_reviews() -> dict:
    return reviews(
        [
            card(judge, site, total)
            for judge, totals in CONTRARIAN.items()
            for site, total in zip(SITES, totals, strict=True)
        ]
    )


def test_a_judge_who_orders_the_sites_backwards_is_flagged():
    """Site means 83.6, 80.6, 77.6, 74.6, 71.6. 评委E's deviations −23.6, −15.6, −7.6, 0.4, 8.4:
    mean −7.6, around which −16, −8, 0, 8, 16, so spread √(640 / 5) = 11.31; the others' mean
    rises where his falls: Spearman −1."""
    contrarian = contrarian_reviews()["评委E"]
    assert contrarian.sites == 5
    assert contrarian.spearman == Decimal("-1.0000")
    assert contrarian.mean_deviation == Decimal("-7.60")
    assert contrarian.spread == Decimal("11.31")
    assert contrarian.home_gap is None
    assert contrarian.flagged
    assert contrarian.reasons == ("打分明显偏严", "与其他评委排序不一致", "打分波动大")


def test_judges_who_agree_are_not_flagged_even_a_few_points_apart():
    """评委D leans +3.40 (91 − 83.6 …), past the 3 points, but the judges' leanings
    (2.4, 1.4, 0.4, 3.4, −7.6) have median 1.4 and MAD 1: 3.4 is only 2 from the median,
    within 2 × 1.4826 = 2.97."""
    found = contrarian_reviews()
    agreeing = ["评委A", "评委B", "评委C", "评委D"]
    assert [found[judge].mean_deviation for judge in agreeing] == [
        Decimal("2.40"),
        Decimal("1.40"),
        Decimal("0.40"),
        Decimal("3.40"),
    ]
    assert found["评委A"].spearman == Decimal("1.0000")
    assert found["评委A"].spread == Decimal("2.83")  # √8
    assert not any(found[judge].flagged for judge in agreeing)


QUALITY = {"甲一": 84, "甲二": 78, "乙一": 82, "乙二": 75, "丙一": 88, "丙二": 72, "丁一": 80}
QUALITY["丁二"] = 76
BLOC = {"评委甲一": "甲县", "评委甲二": "甲县"}
HONEST = {"评委乙": "乙县", "评委丙": "丙县", "评委丁": "丁县", "评委市一": "", "评委市二": ""}


def bloc_cards() -> list[ScoreCard]:
    """Seven judges; the two from 甲县 give every site they may score 8 points more than it is
    worth, the others exactly its worth. Recusal keeps each judge off his own county."""
    return [
        card(judge, site, worth + (8 if judge in BLOC else 0), region)
        for judge, region in {**BLOC, **HONEST}.items()
        for site, worth in QUALITY.items()
    ]


def test_a_lenient_bloc_of_two_judges_from_one_county_is_flagged():
    """On the six sites outside 甲县 six judges score, two of them 8 higher: the site mean is
    worth + 16/6, so each bloc judge leans 8 − 2.67 = +5.33. A city judge leans 6 × −2.67 / 8
    = −2.00, a county judge 4 × −2.67 / 6 = −1.78. Trimming drops only one of the two."""
    results = tour_results(bloc_cards())
    found = {review.judge: review for review in results.judges}
    for judge in BLOC:
        assert found[judge].mean_deviation == Decimal("5.33")
        assert found[judge].spearman == Decimal("1.0000")  # lenient, but in the panel's order
        assert found[judge].reasons == ("打分明显偏宽",)
    assert found["评委市一"].mean_deviation == Decimal("-2.00")
    assert found["评委乙"].mean_deviation == Decimal("-1.78")
    assert [judge for judge, review in found.items() if review.flagged] == ["评委甲一", "评委甲二"]
    # Each rival site keeps one inflated total after the trim: 乙一 is (90 + 3 × 82) / 4.
    assert {site.site: site.score for site in results.sites}["乙一"] == Decimal("84.00")
    # Why the flag measures from the median: mean ± 2 SD of the leanings would hide the bloc.
    leanings = [float(review.mean_deviation) for review in results.judges]
    mean, sd = statistics.fmean(leanings), statistics.pstdev(leanings)
    assert mean + 2 * sd > 5.33


def home_cards() -> list[ScoreCard]:
    """评委甲 (甲县) gives his county's two sites 4 points more than the three city judges."""
    worth = {"甲一": 80, "甲二": 70, "乙一": 75, "乙二": 65}
    cards = [
        card(judge, site, total)
        for judge in ("评委B", "评委C", "评委D")
        for site, total in worth.items()
    ]
    cards += [
        card("评委甲", site, total + (4 if site[0] == "甲" else 0), "甲县")
        for site, total in worth.items()
    ]
    return cards


def test_a_judge_who_favours_his_own_county_shows_a_home_gap_when_recusal_is_off():
    """甲一's mean is (84 + 3 × 80) / 4 = 81, so he deviates +3 on his county's sites, 0 on
    乙县's: a home gap of 3.00. His leaning (+1.50) and spread (1.50) stay under the flags."""
    found = reviews(home_cards(), recusal=False)["评委甲"]
    assert found.region == "甲县"
    assert found.home_gap == Decimal("3.00")
    assert (found.mean_deviation, found.spread) == (Decimal("1.50"), Decimal("1.50"))
    assert found.reasons == ("对本县区观摩点打分偏高",)


def test_with_recusal_there_is_no_home_gap_to_show():
    found = reviews(home_cards())["评委甲"]
    assert found.sites == 2
    assert found.home_gap is None
    assert not found.flagged


def test_spearman_needs_three_sites_shared_with_other_judges():
    cards = [
        card(judge, site, 80 + n)
        for judge in ("评委A", "评委B")
        for n, site in enumerate(["甲一", "甲二"])
    ]
    found = reviews(cards)["评委A"]
    assert found.spearman is None
    assert found.mean_deviation == Decimal("0.00")
