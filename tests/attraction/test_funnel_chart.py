"""The funnel page's Sankey chart on hand-worked counts: each stage flows into the next with
the next's count and the rest stops; an empty flow and a stage nobody reached are left out."""

from guanmo.attraction.funnel_chart import funnel_flows


def test_each_stage_flows_on_and_the_rest_stops():
    flows = funnel_flows([("洽谈", 10), ("签约", 6), ("落地", 6), ("开工", 2), ("投产", 0)])

    assert flows["links"] == [
        {"source": "洽谈", "target": "签约", "value": 6},
        {"source": "洽谈", "target": "未签约", "value": 4},
        {"source": "签约", "target": "落地", "value": 6},
        {"source": "落地", "target": "开工", "value": 2},
        {"source": "落地", "target": "未开工", "value": 4},
        {"source": "开工", "target": "未投产", "value": 2},
    ]
    assert {node["name"]: node["value"] for node in flows["nodes"]} == {
        "洽谈": 10, "签约": 6, "落地": 6, "开工": 2,
        "未签约": 4, "未开工": 4, "未投产": 2,
    }  # fmt: skip


def test_more_signed_than_in_talks_stops_nobody():
    flows = funnel_flows([("洽谈", 2), ("签约", 3)])

    assert flows["links"] == [{"source": "洽谈", "target": "签约", "value": 3}]
