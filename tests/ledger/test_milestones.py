"""A project's milestones, worked by hand: when one is missed, the sentence that says so, the
faults of dates given, the bulletin's 开工率, 竣工率 and 入统 counts, and the life line."""

from datetime import date

import pytest

from guanmo.ledger.milestones import (
    MilestoneCounts,
    MilestoneDates,
    date_faults,
    is_missed,
    life_line,
    milestone_counts,
    missed_sentence,
    not_started_by,
)
from guanmo.ledger.models import MilestoneKind as K


def test_the_sentence_follows_the_issues_pattern():
    assert missed_sentence(K.STARTED, date(2025, 3, 15), 2025, 5) == "计划3月开工，至5月仍未开工"
    assert missed_sentence(K.ENROLLED, date(2025, 2, 1), 2025, 4) == "计划2月入统，至4月仍未入统"
    assert (
        missed_sentence(K.PERMIT, date(2024, 12, 1), 2025, 1)
        == "计划2024年12月取得施工许可，至1月仍未取得施工许可"
    )


@pytest.mark.parametrize(
    ("planned", "reached", "month", "missed"),
    [
        (date(2025, 3, 31), None, 3, True),  # due on the month's last day
        (date(2025, 4, 1), None, 3, False),  # due the day after
        (date(2025, 3, 1), date(2025, 3, 31), 3, False),  # reached by the month's end
        (date(2025, 3, 1), date(2025, 4, 1), 3, True),  # reached only after it
        (None, None, 12, False),  # no plan, nothing to miss
    ],
)
def test_a_milestone_is_missed_when_due_by_the_months_end_and_not_reached_by_then(
    planned, reached, month, missed
):
    assert is_missed(MilestoneDates(K.STARTED, planned, reached), 2025, month) is missed


@pytest.mark.parametrize(
    ("stage", "reached", "late"),
    [
        ("前期", None, True),
        ("新开工", None, True),  # a new start with no 实际开工 is late whatever it reported
        ("", None, True),
        ("新开工", date(2025, 5, 20), False),
        ("新开工", date(2025, 7, 1), True),  # reached only after the month asked about
        ("续建", None, False),  # building: its stage says it started
        ("竣工", None, False),
    ],
)
def test_a_project_is_not_started_by_one_rule_whatever_its_stage_but_a_building_one(
    stage, reached, late
):
    start = MilestoneDates(K.STARTED, date(2025, 3, 15), reached)
    assert not_started_by(stage, start, 2025, 6) is late
    assert not not_started_by(stage, MilestoneDates(K.STARTED, date(2025, 7, 1)), 2025, 6)
    assert not not_started_by(stage, None, 2025, 6)


def test_an_actual_date_after_today_is_refused():
    faults = date_faults(
        {K.STARTED: MilestoneDates(K.STARTED, None, date(2025, 6, 2))}, date(2025, 6, 1)
    )
    assert faults == [(K.STARTED, "实际日期2025年6月2日晚于今天，实际日期不能是将来")]


def test_completion_before_the_start_is_refused_and_the_approvals_may_come_in_any_order():
    given = {
        K.STARTED: MilestoneDates(K.STARTED, None, date(2025, 5, 1)),
        K.COMPLETED: MilestoneDates(K.COMPLETED, None, date(2025, 4, 30)),
        K.APPROVAL: MilestoneDates(K.APPROVAL, None, date(2025, 3, 1)),
        K.LAND: MilestoneDates(K.LAND, None, date(2025, 1, 1)),
    }
    assert date_faults(given, date(2025, 6, 1)) == [
        (K.COMPLETED, "实际日期2025年4月30日早于开工日期2025年5月1日")
    ]


def _project(**dates: tuple) -> dict:
    return {K[name]: MilestoneDates(K[name], *pair) for name, pair in dates.items()}


def test_the_bulletins_counts_worked_by_hand():
    """Five projects after May 2025:
    A planned to start 2025-03, started 2025-02-20 (early): counted started;
    B planned 2025-04, started 2025-06-03: not yet by May 31;
    C planned 2025-09: planned in the year, not started;
    D planned 2024-11, started 2025-01-10: planned in another year, not counted;
    E planned to be completed 2025-05, completed 2025-05-31; enrolled 2025-05-02;
    A enrolled 2025-03-15; B enrolled 2025-06-10 (after May).
    开工: 3 planned (A, B, C), 1 started → 33.3%; 竣工: 1 planned, 1 completed → 100.0%;
    入统 in 1—5月: A and E = 2, in May: E = 1."""
    projects = [
        _project(STARTED=(date(2025, 3, 1), date(2025, 2, 20)), ENROLLED=(None, date(2025, 3, 15))),
        _project(STARTED=(date(2025, 4, 1), date(2025, 6, 3)), ENROLLED=(None, date(2025, 6, 10))),
        _project(STARTED=(date(2025, 9, 1), None)),
        _project(STARTED=(date(2024, 11, 1), date(2025, 1, 10))),
        _project(
            COMPLETED=(date(2025, 5, 1), date(2025, 5, 31)), ENROLLED=(None, date(2025, 5, 2))
        ),
    ]
    counts = milestone_counts(projects, 2025, 5)
    assert counts == MilestoneCounts(
        to_start=3, started=1, to_complete=1, completed=1, enrolled=2, enrolled_in_month=1
    )
    assert str(counts.start_rate) == "33.3"
    assert str(counts.completion_rate) == "100.0"


def test_a_rate_on_no_planned_projects_is_undefined_not_zero():
    counts = milestone_counts([_project(STARTED=(None, date(2025, 1, 5)))], 2025, 3)
    assert counts.to_start == 0
    assert counts.start_rate is None
    assert counts.completion_rate is None


def test_the_life_line_says_where_each_milestone_stands():
    steps = life_line(
        _project(
            APPROVAL=(date(2025, 1, 10), date(2025, 1, 8)),
            LAND=(date(2025, 2, 1), date(2025, 3, 1)),
            STARTED=(date(2025, 5, 1), None),
            COMPLETED=(date(2026, 6, 30), None),
        ),
        date(2025, 6, 1),
    )
    assert [(step.kind.label, step.state) for step in steps] == [
        ("立项", "已完成"),
        ("用地", "已完成（晚于计划）"),
        ("规划", "未安排"),
        ("环评", "未安排"),
        ("施工许可", "未安排"),
        ("开工", "逾期未完成"),
        ("入统", "未安排"),
        ("主体完工", "未安排"),
        ("竣工", "未到期"),
        ("投产", "未安排"),
    ]


def test_investment_reported_before_the_start_is_noted_never_silently():
    from guanmo.ledger.milestones import work_before_start_note

    may = date(2025, 5, 1)
    assert work_before_start_note(None, may) == (
        "自2025年5月起已报送完成投资，但开工节点尚无实际日期，请填写实际开工日期。"
    )
    assert work_before_start_note(MilestoneDates(K.STARTED, planned=date(2025, 3, 1)), may)
    late = MilestoneDates(K.STARTED, reached=date(2025, 6, 1))
    assert work_before_start_note(late, may) == (
        "自2025年5月起已报送完成投资，早于实际开工日期2025年6月1日，请核实开工日期或完成投资。"
    )
    assert work_before_start_note(MilestoneDates(K.STARTED, reached=date(2025, 5, 31)), may) == ""
    assert work_before_start_note(None, None) == ""
