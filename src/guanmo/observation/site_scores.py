"""The ways a site's score is made from its judges' totals: trimmed mean, z-score
standardisation and the severity model. `results.site_scores` chooses among them."""

import math
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal

import numpy as np

Totals = Mapping[str, Mapping[str, Decimal]]  # site → judge → total, the cards that count

HUNDREDTHS = Decimal("0.01")
FLOAT_PLACES = Decimal("1e-9")


def half_up(value: Decimal, places: Decimal = HUNDREDTHS) -> Decimal:
    """`value` rounded half-up to `places` (two decimals unless told)."""
    return value.quantize(places, rounding=ROUND_HALF_UP)


def from_float(value: float) -> Decimal | None:
    """A float result as a Decimal cut to nine places, so binary noise (85.12499999999999)
    cannot move a half at the second decimal; None for NaN or infinity."""
    if not math.isfinite(value):  # numpy floats included
        return None
    return half_up(Decimal(repr(float(value))), FLOAT_PLACES)


def mean(values: Sequence[Decimal]) -> Decimal:
    """The arithmetic mean, exact on Decimals."""
    return sum(values, Decimal(0)) / len(values)


def population_sd(values: Sequence[Decimal]) -> Decimal:
    """The standard deviation of `values` as a whole population (divided by n)."""
    centre = mean(values)
    return (sum(((value - centre) ** 2 for value in values), Decimal(0)) / len(values)).sqrt()


def trimmed_mean(
    totals: Mapping[str, Decimal], drop_high: int, drop_low: int
) -> tuple[Decimal, tuple[str, ...]]:
    """The mean after dropping `drop_high` highest and `drop_low` lowest totals, and the judges
    dropped (highest first). Equal totals at an end are dropped one value at a time, the judge
    whose name sorts first going first; the equal total of the next judge stays. Needs more
    totals than it drops."""
    if len(totals) <= drop_high + drop_low:
        raise ValueError(f"{len(totals)}个分数不够去掉{drop_high}个最高分和{drop_low}个最低分")
    from_the_top = sorted(totals, key=lambda judge: (-totals[judge], judge))
    high = from_the_top[:drop_high]
    from_the_bottom = sorted(from_the_top[drop_high:], key=lambda judge: (totals[judge], judge))
    low, kept = from_the_bottom[:drop_low], from_the_bottom[drop_low:]
    return mean([totals[judge] for judge in kept]), tuple(high + low)


def standardised(totals: Totals) -> dict[str, dict[str, Decimal]]:
    """Each total as its judge's z-score mapped back to the panel's scale.

    z is taken over the sites the judge scored (0 when he scored one site or gave one total
    everywhere); the panel's mean and spread are of all counted totals. Both spreads are
    population standard deviations (divided by n): a judge's sites, like the panel's totals,
    are the whole of what is being described, not a sample of it.
    """
    by_judge: dict[str, dict[str, Decimal]] = {}
    for site, judged in totals.items():
        for judge, total in judged.items():
            by_judge.setdefault(judge, {})[site] = total
    everything = [total for judged in totals.values() for total in judged.values()]
    panel_mean, panel_spread = mean(everything), population_sd(everything)
    mapped: dict[str, dict[str, Decimal]] = {site: {} for site in totals}
    for judge, his in by_judge.items():
        his_mean, his_spread = mean(list(his.values())), population_sd(list(his.values()))
        for site, total in his.items():
            z = (total - his_mean) / his_spread if his_spread else Decimal(0)
            mapped[site][judge] = panel_mean + z * panel_spread
    return mapped


def severity_fit(totals: Totals) -> tuple[dict[str, Decimal], dict[str, Decimal]] | None:
    """Least-squares fit of total = site score + judge offset, the offsets summing to zero,
    on the totals present: (site → score, judge → offset). On a panel without gaps the site
    score is the plain mean. None when the judges and sites do not all hang together (some
    group scored only sites nobody else scored), so the offsets cannot be told apart."""
    sites = sorted(totals)
    judges = sorted({judge for judged in totals.values() for judge in judged})
    # Unknowns: one score per site, then the offsets of all judges but the last, whose offset
    # is minus the sum of the others (the sum-to-zero constraint, substituted).
    unknowns = len(sites) + len(judges) - 1
    rows, observed = [], []
    for i, site in enumerate(sites):
        for judge, total in totals[site].items():
            row = np.zeros(unknowns)
            row[i] = 1
            j = judges.index(judge)
            if j < len(judges) - 1:
                row[len(sites) + j] = 1
            else:
                row[len(sites) :] = -1
            rows.append(row)
            observed.append(float(total))
    solution, _, rank, _ = np.linalg.lstsq(np.array(rows), np.array(observed), rcond=None)
    if rank < unknowns:
        return None
    offsets = list(solution[len(sites) :])
    offsets.append(-sum(offsets))
    return (
        {site: from_float(solution[i]) for i, site in enumerate(sites)},
        {judge: from_float(offsets[j]) for j, judge in enumerate(judges)},
    )
