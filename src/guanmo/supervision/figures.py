"""The bulletin's figures on supervised problems, as plain functions over plain facts.

Figures cover the problems raised in a span of days, counted as they stood on `as_of`:
- raised: every problem of the span;
- solved: confirmed solved, with the department's solving day on or before `as_of`;
- solved on time: solved on or before its deadline;
- awaiting confirmation: marked solved by the department, not yet confirmed;
- overdue: not solved (nor marked solved) by `as_of` and past its deadline;
- on-time rate (按期解决率): solved on time ÷ (solved + overdue), the problems whose outcome is
  known, so that an overdue problem counts against and one not yet due does not;
- mean days to solve: mean of solving day − raising day over the solved.
Percentages and means are shown to one decimal, rounded half-up on exact decimals.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from guanmo.figures.arithmetic import percent, shown
from guanmo.supervision.deadlines import is_overdue, solved_on_time


@dataclass(frozen=True)
class ProblemFacts:
    department: str
    county: str
    raised_on: date
    deadline: date
    solved_on: date | None  # the day the department marked it solved
    confirmed: bool  # confirmed solved by whoever raised it (or the city office)
    raised_by: int | None = None  # the user who raised it, if a user did (a commissioner's)


@dataclass(frozen=True)
class ProblemFigures:
    name: str
    raised: int
    solved: int
    solved_on_time: int
    awaiting_confirmation: int
    overdue: int
    mean_days_to_solve: Decimal | None

    @property
    def on_time_rate(self) -> Decimal | None:
        return percent(self.solved_on_time, self.solved + self.overdue)


def count(facts: Iterable[ProblemFacts], *, as_of: date, name: str = "") -> ProblemFigures:
    facts = list(facts)
    marked = [f for f in facts if f.solved_on is not None and f.solved_on <= as_of]
    unsolved = [f for f in facts if f.solved_on is None or f.solved_on > as_of]
    solved = [f for f in marked if f.confirmed]
    days = [(f.solved_on - f.raised_on).days for f in solved]
    return ProblemFigures(
        name=name,
        raised=len(facts),
        solved=len(solved),
        solved_on_time=sum(solved_on_time(f.deadline, f.solved_on) for f in solved),
        awaiting_confirmation=len(marked) - len(solved),
        overdue=sum(is_overdue(f.deadline, as_of) for f in unsolved),
        mean_days_to_solve=shown(Decimal(sum(days)) / len(days)) if days else None,
    )


def count_by(
    facts: Iterable[ProblemFacts],
    key: Callable[[ProblemFacts], str],
    *,
    as_of: date,
    names: Sequence[str] = (),
) -> list[ProblemFigures]:
    """Figures per group (department or county): `names` first in their order, even with
    nothing raised, then any other group met, in the order met."""
    groups: dict[str, list[ProblemFacts]] = {name: [] for name in names}
    for each in facts:
        groups.setdefault(key(each), []).append(each)
    return [count(members, as_of=as_of, name=name) for name, members in groups.items()]


def by_department(facts: Iterable[ProblemFacts], *, as_of: date, names: Sequence[str] = ()):
    return count_by(facts, lambda f: f.department, as_of=as_of, names=names)


def by_county(facts: Iterable[ProblemFacts], *, as_of: date, names: Sequence[str] = ()):
    return count_by(facts, lambda f: f.county, as_of=as_of, names=names)
