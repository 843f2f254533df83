"""The bulletin's figures and sentences on problems, against numbers worked by hand.

Seven problems raised in April 2025, counted as of 30 April:
 1 自然资源 武陟县 raised 4/1  due 4/10 solved 4/8  confirmed: on time, 7 days
 2 自然资源 武陟县 raised 4/2  due 4/12 solved 4/20 confirmed: late, 18 days
 3 自然资源 温县   raised 4/5  due 4/15 unsolved: overdue
 4 生态环境 温县   raised 4/10 due 4/20 solved 4/18, not confirmed: awaiting confirmation
 5 生态环境 武陟县 raised 4/12 due 5/12 unsolved: not yet due
 6 生态环境 温县   raised 4/3  due 4/13 solved 4/13 confirmed: on time (the last day), 10 days
 7 自然资源 武陟县 raised 4/20 due 4/25 solved 5/3 confirmed: unsolved on 4/30, so overdue
Raised 7, solved 3 (1, 2, 6), on time 2 (1, 6), awaiting 1, overdue 2 (3, 7);
on-time rate 2 ÷ (3 + 2) = 40.0%; mean days (7 + 18 + 10) ÷ 3 = 11.67 → 11.7.
"""

from datetime import date
from decimal import Decimal

from guanmo.supervision.figures import ProblemFacts, by_county, by_department, count
from guanmo.supervision.sentences import headline, overdue_sentence, rate_sentence, sentences

LAND, ENVIRONMENT = "市自然资源和规划局", "市生态环境局"
AS_OF = date(2025, 4, 30)


def day(text: str) -> date:
    """ "4/10" → 10 April 2025."""
    month, day_of_month = text.split("/")
    return date(2025, int(month), int(day_of_month))


def fact(department, county, raised, due, solved=None, confirmed=False) -> ProblemFacts:
    return ProblemFacts(
        department=department,
        county=county,
        raised_on=day(raised),
        deadline=day(due),
        solved_on=day(solved) if solved else None,
        confirmed=confirmed,
    )


APRIL = [
    fact(LAND, "武陟县", "4/1", "4/10", "4/8", confirmed=True),
    fact(LAND, "武陟县", "4/2", "4/12", "4/20", confirmed=True),
    fact(LAND, "温县", "4/5", "4/15"),
    fact(ENVIRONMENT, "温县", "4/10", "4/20", "4/18"),
    fact(ENVIRONMENT, "武陟县", "4/12", "5/12"),
    fact(ENVIRONMENT, "温县", "4/3", "4/13", "4/13", confirmed=True),
    fact(LAND, "武陟县", "4/20", "4/25", "5/3", confirmed=True),
]


def figures_of(figures):
    return (
        figures.raised,
        figures.solved,
        figures.solved_on_time,
        figures.awaiting_confirmation,
        figures.overdue,
        figures.on_time_rate,
        figures.mean_days_to_solve,
    )


def test_the_month_in_total():
    total = count(APRIL, as_of=AS_OF)
    assert figures_of(total) == (7, 3, 2, 1, 2, Decimal("40.0"), Decimal("11.7"))


def test_by_department():
    land, environment = by_department(APRIL, as_of=AS_OF)
    assert (land.name, environment.name) == (LAND, ENVIRONMENT)
    assert figures_of(land) == (4, 2, 1, 0, 2, Decimal("25.0"), Decimal("12.5"))
    assert figures_of(environment) == (3, 1, 1, 1, 0, Decimal("100.0"), Decimal("10.0"))


def test_by_county_with_a_county_that_raised_nothing():
    wuzhi, wenxian, qinyang = by_county(APRIL, as_of=AS_OF, names=["武陟县", "温县", "沁阳市"])
    assert figures_of(wuzhi) == (4, 2, 1, 0, 1, Decimal("33.3"), Decimal("12.5"))
    assert figures_of(wenxian) == (3, 1, 1, 1, 1, Decimal("50.0"), Decimal("10.0"))
    assert figures_of(qinyang) == (0, 0, 0, 0, 0, None, None)


def test_a_later_day_sees_the_late_solution():
    total = count(APRIL, as_of=date(2025, 5, 31))
    # Problem 7 is solved (late) by then, and problem 5 has passed its deadline unsolved.
    assert figures_of(total) == (7, 4, 2, 1, 2, Decimal("33.3"), Decimal("12.0"))


def test_rates_and_means_round_half_up():
    # Mean of 2, 2, 2, 3 days is 2.25 → 2.3; 1 on time of 16 decided is 6.25% → 6.3%.
    solved = [fact(LAND, "温县", "4/1", "4/2", f"4/{1 + days}", True) for days in (2, 2, 2, 3)]
    overdue = [fact(LAND, "温县", "4/1", "4/2") for _ in range(12)]
    on_time = [fact(LAND, "温县", "4/1", "4/30", "4/1", True)]
    total = count(solved + overdue + on_time, as_of=AS_OF)
    assert (total.solved, total.solved_on_time, total.overdue) == (5, 1, 12)
    assert total.on_time_rate == Decimal("5.9")  # 1 ÷ 17
    total = count(solved + overdue[:11] + on_time, as_of=AS_OF)
    assert total.on_time_rate == Decimal("6.3")  # 1 ÷ 16 = 6.25
    assert count(solved, as_of=AS_OF).mean_days_to_solve == Decimal("2.3")


def test_the_headline():
    assert headline(count(APRIL, as_of=AS_OF)) == (
        "本月共交办问题7个，已解决3个（其中按期解决2个），按期解决率40.0%，"
        "平均解决用时11.7天；待确认1个，逾期未解决2个。"
    )
    assert headline(count(APRIL[4:5], as_of=AS_OF), "1—4月") == (
        "1—4月共交办问题1个，已解决0个；无逾期未解决问题。"
    )
    assert headline(count([], as_of=AS_OF)) == "本月未交办问题。"


def test_sentences_by_department_and_county():
    total = count(APRIL, as_of=AS_OF)
    departments = by_department(APRIL, as_of=AS_OF)
    counties = by_county(APRIL, as_of=AS_OF)
    assert sentences(total, departments, counties)[1:] == [
        "逾期未解决问题涉及1个责任部门：市自然资源和规划局2个。",
        "按期解决率最高的责任部门是市生态环境局（100.0%），最低的是市自然资源和规划局（25.0%）。",
        "逾期未解决问题涉及2个县区：武陟县1个、温县1个。",
        "按期解决率最高的县区是温县（50.0%），最低的是武陟县（33.3%）。",
    ]


def test_sentences_when_nothing_is_overdue_and_rates_are_level():
    on_time = [
        fact(LAND, "武陟县", "4/1", "4/10", "4/8", True),
        fact(ENVIRONMENT, "温县", "4/1", "4/10", "4/9", True),
    ]
    groups = by_department(on_time, as_of=AS_OF)
    assert overdue_sentence(groups, "责任部门") == "各责任部门均无逾期未解决问题。"
    assert rate_sentence(groups, "责任部门") == "各责任部门按期解决率均为100.0%。"
    assert overdue_sentence(by_department([], as_of=AS_OF, names=[LAND]), "责任部门") is None
    assert rate_sentence(groups[:1], "责任部门") is None
