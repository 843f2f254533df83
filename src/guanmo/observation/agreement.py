"""How far an observation tour's judges agree, and which judge stands out.

Everything here reads the counted totals, site → judge → total (after recusal), so the
organiser sees the same panel the scores were made from. Trimming removes one rogue total per
site; a lenient bloc survives it, and these checks are how such a bloc is seen.
"""

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

import krippendorff
import numpy as np
from scipy import stats

from guanmo.observation.site_scores import Totals, from_float, half_up, mean, population_sd

TEN_THOUSANDTHS = Decimal("0.0001")

# Flag thresholds, in points of a card's total (the usual sheet has 100) and shown figures.
LENIENCY_POINTS = Decimal(3)  # a judge must sit at least this far from the site means …
LENIENCY_ROBUST_SDS = 2  # … and this many robust SDs from the other judges' leaning
DISAGREEMENT_SPEARMAN = Decimal("0.3")  # below this, his order is not the panel's
SPREAD_RATIO = 2  # erratic: spread above twice the panel's median spread …
SPREAD_POINTS = Decimal(3)  # … and at least this many points
HOME_GAP_POINTS = Decimal(3)  # scores his own county this much higher than others
MAD_TO_SD = Decimal("1.4826")  # the MAD of a normal sample times this estimates its SD

LENIENT = "打分明显偏宽"
SEVERE = "打分明显偏严"
DISAGREES = "与其他评委排序不一致"
ERRATIC = "打分波动大"
FAVOURS_HOME = "对本县区观摩点打分偏高"


@dataclass(frozen=True)
class Agreement:
    """Panel consistency. W and the ICCs need a gap-free block of judges × sites
    (`block_judges` × `block_sites`, see `complete_block`); Krippendorff's alpha is always
    computed on every counted total, gaps and all."""

    kendall_w: Decimal | None
    icc_single: Decimal | None  # ICC(A,1)
    icc_single_interval: tuple[Decimal, Decimal] | None  # 95%
    icc_average: Decimal | None  # ICC(A,k)
    icc_average_interval: tuple[Decimal, Decimal] | None
    krippendorff_alpha: Decimal | None  # interval metric
    block_judges: int = 0
    block_sites: int = 0


@dataclass(frozen=True)
class JudgeReview:
    """One judge against the panel; deviations are his total minus the site's mean."""

    judge: str
    region: str
    sites: int
    spearman: Decimal | None
    mean_deviation: Decimal
    spread: Decimal | None
    home_gap: Decimal | None
    flagged: bool
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class RankShift:
    """A county whose rank would change if `judge` had not scored."""

    judge: str
    region: str
    rank: int
    rank_without: int


def _four(value: float) -> Decimal | None:
    decimal = from_float(value)
    return None if decimal is None else half_up(decimal, TEN_THOUSANDTHS)


EXHAUSTIVE_UP_TO = 16  # the block search tries every subset of the smaller side up to this


def complete_block(totals: Totals) -> tuple[list[str], list[str]]:
    """Judges and sites of the largest gap-free block: every judge in it scored every site in
    it, with the most cells (ties: more judges, then the judges' names in order).

    Exhaustive: every subset of the judges, or of the sites when they are fewer, is tried
    with the sites (judges) it has in common, so the block is the largest there is. A panel
    with more than `EXHAUSTIVE_UP_TO` judges and as many sites falls back to `greedy_block`,
    which may find a smaller one (`block_is_largest` says which). ([], []) when no block has
    2 × 2.
    """
    scored = _scored_by_judge(totals)
    judges, sites = sorted(scored), sorted(totals)
    if min(len(judges), len(sites)) > EXHAUSTIVE_UP_TO:
        return greedy_block(totals)
    if len(sites) < len(judges):  # enumerate the smaller side; the block is symmetric
        by_site = {site: set(totals[site]) for site in sites}
        found_sites, found_judges = _largest_block(by_site, judges, prefer_rows=False)
        return found_judges, found_sites
    return _largest_block(scored, sites, prefer_rows=True)


def block_is_largest(totals: Totals) -> bool:
    """Whether `complete_block` searched every subset (else it took the greedy block)."""
    return min(len(_scored_by_judge(totals)), len(totals)) <= EXHAUSTIVE_UP_TO


def _scored_by_judge(totals: Totals) -> dict[str, set[str]]:
    scored: dict[str, set[str]] = {}
    for site, by_judge in totals.items():
        for judge in by_judge:
            scored.setdefault(judge, set()).add(site)
    return scored


