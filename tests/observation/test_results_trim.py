"""The default method: 去掉一个最高分和一个最低分, then average."""

from decimal import Decimal

from guanmo.observation.results import ScoreCard, Trim, tour_results


def one_site(totals: dict[str, str], **options):
    """Results of one site in 甲县 scored by judges without a county."""
    cards = [
        ScoreCard(judge, "", "甲县一号点", "甲县", {"比进度": Decimal(total)})
        for judge, total in totals.items()
    ]
    return tour_results(cards, **options)


FIVE = {"评委A": "90", "评委B": "85", "评委C": "80", "评委D": "78", "评委E": "70"}


def test_five_judges_drop_the_highest_and_the_lowest():
    results = one_site(FIVE)
    [site] = results.sites
    assert site.score == Decimal("81.00")  # (85 + 80 + 78) / 3
    assert site.dropped == ("评委A", "评委E")
    assert site.judges == 5
    assert results.notes == []


def test_four_judges_are_averaged_without_trimming():
    [site] = one_site({"评委A": "90", "评委B": "85", "评委C": "80", "评委D": "70"}).sites
    assert site.score == Decimal("81.25")  # 325 / 4
    assert site.dropped == ()


def test_a_tie_at_the_top_drops_only_one_of_the_equal_totals():
    totals = {"评委A": "90", "评委B": "90", "评委C": "80", "评委D": "75", "评委E": "70"}
    [site] = one_site(totals).sites
    assert site.score == Decimal("81.67")  # (90 + 80 + 75) / 3 = 81.666…; both 90s gone: 77.50
    assert site.dropped == ("评委A", "评委E")  # of the equal totals, the first name goes


def test_a_tie_at_the_bottom_drops_only_one_of_the_equal_totals():
    totals = {"评委A": "90", "评委B": "85", "评委C": "80", "评委D": "70", "评委E": "70"}
    [site] = one_site(totals).sites
    assert site.score == Decimal("78.33")  # (85 + 80 + 70) / 3 = 78.333…; both 70s gone: 82.50
    assert site.dropped == ("评委A", "评委D")


def test_a_site_score_rounds_an_exact_half_up():
    totals = {"评委A": "80", "评委B": "80.5", "评委C": "81", "评委D": "81"}
    [site] = one_site(totals).sites
    assert site.score == Decimal("80.63")  # 322.5 / 4 = 80.625; banker's rounding gives 80.62


def test_explicit_counts_drop_that_many_at_each_end():
    totals = {
        **{"评委A": "95", "评委B": "90", "评委C": "85", "评委D": "80", "评委E": "75"},
        "评委F": "60",
    }
    [site] = one_site(totals, trim=Trim(drop_high=2, drop_low=1)).sites
    assert site.score == Decimal("80.00")  # (85 + 80 + 75) / 3
    assert site.dropped == ("评委A", "评委B", "评委F")


def test_zero_at_both_ends_keeps_every_total():
    [site] = one_site(FIVE, trim=Trim(drop_high=0, drop_low=0)).sites
    assert site.score == Decimal("80.60")  # 403 / 5
    assert site.dropped == ()


def test_an_end_left_unsaid_follows_the_default_rule():
    four = {"评委A": "90", "评委B": "85", "评委C": "80", "评委D": "70"}
    [site] = one_site(four, trim=Trim(drop_high=1)).sites
    assert site.score == Decimal("78.33")  # 90 dropped; below five judges the low end keeps all
    assert site.dropped == ("评委A",)


def test_too_few_totals_for_the_trim_take_the_plain_mean_with_a_note():
    four = {"评委A": "90", "评委B": "85", "评委C": "80", "评委D": "70"}
    results = one_site(four, trim=Trim(drop_high=2, drop_low=2))
    [site] = results.sites
    assert site.score == Decimal("81.25")
    assert site.dropped == ()
    assert results.notes == [
        "观摩点「甲县一号点」只有4位评委的有效评分，不够去掉2个最高分和2个最低分，按算术平均计分"
    ]


def recusal_panel() -> list[ScoreCard]:
    """评委A is from 甲县 and scored his own county's site 100; three others scored it."""
    return [
        ScoreCard("评委A", "甲县", "甲县一号点", "甲县", {"比进度": Decimal(100)}),
        ScoreCard("评委B", "", "甲县一号点", "甲县", {"比进度": Decimal(80)}),
        ScoreCard("评委C", "乙县", "甲县一号点", "甲县", {"比进度": Decimal(82)}),
        ScoreCard("评委D", "", "甲县一号点", "甲县", {"比进度": Decimal(78)}),
    ]


def test_with_recusal_a_judge_s_own_county_card_is_left_out_of_everything():
    results = tour_results(recusal_panel())
    [site] = results.sites
    assert site.score == Decimal("80.00")  # (80 + 82 + 78) / 3
    assert site.judges == 3
    assert "评委A" not in site.totals
    assert [review.judge for review in results.judges] == ["评委B", "评委C", "评委D"]


def test_without_recusal_a_judge_s_own_county_card_counts():
    results = tour_results(recusal_panel(), recusal=False)
    [site] = results.sites
    assert site.score == Decimal("85.00")  # (100 + 80 + 82 + 78) / 4
    assert site.judges == 4
    assert site.totals["评委A"] == Decimal(100)


def test_a_site_only_its_own_county_scored_is_left_out_with_a_note():
    cards = [ScoreCard("评委A", "甲县", "甲县二号点", "甲县", {"比进度": Decimal(90)})]
    results = tour_results([*recusal_panel(), *cards])
    assert [site.site for site in results.sites] == ["甲县一号点"]
    assert results.notes == ["观摩点「甲县二号点」没有计入的评分，不参与排名"]
