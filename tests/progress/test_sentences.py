from decimal import Decimal

import pytest

from guanmo.progress.report import Period, UnitTotals, UnreportedProject, build_progress_report


def _units(*rates: tuple[str, str, str]) -> list[UnitTotals]:
    """Units from (name, plan, completed) with ten projects each."""
    return [UnitTotals(name, 10, Decimal(plan), Decimal(done)) for name, plan, done in rates]


def test_headline_follows_the_bulletin_pattern_exactly():
    units = [
        UnitTotals("武陟县", 300, Decimal("3000000"), Decimal("1400000")),
        UnitTotals("温县", 192, Decimal("3161111"), Decimal("928750")),
    ]
    report = build_progress_report(Period(2025, 4), units, level="市")

    assert report.total.completion_rate == Decimal("37.8")
    assert report.headline == (
        "1—4月，492个市重点项目完成投资232.9亿元，占年度计划的37.8%，超时间进度4.5个百分点。"
    )


@pytest.mark.parametrize(
    ("completed", "ending"),
    [
        ("4000", "超时间进度6.7个百分点。"),
        ("2000", "低于时间进度13.3个百分点。"),
        ("3330", "与时间进度持平。"),
    ],
)
def test_headline_says_ahead_behind_or_level_with_time_progress(completed, ending):
    report = build_progress_report(Period(2025, 4), _units(("温县", "10000", completed)))
    assert report.headline.endswith(ending)


def test_january_headline_and_a_report_without_level_say_key_projects():
    report = build_progress_report(Period(2025, 1), _units(("温县", "10000", "1000")))
    assert report.headline.startswith("1月，10个重点项目完成投资0.1亿元，占年度计划的10.0%，")


def test_ties_share_a_rank_and_are_marked_binglie():
    report = build_progress_report(
        Period(2025, 6),
        _units(
            ("甲县", "100", "60"),
            ("乙县", "100", "55"),
            ("丙县", "100", "55"),
            ("丁县", "100", "40"),
        ),
    )
    assert [(f.region, f.rank, f.tied) for f in report.regions] == [
        ("甲县", 1, False),
        ("乙县", 2, True),
        ("丙县", 2, True),
        ("丁县", 4, False),
    ]
    assert "乙县（55.0%，并列第2位）、丙县（55.0%，并列第2位）" in report.sentences[1]


def test_a_unit_without_plan_has_no_rate_no_rank_and_is_named():
    report = build_progress_report(
        Period(2025, 6), _units(("甲县", "100", "60"), ("示范区", "0", "5"))
    )
    unplanned = report.regions[-1]
    assert (unplanned.region, unplanned.completion_rate, unplanned.rank) == ("示范区", None, None)
    assert "示范区未下达年度计划投资，不参与排名。" in report.sentences


def test_sentences_name_units_ahead_and_behind_and_the_first_and_last_three():
    units = _units(
        ("一县", "100", "90"),
        ("二县", "100", "80"),
        ("三县", "100", "70"),
        ("四县", "100", "60"),
        ("五县", "100", "50"),
        ("六县", "100", "40"),
        ("七县", "100", "30"),
    )
    report = build_progress_report(Period(2025, 6), units, level="市")
    assert report.sentences[0] == (
        "从各县区看，超时间进度的有4个：一县、二县、三县、四县；"
        "与时间进度持平的有1个：五县；低于时间进度的有2个：六县、七县。"
    )
    assert report.sentences[1] == (
        "完成率居前三位的是：一县（90.0%）、二县（80.0%）、三县（70.0%）；"
        "居后三位的是：五县（50.0%）、六县（40.0%）、七县（30.0%）。"
    )


def test_projects_not_reporting_are_named():
    report = build_progress_report(
        Period(2025, 4),
        _units(("温县", "100", "50")),
        unreported=[UnreportedProject("温县", "温县污水处理厂项目")],
    )
    assert report.sentences[-1] == "4月未报送进度的项目有1个：温县污水处理厂项目。"


def test_a_zone_named_by_its_tail_is_not_named_twice():
    report = build_progress_report(
        Period(2025, 4),
        _units(("城乡一体化示范区", "100", "50")),
        unreported=[
            UnreportedProject("城乡一体化示范区", "示范区智慧物流园项目"),
            UnreportedProject("城乡一体化示范区", "冷链仓储中心项目"),
        ],
    )
    assert report.sentences[-1] == (
        "4月未报送进度的项目有2个：示范区智慧物流园项目、城乡一体化示范区冷链仓储中心项目。"
    )


def test_a_city_level_project_named_after_the_city_is_not_prefixed_with_its_unit():
    report = build_progress_report(
        Period(2025, 4),
        _units(("温县", "100", "50")),
        unreported=[
            UnreportedProject("焦作市", "焦作市城市快速路", is_city=True),
            UnreportedProject("焦作市", "南水北调配套工程", is_city=True),
        ],
    )
    assert report.sentences[-1] == (
        "4月未报送进度的项目有2个：焦作市城市快速路、市本级南水北调配套工程。"
    )
