"""The sentences of the results bulletin: how the tour ran, the podium, counties, remarks."""

from decimal import Decimal

from guanmo.observation.bulletin import (
    TourFacts,
    TourReport,
    county_sites_sentence,
    course_sentence,
    podium_sentence,
    remarks_by_site,
    scoring_sentence,
)
from guanmo.observation.results import (
    Method,
    RegionResult,
    ScoreCard,
    SiteResult,
    Trim,
    tour_results,
)


def _regions(*scored: tuple[str, str, int, bool]) -> list[RegionResult]:
    return [RegionResult(name, 2, Decimal(score), rank, tied) for name, score, rank, tied in scored]


def test_podium_names_the_first_three_and_the_last_place():
    regions = _regions(
        ("武陟县", "92.35", 1, False),
        ("温县", "90.10", 2, False),
        ("示范区", "88.00", 3, False),
        ("孟州市", "85.50", 4, False),
        ("解放区", "80.50", 5, False),
    )
    assert podium_sentence(regions) == (
        "综合得分第一名为武陟县（92.35分），第二名为温县（90.10分），第三名为示范区（88.00分）；"
        "排名末位的是解放区（80.50分）。"
    )


def test_podium_with_ties_says_binglie_and_skips_the_empty_place():
    regions = _regions(
        ("武陟县", "92.35", 1, True),
        ("温县", "92.35", 1, True),
        ("示范区", "88.00", 3, False),
        ("孟州市", "80.50", 4, True),
        ("解放区", "80.50", 4, True),
    )
    assert podium_sentence(regions) == (
        "综合得分并列第一名的是武陟县、温县（均为92.35分），第三名为示范区（88.00分）；"
        "并列排名末位的是孟州市、解放区（均为80.50分）。"
    )


def test_podium_tied_at_third_with_four_counties_names_no_separate_last_place():
    regions = _regions(
        ("武陟县", "92.35", 1, False),
        ("温县", "90.10", 2, False),
        ("示范区", "88.00", 3, True),
        ("孟州市", "88.00", 3, True),
    )
    assert podium_sentence(regions) == (
        "综合得分第一名为武陟县（92.35分），第二名为温县（90.10分），"
        "并列第三名的是示范区、孟州市（均为88.00分）。"
    )


def test_podium_with_four_counties_names_the_fourth_as_last():
    regions = _regions(
        ("武陟县", "92.35", 1, False),
        ("温县", "90.10", 2, False),
        ("示范区", "88.00", 3, False),
        ("孟州市", "85.00", 4, False),
    )
    assert podium_sentence(regions).endswith("；排名末位的是孟州市（85.00分）。")


def test_podium_with_fewer_than_four_counties_has_no_last_place():
    two = _regions(("武陟县", "92.35", 1, False), ("温县", "90.10", 2, False))
    assert podium_sentence(two) == "综合得分第一名为武陟县（92.35分），第二名为温县（90.10分）。"
    one = _regions(("武陟县", "92.35", 1, False))
    assert podium_sentence(one) == "综合得分第一名为武陟县（92.35分）。"
    assert podium_sentence([]) is None


def test_course_sentence_with_and_without_dates():
    facts = TourFacts("2025年第二次重点项目观摩", "6月18日至19日", sites=12, judges=7, counties=5)
    assert course_sentence(facts) == (
        "本次观摩于6月18日至19日举行，共观摩5个县区的12个项目，7位评委现场打分。"
    )
    paper = TourFacts("2025年第二次重点项目观摩", None, sites=12, judges=7, counties=5)
    assert course_sentence(paper) == "本次观摩活动共观摩5个县区的12个项目，7位评委现场打分。"


def test_facts_from_cards_count_sites_judges_and_counties():
    cards = [
        ScoreCard("张三", "", "甲项目", "武陟县", {}),
        ScoreCard("李四", "", "甲项目", "武陟县", {}),
        ScoreCard("张三", "", "乙项目", "温县", {}),
    ]
    facts = TourFacts.from_cards("", cards, city="焦作市")
    assert (facts.name, facts.sites, facts.judges, facts.counties) == ("重点项目观摩", 2, 2, 2)
    assert facts.issuer == "焦作市重点项目建设办公室"


def _report(method: Method, trim: Trim | None = None, *, judges: int = 5) -> TourReport:
    trim = trim or Trim()
    cards = [
        ScoreCard(f"评委{j}", "", site, "温县", {"比规模": Decimal(20 + j)})
        for j in range(judges)
        for site in ("甲项目", "乙项目")
    ]
    results = tour_results(cards, method=method, trim=trim)
    return TourReport(TourFacts.from_cards("观摩", cards), (), cards, results, trim)


def test_scoring_sentence_says_what_was_dropped():
    assert scoring_sentence(_report(Method.TRIMMED)) == (
        "各观摩点得分为评委打分去掉一个最高分和一个最低分后的平均分，"
        "县区得分为所属观摩点得分的平均分，均保留两位小数；评委对本县区观摩点实行回避。"
    )
    two_high = scoring_sentence(_report(Method.TRIMMED, Trim(drop_high=2, drop_low=0)))
    assert two_high.startswith("各观摩点得分为评委打分去掉两个最高分后的平均分，")
    assert scoring_sentence(_report(Method.TRIMMED, judges=4)).startswith(
        "各观摩点得分为评委打分算术平均分，"
    )
    assert scoring_sentence(_report(Method.MEDIAN)).startswith("各观摩点得分为评委打分中位数，")


def test_county_sites_sentence_lists_its_sites_with_places():
    sites = [
        SiteResult("武陟县产业园", "武陟县", 5, Decimal("87.67"), 1, False, {}),
        SiteResult("温县物流园", "温县", 5, Decimal("86.00"), 2, True, {}),
        SiteResult("武陟县医院", "武陟县", 5, Decimal("86.00"), 2, True, {}),
    ]
    region = RegionResult("武陟县", 2, Decimal("86.84"), 1, False)
    assert county_sites_sentence(region, sites) == (
        "武陟县综合得分86.84分，居第1位。"
        "观摩点得分：武陟县产业园87.67分（第1位）、武陟县医院86.00分（并列第2位）。"
    )


def test_remarks_are_gathered_by_site_in_the_order_given_once_each():
    cards = [
        ScoreCard("张三", "", "甲项目", "武陟县", {}, "进度快"),
        ScoreCard("李四", "", "甲项目", "武陟县", {}, "进度快"),
        ScoreCard("王五", "", "甲项目", "武陟县", {}, "质量好"),
        ScoreCard("张三", "", "乙项目", "温县", {}, "手续待完善"),
        ScoreCard("张三", "", "丙项目", "温县", {}, ""),
    ]
    gathered = remarks_by_site(cards, ["乙项目", "丙项目", "甲项目"])
    assert [(site.site, site.region, [r.text for r in site.remarks]) for site in gathered] == [
        ("乙项目", "温县", ["手续待完善"]),
        ("甲项目", "武陟县", ["进度快", "质量好"]),
    ]
    assert gathered[1].remarks[1].judge == "王五"