def _largest_block(
    rows: dict[str, set[str]], columns: list[str], *, prefer_rows: bool
) -> tuple[list[str], list[str]]:
    """The rows and columns of the largest all-filled block, trying every set of rows as
    bit masks: a set's common columns are those of the set less its last row, ANDed with
    that row's (2^rows masks, one AND each)."""
    names = sorted(rows)
    bit = {column: 1 << index for index, column in enumerate(columns)}
    masks = [sum(bit[column] for column in rows[name]) for name in names]
    everything = (1 << len(columns)) - 1
    common = [everything] * (1 << len(names))
    best_key, best = (0, 0), (0, 0)
    for subset in range(1, 1 << len(names)):
        last = subset.bit_length() - 1
        shared = common[subset & ~(1 << last)] & masks[last]
        common[subset] = shared
        count, width = subset.bit_count(), shared.bit_count()
        if count < 2 or width < 2:
            continue
        size = (count, width) if prefer_rows else (width, count)  # (judges, sites)
        key = (count * width, size[0])
        if key > best_key:  # the first found among equals: the lowest mask, names in order
            best_key, best = key, (subset, shared)
    subset, shared = best
    return (
        [name for index, name in enumerate(names) if subset >> index & 1],
        [column for column in columns if shared & bit[column]],
    )


def greedy_block(totals: Totals) -> tuple[list[str], list[str]]:
    """A large gap-free block found greedily, for panels too big to search exhaustively.

    Start with all judges and the sites they all scored; drop, one at a time, the judge whose
    leaving adds the most sites (ties: the one who scored fewer sites, then by name), and keep
    the block with the most cells (ties: more judges). About one panel in ten with recusal gaps
    gets a smaller block than the largest.
    """
    scored = _scored_by_judge(totals)
    remaining = sorted(scored)
    best: tuple[list[str], list[str]] = ([], [])

    def common(judges: list[str]) -> set[str]:
        return set.intersection(*(scored[judge] for judge in judges))

    while len(remaining) >= 2:
        sites = common(remaining)
        if len(sites) >= 2 and len(remaining) * len(sites) > len(best[0]) * len(best[1]):
            best = (list(remaining), sorted(sites))
        remaining.remove(
            min(
                remaining,
                key=lambda judge: (
                    -len(common([other for other in remaining if other != judge])),
                    len(scored[judge]),
                    judge,
                ),
            )
        )
    return best


def kendall_w(totals: np.ndarray) -> Decimal | None:
    """Kendall's W of judges (rows) over sites (columns), corrected for ties:
    W = 12·S / (m²(n³−n) − m·ΣT), T = Σ(t³−t) per judge. None below 2 × 2 or when every
    judge tied every site."""
    judges, sites = totals.shape
    if judges < 2 or sites < 2:
        return None
    ranks = np.apply_along_axis(stats.rankdata, 1, totals)  # mid-ranks for ties
    rank_sums = ranks.sum(axis=0)
    s = float(((rank_sums - rank_sums.mean()) ** 2).sum())
    ties = 0
    for row in totals:
        _, counts = np.unique(row, return_counts=True)
        ties += int((counts**3 - counts).sum())
    denominator = judges**2 * (sites**3 - sites) - judges * ties
    return _four(12 * s / denominator) if denominator > 0 else None


def icc_absolute(scores: np.ndarray) -> tuple[Decimal | None, ...]:
    """ICC(A,1), its 95% bounds, ICC(A,k), its 95% bounds: McGraw & Wong's two-way random
    effects, absolute agreement, for sites (rows) × judges (columns), with the F-based
    intervals (as pingouin's ICC2 and ICC2k). Nones below 2 × 2 or where undefined."""
    n, k = scores.shape
    if n < 2 or k < 2:
        return (None,) * 6
    grand = scores.mean()
    ss_sites = k * ((scores.mean(axis=1) - grand) ** 2).sum()
    ss_judges = n * ((scores.mean(axis=0) - grand) ** 2).sum()
    ss_error = ((scores - grand) ** 2).sum() - ss_sites - ss_judges
    msr, msc = ss_sites / (n - 1), ss_judges / (k - 1)
    mse = ss_error / ((n - 1) * (k - 1))
    with np.errstate(divide="ignore", invalid="ignore"):
        single = (msr - mse) / (msr + (k - 1) * mse + k * (msc - mse) / n)
        average = (msr - mse) / (msr + (msc - mse) / n)
        # Satterthwaite's degrees of freedom for the interval (McGraw & Wong 1996, case 2A).
        fj = msc / mse
        vn = (n - 1) * (k - 1) * (k * single * fj + n * (1 + (k - 1) * single) - k * single) ** 2
        vd = (n - 1) * k**2 * single**2 * fj**2 + (n * (1 + (k - 1) * single) - k * single) ** 2
        v = vn / vd
        f_upper = stats.f.ppf(0.975, n - 1, v)
        f_lower = stats.f.ppf(0.975, v, n - 1)
        low = n * (msr - f_upper * mse) / (f_upper * (k * msc + (k * n - k - n) * mse) + n * msr)
        high = n * (f_lower * msr - mse) / (k * msc + (k * n - k - n) * mse + n * f_lower * msr)
    return (
        _four(single),
        _four(low),
        _four(high),
        _four(average),
        _four(low * k / (1 + low * (k - 1))),
        _four(high * k / (1 + high * (k - 1))),
    )


def _interval(low: Decimal | None, high: Decimal | None) -> tuple[Decimal, Decimal] | None:
    return None if low is None or high is None else (low, high)


