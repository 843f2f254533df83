"""Publishing results: scores half-up, 并列, classes by thresholds and shares, 一票否决, unrated
units, rank change, and the points each unit lost."""

from decimal import Decimal as D

import pytest

from guanmo.assessment.results import (
    UNRATED,
    ShareClasses,
    ThresholdClasses,
    UnitResult,
    VetoEffect,
    first_placed,
    points_behind_best,
    points_lost_to,
    published_score,
    rank_and_classify,
    rank_change_words,
)


def test_scores_are_published_to_two_decimals_half_up():
    assert published_score(D("92.345")) == D("92.35")
    assert published_score(D("92.3449")) == D("92.34")
    assert published_score(D("-0.005")) == D("-0.01")


def test_units_equal_when_published_are_tied_and_classed_by_threshold():
    scores = {"甲县": D("92.351"), "乙县": D("92.349"), "丙县": D("79.995"), "丁县": D("59.99")}
    results = rank_and_classify(scores, ThresholdClasses())
    assert results == [
        UnitResult("甲县", D("92.35"), 1, True, "优秀"),
        UnitResult("乙县", D("92.35"), 1, True, "优秀"),
        UnitResult("丙县", D("80.00"), 3, False, "良好"),  # 79.995 is published as 80.00
        UnitResult("丁县", D("59.99"), 4, False, "不合格"),
    ]


def test_classes_by_shares_of_ten_units():
    scores = {f"单位{i}": D(100 - i) for i in range(1, 11)}
    grades = [r.grade for r in rank_and_classify(scores, ShareClasses())]
    # ranks 1–2 (≤20%) A, 3–6 (≤60%) B, 7–9 (≤95%) C, 10 D
    assert grades == ["A", "A", "B", "B", "B", "B", "C", "C", "C", "D"]


def test_units_tied_at_a_share_boundary_all_take_the_higher_class():
    # Ranks 1, 2, 2, 4 …: the tie at places 2–3 crosses the A boundary (2 of 10): both A,
    # and B starts at rank 4.
    values = [99, 98, 98, 96, 95, 94, 93, 92, 91, 90]
    scores = {f"单位{i}": D(v) for i, v in enumerate(values)}
    results = rank_and_classify(scores, ShareClasses())
    assert [r.rank for r in results[:4]] == [1, 2, 2, 4]
    assert [r.grade for r in results] == ["A", "A", "A", "B", "B", "B", "C", "C", "C", "D"]


def test_share_classes_must_add_up_to_a_hundred():
    with pytest.raises(ValueError, match="合计100%"):
        ShareClasses((("A", D(20)), ("B", D(70))))


def test_a_vetoed_unit_is_placed_last_in_the_lowest_class():
    scores = {"甲县": D(95), "乙县": D(70), "丙县": D(88), "丁县": D(90)}
    results = rank_and_classify(scores, ThresholdClasses(), vetoed=frozenset({"甲县", "丙县"}))
    by_unit = {r.unit: r for r in results}
    assert (by_unit["丁县"].rank, by_unit["乙县"].rank) == (1, 2)
    # vetoed units after the rest, among themselves by score
    assert (by_unit["甲县"].rank, by_unit["丙县"].rank) == (3, 4)
    assert by_unit["甲县"].grade == "不合格" and by_unit["甲县"].vetoed
    assert by_unit["甲县"].score == D("95.00")


def test_a_vetoed_unit_left_unclassed_has_no_rank_and_no_class():
    scores = {"甲县": D(95), "乙县": D(70), "丙县": D(88)}
    results = rank_and_classify(
        scores, ShareClasses(), vetoed=frozenset({"甲县"}), veto_effect=VetoEffect.UNCLASSED
    )
    assert results[0] == UnitResult("甲县", D("95.00"), None, False, None, vetoed=True)
    assert [(r.rank, r.grade) for r in results[1:]] == [(2, "D"), (1, "B")]


