"""A tour's results as one JSON object; decimals as strings ("87.67"), null where undefined.

The keys `sites`, `regions`, `kendall_w` and `judges` and their fields are fixed by the issue;
others may be added, never changed.
"""

import json
from decimal import Decimal

from guanmo.observation.bulletin import TourReport, course_sentence, podium_sentence
from guanmo.observation.results import TourResults


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:f}"


def _interval(interval: tuple[Decimal, Decimal] | None) -> list[str] | None:
    return None if interval is None else [f"{bound:f}" for bound in interval]


def results_as_dict(results: TourResults) -> dict:
    agreement = results.agreement
    return {
        "method": results.method.value,
        "sites": [
            {
                "site": site.site,
                "region": site.region,
                "judges": site.judges,
                "score": _decimal(site.score),
                "rank": site.rank,
                "tied": site.tied,
                "totals": {judge: _decimal(total) for judge, total in site.totals.items()},
                "dropped": list(site.dropped),
            }
            for site in results.sites
        ],
        "regions": [
            {
                "region": region.region,
                "sites": region.sites,
                "score": _decimal(region.score),
                "rank": region.rank,
                "tied": region.tied,
            }
            for region in results.regions
        ],
        "kendall_w": _decimal(agreement.kendall_w),
        "judges": [
            {
                "judge": review.judge,
                "spearman": _decimal(review.spearman),
                "mean_deviation": _decimal(review.mean_deviation),
                "flagged": review.flagged,
                "region": review.region,
                "sites": review.sites,
                "spread": _decimal(review.spread),
                "home_gap": _decimal(review.home_gap),
                "reasons": list(review.reasons),
            }
            for review in results.judges
        ],
        "agreement": {
            "kendall_w": _decimal(agreement.kendall_w),
            "icc_single": _decimal(agreement.icc_single),
            "icc_single_interval": _interval(agreement.icc_single_interval),
            "icc_average": _decimal(agreement.icc_average),
            "icc_average_interval": _interval(agreement.icc_average_interval),
            "krippendorff_alpha": _decimal(agreement.krippendorff_alpha),
            "block_judges": agreement.block_judges,
            "block_sites": agreement.block_sites,
        },
        "rank_shifts": [
            {
                "judge": shift.judge,
                "region": shift.region,
                "rank": shift.rank,
                "rank_without": shift.rank_without,
            }
            for shift in results.rank_shifts
        ],
        "notes": list(results.notes),
    }


def render_json(report: TourReport) -> str:
    podium = podium_sentence(report.results.regions)
    document = {
        "tour": report.facts.name,
        **results_as_dict(report.results),
        "drop_high": report.trim.drop_high,
        "drop_low": report.trim.drop_low,
        "recusal": report.recusal,
        "sentences": [course_sentence(report.facts), *([podium] if podium else [])],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