def krippendorff_alpha(totals: Totals) -> Decimal | None:
    """Krippendorff's alpha, interval metric, judges as rows and sites as columns, NaN for a
    gap. None without two different totals or a site that two judges scored."""
    judges = sorted({judge for by_judge in totals.values() for judge in by_judge})
    sites = sorted(totals)
    values = {total for by_judge in totals.values() for total in by_judge.values()}
    if len(values) < 2 or not any(len(by_judge) >= 2 for by_judge in totals.values()):
        return None
    reliability = np.array(
        [[float(totals[site].get(judge, math.nan)) for site in sites] for judge in judges]
    )
    return _four(krippendorff.alpha(reliability, level_of_measurement="interval"))


def panel_agreement(totals: Totals) -> Agreement:
    """W and the ICCs on `complete_block`, alpha on everything."""
    judges, sites = complete_block(totals)
    block = np.array(
        [[float(totals[site][judge]) for site in sites] for judge in judges], dtype=float
    ).reshape(len(judges), len(sites))
    single, single_low, single_high, average, average_low, average_high = icc_absolute(block.T)
    return Agreement(
        kendall_w=kendall_w(block),
        icc_single=single,
        icc_single_interval=_interval(single_low, single_high),
        icc_average=average,
        icc_average_interval=_interval(average_low, average_high),
        krippendorff_alpha=krippendorff_alpha(totals),
        block_judges=len(judges),
        block_sites=len(sites),
    )


def judge_reviews(
    totals: Totals, judge_regions: Mapping[str, str], site_regions: Mapping[str, str]
) -> list[JudgeReview]:
    """Every judge against the panel, by name, flagged with Chinese reasons where he stands
    out (the thresholds are the constants at the top of this module)."""
    site_means = {site: mean(list(by_judge.values())) for site, by_judge in totals.items()}
    judges = sorted({judge for by_judge in totals.values() for judge in by_judge})
    reviews = [_review(judge, totals, site_means, judge_regions, site_regions) for judge in judges]
    leanings = [review.mean_deviation for review in reviews]
    spreads = [review.spread for review in reviews if review.spread is not None]
    flagged = []
    for review in reviews:
        reasons = _reasons(review, leanings, spreads)
        flagged.append(replace(review, flagged=bool(reasons), reasons=reasons))
    return flagged


def _review(
    judge: str,
    totals: Totals,
    site_means: Mapping[str, Decimal],
    judge_regions: Mapping[str, str],
    site_regions: Mapping[str, str],
) -> JudgeReview:
    """His figures, not yet weighed against the panel."""
    sites = sorted(site for site, by_judge in totals.items() if judge in by_judge)
    deviations = [totals[site][judge] - site_means[site] for site in sites]
    home = judge_regions.get(judge, "")
    own, others = [], []
    for site, deviation in zip(sites, deviations, strict=True):
        (own if home and site_regions.get(site) == home else others).append(deviation)
    return JudgeReview(
        judge=judge,
        region=home,
        sites=len(sites),
        spearman=_spearman_with_the_others(judge, totals, sites),
        mean_deviation=half_up(mean(deviations)),
        spread=half_up(population_sd(deviations)) if len(sites) >= 2 else None,
        home_gap=half_up(mean(own) - mean(others)) if own and others else None,
        flagged=False,
        reasons=(),
    )


def _spearman_with_the_others(judge: str, totals: Totals, sites: list[str]) -> Decimal | None:
    """Spearman between his totals and the other judges' mean, on the sites both have;
    None below three such sites or when either side has no spread."""
    shared = [site for site in sites if len(totals[site]) >= 2]
    if len(shared) < 3:
        return None
    his = [float(totals[site][judge]) for site in shared]
    theirs = [
        float(mean([total for other, total in totals[site].items() if other != judge]))
        for site in shared
    ]
    if len(set(his)) < 2 or len(set(theirs)) < 2:
        return None
    return _four(stats.spearmanr(his, theirs).statistic)


def _reasons(
    review: JudgeReview, leanings: Sequence[Decimal], spreads: Sequence[Decimal]
) -> tuple[str, ...]:
    """Why a judge stands out. Leniency is measured against the median and MAD of the judges'
    leanings, not their mean and SD: a bloc of lenient judges inflates the SD and would hide."""
    reasons = []
    leaning = review.mean_deviation
    centre = statistics.median(leanings)
    robust_sd = MAD_TO_SD * statistics.median(abs(other - centre) for other in leanings)
    if abs(leaning) >= LENIENCY_POINTS and abs(leaning - centre) > LENIENCY_ROBUST_SDS * robust_sd:
        reasons.append(LENIENT if leaning > 0 else SEVERE)
    if review.spearman is not None and review.spearman < DISAGREEMENT_SPEARMAN:
        reasons.append(DISAGREES)
    spread = review.spread
    if (
        spread is not None
        and spread >= SPREAD_POINTS
        and spread > SPREAD_RATIO * statistics.median(spreads)
    ):
        reasons.append(ERRATIC)
    if review.home_gap is not None and review.home_gap >= HOME_GAP_POINTS:
        reasons.append(FAVOURS_HOME)
    return tuple(reasons)
