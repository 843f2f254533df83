"""Early warnings, worked by hand on a plan of 1,000万元. After June time progress is 50.0,
after August 66.7; the points behind are the exact gap rounded once
(figures.arithmetic.points_vs_time_progress)."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from guanmo.ledger.milestones import MilestoneDates
from guanmo.ledger.models import MilestoneKind
from guanmo.progress.warnings import (
    ProjectState,
    ProjectWarning,
    Thresholds,
    WarningKind,
    WarningLevel,
    project_warnings,
    worst_level,
)

ON_TRACK = ProjectState(
    stage="续建",
    completed=Decimal(500),
    annual_plan=Decimal(1000),
    monthly_completed={5: Decimal(100), 6: Decimal(100)},
    reported=True,
)


def warnings_for(
    state: ProjectState,
    *,
    year: int = 2025,
    month: int = 6,
    thresholds: Thresholds = Thresholds(),  # noqa: B008 - frozen, so one shared default is safe
    deadline_passed: bool = False,
) -> list[ProjectWarning]:
    return project_warnings(
        state, year=year, month=month, thresholds=thresholds, deadline_passed=deadline_passed
    )


def done(rate: str | int) -> dict[str, Decimal]:
    """The completed investment giving `rate` % of the 1,000万元 plan."""
    return {"completed": Decimal(rate) * 10}


def behind(level: WarningLevel, message: str) -> ProjectWarning:
    return ProjectWarning(WarningKind.BEHIND, level, message)


def test_a_project_on_time_progress_has_no_warnings():
    assert warnings_for(ON_TRACK) == []


@pytest.mark.parametrize(
    ("rate", "expected"),
    [
        ("40.0", []),  # exactly 10 points behind: not more than 10
        ("39.9", [behind(WarningLevel.YELLOW, "完成率39.9%，落后时间进度10.1个百分点")]),
        ("30.0", [behind(WarningLevel.YELLOW, "完成率30.0%，落后时间进度20.0个百分点")]),
        ("29.9", [behind(WarningLevel.RED, "完成率29.9%，落后时间进度20.1个百分点")]),
    ],
)
def test_behind_time_progress_warns_only_strictly_beyond_each_threshold(rate, expected):
    state = replace(ON_TRACK, **done(rate))
    assert warnings_for(state, month=6) == expected


def test_behind_message_names_the_rate_and_the_points_behind():
    # After August: 66.7 − 42.4 = 24.3 points behind, past the red threshold of 20.
    state = replace(ON_TRACK, **done("42.4"), monthly_completed={7: Decimal(1), 8: Decimal(1)})
    assert warnings_for(state, month=8) == [
        behind(WarningLevel.RED, "完成率42.4%，落后时间进度24.3个百分点")
    ]


def test_behind_message_shows_the_rate_to_one_decimal():
    state = replace(ON_TRACK, **done(35))
    assert warnings_for(state, month=6) == [
        behind(WarningLevel.YELLOW, "完成率35.0%，落后时间进度15.0个百分点")
    ]


def test_a_project_ahead_of_time_progress_is_not_warned():
    assert warnings_for(replace(ON_TRACK, **done("80.0")), month=6) == []


def test_a_project_without_an_annual_plan_is_never_behind():
    assert warnings_for(replace(ON_TRACK, annual_plan=None), month=6) == []


def test_the_city_may_set_its_own_thresholds():
    strict = Thresholds(yellow_points=Decimal(5), red_points=Decimal(15))
    yellow = replace(ON_TRACK, **done("44.9"))
    red = replace(ON_TRACK, **done("34.9"))
    assert warnings_for(yellow, thresholds=strict) == [
        behind(WarningLevel.YELLOW, "完成率44.9%，落后时间进度5.1个百分点")
    ]
    assert warnings_for(red, thresholds=strict) == [
        behind(WarningLevel.RED, "完成率34.9%，落后时间进度15.1个百分点")
    ]


PREPARATORY = replace(ON_TRACK, stage="前期", annual_plan=None, monthly_completed={})


def planned(kind: MilestoneKind, day: date, reached: date | None = None) -> tuple:
    return (MilestoneDates(kind, day, reached),)


def test_a_project_due_to_start_in_march_and_not_started_by_may_is_warned_in_those_words():
    state = replace(PREPARATORY, milestones=planned(MilestoneKind.STARTED, date(2025, 3, 10)))
    assert warnings_for(state, month=5) == [
        ProjectWarning(WarningKind.NOT_STARTED, WarningLevel.YELLOW, "计划3月开工，至5月仍未开工")
    ]


def test_a_milestone_due_on_the_months_last_day_is_missed_that_month():
    state = replace(PREPARATORY, milestones=planned(MilestoneKind.STARTED, date(2025, 3, 31)))
    assert [w.message for w in warnings_for(state, month=3)] == ["计划3月开工，至3月仍未开工"]


def test_a_milestone_due_the_day_after_the_month_is_not_warned():
    state = replace(PREPARATORY, milestones=planned(MilestoneKind.STARTED, date(2025, 4, 1)))
    assert warnings_for(state, month=3) == []


def test_the_last_day_of_february_follows_the_leap_year():
    state = replace(PREPARATORY, milestones=planned(MilestoneKind.STARTED, date(2024, 2, 29)))
    assert [w.kind for w in warnings_for(state, year=2024, month=2)] == [WarningKind.NOT_STARTED]


def test_a_milestone_reached_by_the_months_end_is_not_warned_even_if_late():
    state = replace(
        PREPARATORY,
        milestones=planned(MilestoneKind.STARTED, date(2025, 3, 1), reached=date(2025, 5, 31)),
    )
    assert warnings_for(state, month=5) == []
    assert [w.message for w in warnings_for(state, month=4)] == ["计划3月开工，至4月仍未开工"]


def test_a_plan_of_an_earlier_year_names_its_year():
    state = replace(PREPARATORY, milestones=planned(MilestoneKind.STARTED, date(2024, 11, 5)))
    assert [w.message for w in warnings_for(state, month=2)] == [
        "计划2024年11月开工，至2月仍未开工"
    ]


def test_other_milestones_are_warned_in_their_own_words():
    state = replace(
        ON_TRACK,
        milestones=(
            MilestoneDates(MilestoneKind.PERMIT, date(2025, 2, 1)),
            MilestoneDates(MilestoneKind.COMPLETED, date(2025, 6, 30)),
            MilestoneDates(MilestoneKind.PRODUCING, date(2025, 7, 1)),
        ),
    )
    assert warnings_for(state, month=6) == [
        ProjectWarning(
            WarningKind.MILESTONE, WarningLevel.YELLOW, "计划2月取得施工许可，至6月仍未取得施工许可"
        ),
        ProjectWarning(WarningKind.MILESTONE, WarningLevel.YELLOW, "计划6月竣工，至6月仍未竣工"),
    ]


def test_a_project_without_planned_milestones_is_not_warned():
    assert warnings_for(PREPARATORY, month=12) == []


@pytest.mark.parametrize("stage", ["续建", "竣工"])
def test_a_project_whose_stage_says_it_started_is_not_warned_to_start(stage):
    started = replace(
        ON_TRACK, stage=stage, milestones=planned(MilestoneKind.STARTED, date(2025, 1, 1))
    )
    assert warnings_for(started, month=6) == []


def test_a_new_start_not_yet_started_is_warned():
    state = replace(
        ON_TRACK, stage="新开工", milestones=planned(MilestoneKind.STARTED, date(2025, 3, 1))
    )
    assert [w.kind for w in warnings_for(state, month=6)] == [WarningKind.NOT_STARTED]


def idle(message: str) -> list[ProjectWarning]:
    return [ProjectWarning(WarningKind.IDLE, WarningLevel.YELLOW, message)]


@pytest.mark.parametrize("stage", ["新开工", "续建"])
def test_a_project_under_construction_with_no_investment_two_months_running_is_idle(stage):
    state = replace(ON_TRACK, stage=stage, monthly_completed={4: Decimal(80)})
    assert warnings_for(state, month=6) == idle("5月、6月连续两个月无投资")


def test_months_reported_as_zero_count_as_no_investment():
    state = replace(ON_TRACK, monthly_completed={5: Decimal(0), 6: Decimal("0.0000")})
    assert warnings_for(state, month=6) == idle("5月、6月连续两个月无投资")


def test_a_month_reported_without_a_figure_counts_as_no_investment():
    state = replace(ON_TRACK, monthly_completed={2: None, 3: Decimal(0)})
    assert warnings_for(state, month=3) == idle("2月、3月连续两个月无投资")


@pytest.mark.parametrize(
    "monthly", [{5: Decimal(0), 6: Decimal("0.01")}, {5: Decimal("0.01"), 6: Decimal(0)}]
)
def test_investment_in_either_of_the_two_months_is_not_idle(monthly):
    assert warnings_for(replace(ON_TRACK, monthly_completed=monthly), month=6) == []


def test_the_reporting_month_counts_as_idle_only_once_its_deadline_has_passed():
    waiting = replace(ON_TRACK, reported=False, monthly_completed={4: Decimal(80), 5: Decimal(0)})
    assert WarningKind.IDLE not in {w.kind for w in warnings_for(waiting, month=6)}
    late = warnings_for(waiting, month=6, deadline_passed=True)
    assert idle("5月、6月连续两个月无投资")[0] in late


def test_january_is_never_idle():
    assert warnings_for(replace(ON_TRACK, monthly_completed={}), month=1) == []


@pytest.mark.parametrize("stage", ["竣工", "前期", ""])
def test_only_a_project_under_construction_can_be_idle(stage):
    state = replace(ON_TRACK, stage=stage, monthly_completed={})
    assert warnings_for(state, month=6) == []


NOT_REPORTED = replace(ON_TRACK, reported=False, monthly_completed={5: Decimal(100)})


def test_a_project_not_reported_after_the_deadline_is_red():
    assert warnings_for(NOT_REPORTED, month=6, deadline_passed=True) == [
        ProjectWarning(WarningKind.UNREPORTED, WarningLevel.RED, "6月进度逾期未报送")
    ]


def test_a_project_not_reported_before_the_deadline_is_not_warned():
    assert warnings_for(NOT_REPORTED, month=6, deadline_passed=False) == []


def test_a_reported_project_is_not_warned_after_the_deadline():
    assert warnings_for(ON_TRACK, month=6, deadline_passed=True) == []


def test_red_warnings_come_before_yellow_ones():
    state = replace(NOT_REPORTED, **done("39.9"), monthly_completed={})
    assert warnings_for(state, month=6, deadline_passed=True) == [
        ProjectWarning(WarningKind.UNREPORTED, WarningLevel.RED, "6月进度逾期未报送"),
        behind(WarningLevel.YELLOW, "完成率39.9%，落后时间进度10.1个百分点"),
        *idle("5月、6月连续两个月无投资"),
    ]


def test_worst_level_is_none_without_warnings():
    assert worst_level([]) is None


def test_worst_level_is_yellow_when_every_warning_is_yellow():
    assert worst_level(idle("5月、6月连续两个月无投资") * 2) == WarningLevel.YELLOW


def test_worst_level_is_red_when_any_warning_is_red():
    red = ProjectWarning(WarningKind.UNREPORTED, WarningLevel.RED, "6月进度逾期未报送")
    yellow = idle("5月、6月连续两个月无投资")[0]
    assert worst_level([yellow, red]) == WarningLevel.RED
    assert worst_level(iter([red, yellow])) == WarningLevel.RED


def test_levels_and_kinds_carry_their_chinese_labels():
    assert [level.label for level in WarningLevel] == ["黄色预警", "红色预警"]
    assert [kind.label for kind in WarningKind] == [
        "落后时间进度",
        "逾期未开工",
        "节点逾期",
        "连续两个月无投资",
        "逾期未报送",
    ]


# Tryout 13: a lead started on 10 December 2025 became a ledger project then; its page showed
# 红色预警 11月进度逾期未报送. A project reports from the month it entered the ledger.
ENTERED_IN_DECEMBER = replace(
    ON_TRACK, annual_plan=None, monthly_completed={}, reported=False,
    reporting_from=date(2025, 12, 10),
)  # fmt: skip


def test_a_project_is_not_due_to_report_for_a_month_before_it_entered_the_ledger():
    assert warnings_for(ENTERED_IN_DECEMBER, year=2025, month=11, deadline_passed=True) == []
    assert warnings_for(ENTERED_IN_DECEMBER, year=2025, month=12, deadline_passed=True) == [
        ProjectWarning(WarningKind.UNREPORTED, WarningLevel.RED, "12月进度逾期未报送")
    ]
    assert warnings_for(ENTERED_IN_DECEMBER, year=2026, month=1, deadline_passed=True) == [
        ProjectWarning(WarningKind.UNREPORTED, WarningLevel.RED, "1月进度逾期未报送")
    ]


def test_the_month_before_a_project_entered_the_ledger_is_not_a_month_without_investment():
    # 续建, in the ledger from 10 May, nothing in April (not its to report) nor in May: no
    # 4月、5月连续两个月无投资; nothing in June either: 5月、6月 are both its own.
    state = replace(
        ENTERED_IN_DECEMBER, stage="续建", reported=True, monthly_completed={5: Decimal(0)},
        reporting_from=date(2025, 5, 10),
    )  # fmt: skip
    assert warnings_for(state, year=2025, month=5, deadline_passed=True) == []
    june = replace(state, monthly_completed={5: Decimal(0), 6: Decimal(0)})
    assert [w.kind for w in warnings_for(june, year=2025, month=6, deadline_passed=True)] == [
        WarningKind.IDLE
    ]
