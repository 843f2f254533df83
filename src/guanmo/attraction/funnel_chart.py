"""The funnel page's Sankey chart as plain data for ECharts (`static/guanmo/funnel_chart.js`),
from the same stage counts as the page's table (funnel.Funnel.count), so the two never differ."""

from collections.abc import Sequence
from itertools import pairwise


def funnel_flows(counts: Sequence[tuple[str, int]]) -> dict:
    """The stages in order with their counts → {"nodes": [{"name", "value"}], "links":
    [{"source", "target", "value"}]}: each stage flows into the next with the next's count and
    the rest stops there ("未签约", "未落地" …). Empty flows, and the stages nobody reached, are
    left out (their nodes would pile up unlabelled); the table beside the chart shows their 0."""
    nodes = [{"name": label, "value": count} for label, count in counts if count > 0]
    links = []
    for (label, count), (after, reached) in pairwise(counts):
        if reached > 0:
            links.append({"source": label, "target": after, "value": reached})
        if count > reached:
            stopped = f"未{after}"
            nodes.append({"name": stopped, "value": count - reached})
            links.append({"source": label, "target": stopped, "value": count - reached})
    return {"nodes": nodes, "links": links}
