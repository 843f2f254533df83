"""The results page: the ranking with classes, each unit's rank interval drawn as a bar, its
points by indicator, the bulletin's sentences and the result's history. Thin: the figures are
the issued JSON, the history `objections.history`."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from guanmo.assessment.objections import history
from guanmo.assessment.selectors import results_for


def _bar(unit: dict, ranked: int) -> dict | None:
    """A rank interval as an SVG bar over places 1…ranked: where it starts, how wide, where
    the median stands."""
    if unit["rank_interval"] is None or ranked == 0:
        return None
    low, high = unit["rank_interval"]
    return {
        "x": low - 1,
        "width": high - low + 1,
        "median": float(unit["median_rank"]) - 0.5,
        "places": ranked,
        "text": f"第{low}至{high}位" if low != high else f"第{low}位",
    }


def result_page(request: HttpRequest, pk: int) -> HttpResponse:
    result = get_object_or_404(results_for(request.scope), pk=pk)
    output = result.output
    ranked = sum(1 for unit in output["units"] if unit["rank_interval"] is not None)
    indicators = list(output["weights"])
    units = [
        {
            **unit,
            "bar": _bar(unit, ranked),
            "points": [unit["contributions"].get(name, "—") for name in indicators],
        }
        for unit in output["units"]
    ]
    return render(
        request,
        "assessment/result.html",
        {
            "result": result,
            "units": units,
            "indicators": indicators,
            "sentences": output["sentences"],
            "history": [step.text for step in history(result)],
        },
    )
