"""The other ways to make a site's score: mean, median, z-score standardisation, severity."""

from decimal import Decimal

from guanmo.observation.results import Method, ScoreCard, tour_results
from guanmo.observation.site_scores import severity_fit


def cards(table: dict[str, dict[str, str]]) -> list[ScoreCard]:
    """Cards from site → judge → total; judges have no county, sites are in 甲县."""
    return [
        ScoreCard(judge, "", site, "甲县", {"比质量": Decimal(total)})
        for site, by_judge in table.items()
        for judge, total in by_judge.items()
    ]


def scores(table: dict[str, dict[str, str]], method: Method) -> dict[str, Decimal]:
    return {site.site: site.score for site in tour_results(cards(table), method=method).sites}


FIVE = {"一号点": {"评委A": "90", "评委B": "85", "评委C": "80", "评委D": "78", "评委E": "70"}}


def test_the_mean_keeps_every_total():
    assert scores(FIVE, Method.MEAN) == {"一号点": Decimal("80.60")}  # 403 / 5


def test_the_median_of_an_odd_and_an_even_panel():
    even = {"二号点": {"评委A": "90", "评委B": "84", "评委C": "80", "评委D": "70"}}
    assert scores(FIVE, Method.MEDIAN) == {"一号点": Decimal("80.00")}
    assert scores(even, Method.MEDIAN) == {"二号点": Decimal("82.00")}  # (84 + 80) / 2


SCALES = {
    "一号点": {"评委A": "80", "评委B": "60"},
    "二号点": {"评委A": "90", "评委B": "62"},
    "三号点": {"评委A": "70", "评委B": "58"},
}


def test_zscore_puts_every_judge_on_the_panel_s_scale():
    """评委A spreads his totals wide (80, 90, 70), 评委B narrow (60, 62, 58): same order.

    A: mean 80, SD √(200/3); B: mean 60, SD √(8/3). Both give z = 0, +√1.5, −√1.5.
    Panel: mean 420/6 = 70, SD √(808/6). Mapped back: 70 + z·√(808/6), so 二号点 is
    70 + √(1.5 · 808/6) = 70 + √202 = 84.2127 and 三号点 70 − √202 = 55.7873.
    The plain mean would give 70, 76, 64: 评委A's wide scale would weigh more.
    """
    assert scores(SCALES, Method.ZSCORE) == {
        "二号点": Decimal("84.21"),
        "一号点": Decimal("70.00"),
        "三号点": Decimal("55.79"),
    }


def test_zscore_maps_a_judge_with_a_single_site_to_the_panel_mean():
    """Panel 90, 80, 70: mean 80, SD √(200/3) = 8.16497. 评委A (90, 80) has z = +1, −1;
    评委C scored one site, z = 0, so his 70 maps to 80. 一号点 = (88.16497 + 80) / 2 = 84.0825,
    二号点 = 80 − 8.16497 = 71.8350."""
    table = {"一号点": {"评委A": "90", "评委C": "70"}, "二号点": {"评委A": "80"}}
    assert scores(table, Method.ZSCORE) == {
        "一号点": Decimal("84.08"),
        "二号点": Decimal("71.84"),
    }


def test_zscore_trims_after_mapping_like_the_default():
    """Each judge's totals over the two sites are his mean ± 5, so every z is ±1 and every
    mapped value is the panel mean ± the panel SD: the trim then drops the first name at each
    end of the equal values. Trimming the raw totals would have dropped 评委E and 评委A."""
    means = {"评委A": 70, "评委B": 75, "评委C": 80, "评委D": 85, "评委E": 90}
    table = {
        "一号点": {judge: str(mean + 5) for judge, mean in means.items()},
        "二号点": {judge: str(mean - 5) for judge, mean in means.items()},
    }
    [first, second] = tour_results(cards(table), method=Method.ZSCORE).sites
    assert (first.site, first.dropped) == ("一号点", ("评委A", "评委B"))
    assert (second.site, second.dropped) == ("二号点", ("评委A", "评委B"))


COMPLETE = {
    "一号点": {"评委A": "80", "评委B": "80.5", "评委C": "81", "评委D": "81"},
    "二号点": {"评委A": "75", "评委B": "70", "评委C": "72.5", "评委D": "69"},
    "三号点": {"评委A": "88", "评委B": "91", "评委C": "86", "评委D": "90"},
}


def test_the_severity_model_on_a_complete_panel_is_the_plain_mean():
    mean = scores(COMPLETE, Method.MEAN)
    assert mean == {
        "三号点": Decimal("88.75"),
        "一号点": Decimal("80.63"),  # 80.625: the fit's float noise must not turn it to 80.62
        "二号点": Decimal("71.63"),  # 71.625
    }
    assert scores(COMPLETE, Method.SEVERITY) == mean


# Built from sites worth 80, 70, 90, 60 and judges' offsets +4, −1, −3 (summing to zero);
# 评委A did not score 一号点, 评委B not 二号点, 评委C not 三号点.
GAPS = {
    "一号点": {"评委B": "79", "评委C": "77"},
    "二号点": {"评委A": "74", "评委C": "67"},
    "三号点": {"评委A": "94", "评委B": "89"},
    "四号点": {"评委A": "64", "评委B": "59", "评委C": "57"},
}


def test_the_severity_model_recovers_known_offsets_from_a_panel_with_gaps():
    totals = {site: {judge: Decimal(t) for judge, t in row.items()} for site, row in GAPS.items()}
    sites, offsets = severity_fit(totals)
    assert sites == {"一号点": 80, "二号点": 70, "三号点": 90, "四号点": 60}
    assert offsets == {"评委A": 4, "评委B": -1, "评委C": -3}
    assert scores(GAPS, Method.SEVERITY) == {
        "三号点": Decimal("90.00"),
        "一号点": Decimal("80.00"),
        "二号点": Decimal("70.00"),
        "四号点": Decimal("60.00"),
    }
    # The plain mean blames 一号点 for lacking the lenient 评委A: (79 + 77) / 2 = 78.
    assert scores(GAPS, Method.MEAN)["一号点"] == Decimal("78.00")


def test_the_severity_model_falls_back_to_the_mean_when_judges_share_no_site():
    table = {"一号点": {"评委A": "80"}, "二号点": {"评委B": "70"}}
    results = tour_results(cards(table), method=Method.SEVERITY)
    assert [(site.site, site.score) for site in results.sites] == [
        ("一号点", Decimal("80.00")),
        ("二号点", Decimal("70.00")),
    ]
    assert results.notes == ["评委与观摩点之间交叉评分不足，宽严校正无法确定，已按算术平均计分"]
