"""What the route search leaves undone: sites it left out that valid days can still hold, and
counties it split that can be visited in one block.

The solver's order, once timed, is improved by ruin and recreate (Schrimpf et al. 2000,
"Record breaking optimization results using the ruin and recreate principle"): a few
neighbouring sites are taken out of their days, then every left-out site is tried against
every day at every place and the cheapest insertion that the day can still hold is made,
again and again; the result is kept when it is no worse. A schedule is better when it leaves
out fewer sites, then when it has fewer county blocks (a county's sites visited one after
another on one day are one block: its hosts wait once), then when it travels less. Each day
is timed exactly by `plan_day` (lunch and all) before an insertion is made, so the schedule
stays valid. Sites left out before the rounds and after them are given to `route_squeeze`,
which makes room for them when the days are full a few minutes each (the rounds then start
from fuller days). The random choices come from a
seeded generator and the number of rounds is fixed: the same problem gives the same schedule
on every machine, however fast.
"""

import random
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from guanmo.observation.route_squeeze import squeezed
from guanmo.observation.schedule import (
    DayPlan,
    RouteProblem,
    Schedule,
    minute_of_day,
    plan_day,
)

ROUNDS = 100  # ruin-and-recreate rounds after the search
SEED = 1
RUIN_SIZES = (3, 12)  # how many neighbouring sites a round takes out, at least and at most
THRESHOLD_MINUTES = 30  # how much more travel a trial may have at first and still be kept
MAX_RUN = 3  # the longest run of stops or-opt moves when a day's order is polished


@dataclass(frozen=True)
class _Insertion:
    cost: tuple[int, int]  # (county blocks added, minutes added)
    day: int
    at: int
    key: str


class _Tour:
    """The working schedule: each day's keys, and what is left out, with the figures the
    insertions need kept at hand."""

    def __init__(self, problem: RouteProblem, order: Sequence[Sequence[str]]):
        self.problem = problem
        self.sites = {site.key: site for site in problem.sites}
        places = [problem.start, *self.sites]
        self.minutes = {(a, b): problem.travel.minutes(a, b) for a in places for b in places}
        self.county = {site.key: site.county for site in problem.sites}
        self.counties = any(self.county.values())
        self.days = [list(keys) for keys in order]
        self.days += [[] for _ in range(len(problem.days) - len(self.days))]
        placed = {key for keys in self.days for key in keys}
        self.left_out = [key for key in self.sites if key not in placed]
        # A day's hours, less lunch: no order longer than this on the road and on site fits.
        self.room = [
            minute_of_day(day.end)
            - minute_of_day(day.start)
            - (day.lunch_minutes if day.has_lunch else 0)
            for day in problem.days
        ]

    def copy(self) -> "_Tour":
        twin = object.__new__(_Tour)
        twin.__dict__.update(self.__dict__)
        twin.days = [list(keys) for keys in self.days]
        twin.left_out = list(self.left_out)
        return twin

    def day_cost(self, keys: Sequence[str]) -> tuple[int, int]:
        """(county blocks, travel minutes) of visiting `keys` in order from the start point."""
        places = [self.problem.start, *keys, self.problem.start]
        travel = sum(self.minutes[a, b] for a, b in pairwise(places))
        return blocks_in(keys, self.county), travel

    def cost(self) -> tuple[int, int, int]:
        """(sites left out, county blocks, minutes on the road and on site): smaller is
        better. Counting the stays as well as the travel, a schedule that leaves out a long
        visit rather than a short one, the count being equal, keeps more room for others."""
        blocks = busy = 0
        for day, keys in enumerate(self.days):
            blocks += self.day_cost(keys)[0]
            busy += self.busy(day)
        return len(self.left_out), blocks, busy

    def fits(self, day: int, keys: Sequence[str]) -> DayPlan | None:
        visits = [self.sites[key] for key in keys]
        return plan_day(self.problem, self.problem.days[day], visits)

    def busy(self, day: int) -> int:
        keys = self.days[day]
        return self.day_cost(keys)[1] + sum(self.sites[key].stay_minutes for key in keys)

    def insertions(self, key: str, day: int, busy: int) -> list[_Insertion]:
        """Every place on `day` that `key` may go and the day could hold, cheapest first (by
        the time on the road and on site alone; `fits` decides with lunch)."""
        site, keys = self.sites[key], self.days[day]
        if site.pinned_day not in (None, day):
            return []
        places = [self.problem.start, *keys, self.problem.start]
        found = []
        for at, (before, after) in enumerate(pairwise(places)):
            added = self.minutes[before, key] + self.minutes[key, after]
            added -= self.minutes[before, after]
            if busy + added + site.stay_minutes > self.room[day]:
                continue
            blocks = self._blocks_added(key, keys, at) if self.counties else 1
            found.append(_Insertion((blocks, added), day, at, key))
        return found

    def _blocks_added(self, key: str, keys: Sequence[str], at: int) -> int:
        before = self.county.get(keys[at - 1]) if at else None
        after = self.county.get(keys[at]) if at < len(keys) else None
        own = self.county[key]

        def begins(county: str | None, previous: str | None) -> int:
            return int(not county or county != previous)

        was = begins(after, before) if after is not None else 0
        now = begins(own, before) + (begins(after, own) if after is not None else 0)
        return now - was

    def recreate(self) -> None:
        """Insert left-out sites, the cheapest fitting insertion of any first, until none fits."""
        refused: set[tuple[str, int]] = set()  # (site, day) that `fits` turned down
        known: dict[tuple[str, int], list[_Insertion]] = {}  # until the day changes
        while True:
            options = []
            for day in range(len(self.days)):
                busy = None
                for key in self.left_out:
                    if (key, day) in refused:
                        continue
                    if (key, day) not in known:
                        busy = self.busy(day) if busy is None else busy
                        known[key, day] = self.insertions(key, day, busy)
                    options += known[key, day]
            options.sort(key=self._priority(options))
            for option in options:
                if (option.key, option.day) in refused:
                    continue
                keys = self.days[option.day]
                candidate = [*keys[: option.at], option.key, *keys[option.at :]]
                if self.fits(option.day, candidate) is not None:
                    self.days[option.day] = candidate
                    self.left_out.remove(option.key)
                    known = {
                        place: found for place, found in known.items() if place[1] != option.day
                    }
                    break
                refused.add((option.key, option.day))
            else:
                return

    @staticmethod
    def _priority(options: Sequence[_Insertion]):
        """Regret-2 (Potvin & Rousseau 1993): the site that loses most if not inserted now
        goes first: the gap between its best day and its second-best day (a site with one
        possible day, first of all), then the cheapest."""
        best: dict[str, dict[int, tuple[int, int]]] = {}
        for option in options:
            days = best.setdefault(option.key, {})
            if option.day not in days or option.cost < days[option.day]:
                days[option.day] = option.cost
        regret = {}
        for key, days in best.items():
            costs = sorted(days.values())
            regret[key] = (
                (1, 0)
                if len(costs) == 1
                else (0, (costs[1][0] - costs[0][0]) * 10_000 + costs[1][1] - costs[0][1])
            )
        return lambda option: (
            (-regret[option.key][0], -regret[option.key][1]),
            option.cost,
            option.day,
            option.at,
            option.key,
        )

    def ruin(self, rng: random.Random) -> None:
        """Take out a site and its nearest placed neighbours."""
        placed = [key for keys in self.days for key in keys]
        if not placed:
            return
        # Half the time round a site left out, so that its neighbourhood is rebuilt with it.
        centre = rng.choice(self.left_out if self.left_out and rng.random() < 0.5 else placed)
        size = rng.randint(*RUIN_SIZES)
        nearest = sorted(placed, key=lambda key: (self.minutes[centre, key], key))[:size]
        taken = set(nearest)
        self.days = [[key for key in keys if key not in taken] for keys in self.days]
        self.left_out += nearest

    def squeeze(self) -> None:
        """Room made in full days for left-out sites (`route_squeeze`)."""
        if self.left_out:
            order, left_out = squeezed(self.problem, self.minutes, self.days, self.left_out)
            self.days, self.left_out = order, left_out

    def polish(self) -> None:
        """Each day's order improved by or-opt and 2-opt moves while it still fits."""
        for day, keys in enumerate(self.days):
            best, best_cost = keys, self.day_cost(keys)
            better = True
            while better:
                better = False
                for candidate in _neighbours(best):
                    cost = self.day_cost(candidate)
                    if cost < best_cost and self.fits(day, candidate) is not None:
                        best, best_cost, better = candidate, cost, True
                        break
            self.days[day] = best