def test_exempt_units_are_unrated_and_do_not_count_in_the_shares():
    scores = {"小企业": None, "甲企业": D(80), "乙企业": D(60), "丙企业": D(10)}
    results = rank_and_classify(scores, ShareClasses(), exempt=frozenset({"小企业"}))
    assert results[0] == UnitResult("小企业", None, None, False, UNRATED, rated=False)
    # three ranked: 1/3 ≤ 60% is B (A needs ≤ 20%), 2/3 ≤ 95% C, 3/3 D
    assert [r.grade for r in results[1:]] == ["B", "C", "D"]


def test_a_unit_to_be_rated_without_a_score_is_refused():
    with pytest.raises(ValueError, match="乙县没有综合得分"):
        rank_and_classify({"甲县": D(1), "乙县": None}, ThresholdClasses())


@pytest.mark.parametrize(
    ("previous", "current", "words"),
    [(54, 97, "退位43位"), (30, 4, "进位26位"), (5, 5, "位次不变"), (None, 3, "")],
)
def test_rank_change_against_the_previous_cycle(previous, current, words):
    assert rank_change_words(previous, current) == words


CONTRIBUTIONS = {
    "甲县": {"规模": D(30), "进度": D(50)},
    "乙县": {"规模": D(35), "进度": D(40)},
    "丙县": {"规模": D(20), "进度": D(45)},
}


def test_points_lost_to_the_first_unit_on_each_indicator():
    lost = points_lost_to(CONTRIBUTIONS, "甲县")
    assert lost["乙县"] == {"规模": D(-5), "进度": D(10)}
    assert lost["丙县"] == {"规模": D(10), "进度": D(5)}
    assert lost["甲县"] == {"规模": D(0), "进度": D(0)}


def test_points_behind_the_best_unit_on_each_indicator():
    behind = points_behind_best(CONTRIBUTIONS)
    assert behind["甲县"] == {"规模": D(5), "进度": D(0)}
    assert behind["丙县"] == {"规模": D(15), "进度": D(5)}


def test_first_placed_is_the_earliest_of_tied_firsts():
    results = rank_and_classify({"乙": D(1), "甲": D(2), "丙": D(2)}, ThresholdClasses())
    assert first_placed(results) == "甲"
    assert first_placed([]) is None


def test_the_share_rule_counts_each_class_and_says_how_it_rounded():
    """Tryout 13: D "bottom 5%" of 34 firms gave 2 (5.9%) without a word. The rule: each
    class's cumulative share × n, floored, bounds it (34 × 95% = 32.3 → 32), so the last
    class takes the rest: 34 × 5% = 1.7 → 2. The page says so."""
    shares = ShareClasses()
    assert shares.class_counts(34) == {"A": 6, "B": 14, "C": 12, "D": 2}
    assert [shares.of(D(0), rank, 34) for rank in (6, 7, 20, 21, 32, 33, 34)] == list("ABBCCDD")
    assert shares.class_counts(7) == {"A": 1, "B": 3, "C": 2, "D": 1}
    assert shares.class_counts(20) == {"A": 4, "B": 8, "C": 7, "D": 1}
    text = shares.rule_text(34)
    assert "D类后5%：其余第33至34名，共2家" in text
    assert "A类前20%：34×20%=6.8，向下取整为6，即第1至6名，共6家" in text
    assert "并列" in text


def test_the_share_rule_says_the_cumulative_share_it_floors():
    """Tryout 15: 「12×40%=4.8，按40%取整为5家」 read as 4.8 rounded up, while the rule floors
    the cumulative share: B's last place is 12 × 60% = 7.2 → 7, so B holds places 3 to 7."""
    text = ShareClasses().rule_text(12)
    assert "B类其后40%：累计60%，12×60%=7.2，向下取整为7，即第3至7名，共5家" in text
    assert "C类其后35%：累计95%，12×95%=11.4，向下取整为11，即第8至11名，共4家" in text
    assert "4.8" not in text
