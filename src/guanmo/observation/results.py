"""Fair results of an observation tour: per-site scores, county scores, ranks, and the checks
that explain them. Plain data in, plain data out; the web tour and `observation-results` both
call `tour_results`."""

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum

from guanmo.figures.arithmetic import ranks_and_ties, ranks_within_groups
from guanmo.observation.agreement import (
    EXHAUSTIVE_UP_TO,
    Agreement,
    JudgeReview,
    RankShift,
    block_is_largest,
    judge_reviews,
    panel_agreement,
)
from guanmo.observation.site_scores import (
    Totals,
    half_up,
    mean,
    severity_fit,
    standardised,
    trimmed_mean,
)


class Method(StrEnum):
    """How a site's score is made from its judges' totals."""

    TRIMMED = "trimmed"  # 去掉最高分和最低分后的平均分
    MEAN = "mean"
    MEDIAN = "median"
    ZSCORE = "zscore"  # each judge's totals standardised, mapped back to the panel's scale
    SEVERITY = "severity"  # site effect + judge offset, fitted on the scores present

    @property
    def label(self) -> str:
        return METHOD_LABELS[self]


METHOD_LABELS = {
    Method.TRIMMED: "去掉最高分和最低分后平均",
    Method.MEAN: "算术平均",
    Method.MEDIAN: "中位数",
    Method.ZSCORE: "评委标准化（Z分数）",
    Method.SEVERITY: "宽严校正（加性模型）",
}


@dataclass(frozen=True)
class ScoreCard:
    """One judge's scores for one site."""

    judge: str
    judge_region: str  # "" when the judge belongs to no county
    site: str
    site_region: str
    scores: Mapping[str, Decimal]  # criterion name → points
    remark: str = ""

    @property
    def total(self) -> Decimal:
        return sum(self.scores.values(), Decimal(0))

    @property
    def own_county(self) -> bool:
        return bool(self.judge_region) and self.judge_region == self.site_region


@dataclass(frozen=True)
class Trim:
    """How many totals to drop at each end; None means the default rule."""

    drop_high: int | None = None
    drop_low: int | None = None


TRIM_FROM_JUDGES = 5  # the default rule drops one at each end from five judges up


@dataclass(frozen=True)
class SiteResult:
    """One observation site's score and rank."""

    site: str
    region: str
    judges: int  # totals that counted (after recusal, before trimming)
    score: Decimal  # two decimals, half-up
    rank: int  # competition rank (1, 2, 2, 4)
    tied: bool  # shares its rank (并列)
    totals: Mapping[str, Decimal]  # judge → total, for every judge whose score counted
    dropped: tuple[str, ...] = ()  # judges whose totals the trim dropped


@dataclass(frozen=True)
class RegionResult:
    """One county's score and rank, made from its sites' scores."""

    region: str
    sites: int
    score: Decimal  # mean of its sites' shown scores, two decimals half-up
    rank: int
    tied: bool
    group: str = ""  # the city's ranking group it is ranked in as well (县（市）组…), if any
    group_rank: int | None = None
    group_tied: bool = False


@dataclass(frozen=True)
class TourResults:
    """Everything the results page, the bulletin and the export show of a tour."""

    method: Method
    sites: list[SiteResult]  # in rank order, ties by site name
    regions: list[RegionResult]  # in rank order, ties by county name
    agreement: Agreement
    judges: list[JudgeReview]  # by name
    rank_shifts: list[RankShift]  # leave-one-judge-out, by judge then county
    notes: list[str] = field(default_factory=list)  # Chinese, for the organiser
    group_order: tuple[str, ...] = ()  # the city's ranking groups, in order

    @property
    def groups(self) -> list[tuple[str, list[RegionResult]]]:
        """Each ranking group with its counties by their rank within it (empty without)."""
        return [
            (
                name,
                sorted(
                    (region for region in self.regions if region.group == name),
                    key=lambda region: (region.group_rank or 0, region.region),
                ),
            )
            for name in self.group_order
        ]