def blocks_in(keys: Sequence[str], county: dict[str, str]) -> int:
    """How many times the panel arrives in a county: a stop whose county differs from the
    previous stop's (or that is the day's first) begins a block. A site of no county is a
    block of its own."""
    blocks, previous = 0, None
    for key in keys:
        here = county.get(key, "")
        if not here or here != previous:
            blocks += 1
        previous = here
    return blocks


def _neighbours(keys: list[str]):
    """Every or-opt move (a run of up to MAX_RUN stops taken out and put back elsewhere) and
    every 2-opt move (a stretch reversed) of `keys`."""
    count = len(keys)
    for length in range(1, MAX_RUN + 1):
        for start in range(count - length + 1):
            run, rest = keys[start : start + length], keys[:start] + keys[start + length :]
            for at in range(len(rest) + 1):
                if at != start:
                    yield rest[:at] + run + rest[at:]
    for i in range(count - 1):
        for j in range(i + 2, count + 1):
            yield keys[:i] + keys[i:j][::-1] + keys[j:]


def repaired(problem: RouteProblem, schedule: Schedule, *, rounds: int = ROUNDS) -> Schedule:
    """`schedule` improved: left-out sites placed where valid days can hold them, split
    counties joined where they can be, less travel; never worse on any of the three."""
    current = _Tour(problem, schedule.order)
    current.polish()
    current.recreate()
    current.squeeze()
    best = current
    rng = random.Random(SEED)
    for done in range(rounds):
        trial = current.copy()
        trial.ruin(rng)
        trial.recreate()
        # Record-to-record travel: a trial may travel a little more than the current schedule
        # (less and less as the rounds go), never leave out more or split more.
        allowance = THRESHOLD_MINUTES * (rounds - done) // rounds
        left_out, blocks, travel = trial.cost()
        if (left_out, blocks, travel - allowance) <= current.cost():
            current = trial
            if current.cost() < best.cost():
                best = current
    best = best.copy()
    best.squeeze()
    best.polish()
    plans = tuple(best.fits(day, keys) for day, keys in enumerate(best.days))
    left_out = set(best.left_out)
    return Schedule(plans, tuple(site.key for site in problem.sites if site.key in left_out))