def tour_results(
    cards: Sequence[ScoreCard],
    *,
    method: Method | str = Method.TRIMMED,
    trim: Trim = Trim(),
    recusal: bool = True,
    groups: Mapping[str, str] | None = None,
    group_order: Sequence[str] = (),
) -> TourResults:
    """Site and county scores and ranks by `method`, with the panel checks that explain them;
    each county ranked within its ranking group too (`groups`: county → group name, the groups
    listed in `group_order`).

    With `recusal` (回避) a judge's cards for his own county's sites are left out of
    everything. Raises ValueError when a judge has two cards for one site.
    """
    method = Method(method)  # a stored "trimmed" works as well as Method.TRIMMED
    totals = counted_totals(cards, recusal=recusal)
    site_regions = {card.site: card.site_region for card in cards}
    judge_regions = {card.judge: card.judge_region for card in cards}
    notes = [
        f"观摩点「{site}」没有计入的评分，不参与排名"
        for site in sorted(set(site_regions) - set(totals))
    ]
    sites, scoring_notes = site_results(totals, site_regions, method, trim)
    regions = within_groups(region_results(sites), groups or {})
    agreement = panel_agreement(totals)
    judges = {judge for by_judge in totals.values() for judge in by_judge}
    if agreement.kendall_w is not None and agreement.block_judges < len(judges):
        notes.append(
            f"评分有空缺，协和系数W和组内相关系数ICC按{agreement.block_judges}位评委共同评分的"
            f"{agreement.block_sites}个观摩点计算"
        )
    if not block_is_largest(totals):
        notes.append(
            f"评委和观摩点都多于{EXHAUSTIVE_UP_TO}个，无空缺的评分块按逐个剔除评委的办法求得，"
            "未必是最大的"
        )
    return TourResults(
        method=method,
        sites=sites,
        regions=regions,
        agreement=agreement,
        judges=judge_reviews(totals, judge_regions, site_regions),
        rank_shifts=rank_shifts(totals, site_regions, regions, method, trim),
        notes=notes + scoring_notes,
        group_order=tuple(group_order),
    )


def within_groups(regions: Sequence[RegionResult], groups: Mapping[str, str]) -> list[RegionResult]:
    """The counties with their rank among the counties of their ranking group, by the same
    rule as the whole (`figures.arithmetic.ranks_within_groups`)."""
    names = [groups.get(region.region, "") for region in regions]
    places = ranks_within_groups([region.score for region in regions], names)
    return [
        replace(region, group=name, group_rank=rank, group_tied=tied)
        for region, name, (rank, tied) in zip(regions, names, places, strict=True)
    ]


def counted_totals(cards: Sequence[ScoreCard], *, recusal: bool) -> dict[str, dict[str, Decimal]]:
    """Site → judge → total of the cards that count."""
    totals: dict[str, dict[str, Decimal]] = {}
    for card in cards:
        if recusal and card.own_county:
            continue  # the sheet and the web refuse these already; this is the last guard
        by_judge = totals.setdefault(card.site, {})
        if card.judge in by_judge:
            raise ValueError(f"评委「{card.judge}」对观摩点「{card.site}」有两张评分表")
        by_judge[card.judge] = card.total
    return totals


def site_results(
    totals: Totals, site_regions: Mapping[str, str], method: Method, trim: Trim
) -> tuple[list[SiteResult], list[str]]:
    """Each site's shown score and rank, in rank order, with notes on what could not be done."""
    scores, dropped, notes = site_scores(totals, method, trim)
    shown = {site: half_up(score) for site, score in scores.items()}
    names = sorted(shown, key=lambda site: (-shown[site], site))
    places = _places([shown[site] for site in names])
    sites = [
        SiteResult(
            site=site,
            region=site_regions.get(site, ""),
            judges=len(totals[site]),
            score=shown[site],
            rank=rank,
            tied=tied,
            totals=dict(totals[site]),
            dropped=dropped.get(site, ()),
        )
        for site, (rank, tied) in zip(names, places, strict=True)
    ]
    return sites, notes


def region_results(sites: Sequence[SiteResult]) -> list[RegionResult]:
    """Each county's score, the mean of its sites' shown scores, in rank order."""
    by_region: dict[str, list[Decimal]] = {}
    for site in sites:
        if site.region:
            by_region.setdefault(site.region, []).append(site.score)
    scores = {region: half_up(mean(values)) for region, values in by_region.items()}
    names = sorted(scores, key=lambda region: (-scores[region], region))
    places = _places([scores[region] for region in names])
    return [
        RegionResult(region, len(by_region[region]), scores[region], rank, tied)
        for region, (rank, tied) in zip(names, places, strict=True)
    ]


def site_scores(
    totals: Totals, method: Method, trim: Trim
) -> tuple[dict[str, Decimal], dict[str, tuple[str, ...]], list[str]]:
    """Each site's unrounded score by `method`, the judges its trim dropped, and notes.

    `zscore` standardises first and then trims like `trimmed`: the organiser chose how to
    correct the judges' scales, not to give up dropping a rogue total.
    """
    if not totals:  # e.g. the only judge left out
        return {}, {}, []
    if method is Method.SEVERITY:
        fitted = severity_fit(totals)
        if fitted is not None:
            return fitted[0], {}, []
        note = "评委与观摩点之间交叉评分不足，宽严校正无法确定，已按算术平均计分"
        return (
            {site: mean(list(by_judge.values())) for site, by_judge in totals.items()},
            {},
            [note],
        )
    values = standardised(totals) if method is Method.ZSCORE else totals
    scores, dropped, notes = {}, {}, []
    for site in sorted(values):
        by_judge = values[site]
        if method is Method.MEAN:
            scores[site] = mean(list(by_judge.values()))
        elif method is Method.MEDIAN:
            scores[site] = statistics.median(by_judge.values())
        else:
            high, low = trim_counts(len(by_judge), trim)
            if len(by_judge) > high + low:
                scores[site], dropped[site] = trimmed_mean(by_judge, high, low)
            else:
                scores[site] = mean(list(by_judge.values()))
                notes.append(
                    f"观摩点「{site}」只有{len(by_judge)}位评委的有效评分，"
                    f"不够去掉{high}个最高分和{low}个最低分，按算术平均计分"
                )
    return scores, dropped, notes


def trim_counts(judges: int, trim: Trim) -> tuple[int, int]:
    """How many totals to drop at the top and at the bottom of `judges` totals: as `trim`
    says, and where it says None, one from five judges up and none below."""
    default = 1 if judges >= TRIM_FROM_JUDGES else 0
    return (
        default if trim.drop_high is None else trim.drop_high,
        default if trim.drop_low is None else trim.drop_low,
    )


def _places(scores: Sequence[Decimal]) -> list[tuple[int, bool]]:
    return ranks_and_ties(scores)  # type: ignore[return-value]  # no score is missing


def rank_shifts(
    totals: Totals,
    site_regions: Mapping[str, str],
    regions: Sequence[RegionResult],
    method: Method,
    trim: Trim,
) -> list[RankShift]:
    """The counties whose rank changes when one judge is left out, judge by judge; the
    scores are remade from the remaining totals by the same method and trim rule."""
    judges = sorted({judge for by_judge in totals.values() for judge in by_judge})
    shifts = []
    for judge in judges:
        rest = {
            site: without
            for site, by_judge in totals.items()
            if (without := {other: t for other, t in by_judge.items() if other != judge})
        }
        sites, _ = site_results(rest, site_regions, method, trim)
        rank_without = {region.region: region.rank for region in region_results(sites)}
        shifts += [
            RankShift(judge, region.region, region.rank, rank_without[region.region])
            for region in regions
            if rank_without.get(region.region, region.rank) != region.rank
        ]
    return shifts
