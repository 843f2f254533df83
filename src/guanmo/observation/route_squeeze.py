"""Making room for sites a full tour left out: a penalised local search over the tour's days.

When every day is nearly full, a left-out site fits nowhere as the days stand, although the
same sites could be arranged with room for it: the room is spread over the days a few
minutes each. To make it, the site is put into the day where it costs least, overfilling it,
and a local search moves sites between days and within them until no day runs over; each
minute a day runs over costs `alpha` minutes of travel, a weight raised stage by stage
(penalised infeasible solutions: Gendreau, Hertz & Laporte 1994, "A tabu search heuristic
for the vehicle routing problem", Management Science 40(10)). When the search stalls with a
day still over, a few neighbouring sites are taken out and put back where they cost least,
and it goes on from there (iterated local search: Lourenço, Martin & Stützle 2003, "Iterated
local search", Handbook of Metaheuristics). If no day runs over in the end and every day is
timed exactly with its lunch (`schedule.day_fits`), the site stays; otherwise the days go
back as they were and the next left-out site is tried.

The moves, each tried only towards a site's nearest neighbours (granular neighbourhoods:
Toth & Vigo 2003, "The granular tabu search and its application to the vehicle-routing
problem", INFORMS Journal on Computing 15(4)): a run of one or two consecutive stops moved
before or after another stop (or to the start of a day), two stops swapped, two days' tails
exchanged (2-opt*: Potvin & Rousseau 1995, "An exchange heuristic for routeing problems with
time windows", JORS 46(12)), a stretch of one day reversed (2-opt), and a left-out site put
in the place of a placed one when that takes less time (a shorter stay or a shorter detour).

Everything is counted in whole minutes: a day's busy time is its travel and stays, which
must not exceed the day's hours less its lunch. Its cost adds `block_weight` for each county
block begun (a stop whose county differs from the previous stop's), so that a move never
splits a county to save travel; only the last stage, when a county has to give way to a site
that could not otherwise be placed, weighs a minute over more than a block. The random
choices come from a seeded generator and every count is fixed: the same days give the same
result on every machine.
"""

import random
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from guanmo.observation.schedule import RouteProblem, day_fits, minute_of_day

NEIGHBOURS = 12  # the nearest sites a site's moves are tried towards
LONGEST_RUN = 2  # the most consecutive stops moved at once
ALPHAS = (1, 10, 100)  # minutes of travel one minute over a day's hours costs, stage by stage
KICKS = 12  # shake-ups of the overfull days before a left-out site is given up
KICK_SIZE = (3, 8)  # sites taken out and put back by a shake-up, at least and at most
SEED = 1
FEASIBLE = None  # alpha of a search that never lets a day run over


class Squeeze:
    """A tour's days as site numbers (1…n in the problem's order; 0 is the start point),
    with each day's running sums kept for the moves.

    `minutes[a][b]` is the travel from place a to place b (0 = start point, then the sites).
    """

    def __init__(
        self,
        problem: RouteProblem,
        minutes: Sequence[Sequence[int]],
        order: Sequence[Sequence[int]],
        left_out: Sequence[int],
    ) -> None:
        self.problem = problem
        self.minutes = minutes
        count = len(minutes)
        self.stays = [0, *(site.stay_minutes for site in problem.sites)]
        counties = ["", *(site.county for site in problem.sites)]
        self.pins = [None, *(site.pinned_day for site in problem.sites)]
        self.pinned = any(pin is not None for pin in self.pins)
        # Any day's travel and stays are less than this: a county block outweighs them all.
        self.block_weight = sum(map(max, minutes)) + sum(self.stays) + 1
        # A site placed outweighs a county kept whole: the last stage may split one.
        split = (self.block_weight + 1,) if any(counties) else ()
        self.alphas = (*ALPHAS, *split)
        # busy[a][b]: the drive from a to b and the stay at b; cost[a][b] adds a block begun.
        self.busy = [[minutes[a][b] + self.stays[b] for b in range(count)] for a in range(count)]
        self.cost = [
            [self.busy[a][b] + self.block_weight * _begins(counties, a, b) for b in range(count)]
            for a in range(count)
        ]
        self.room = [
            minute_of_day(day.end)
            - minute_of_day(day.start)
            - (day.lunch_minutes if day.has_lunch else 0)
            for day in problem.days
        ]
        self.near = [
            sorted(
                (v for v in range(1, count) if v != u),
                key=lambda v: (min(minutes[u][v], minutes[v][u]), v),
            )[:NEIGHBOURS]
            for u in range(count)
        ]
        self.days = [list(keys) for keys in order]
        self.left_out = list(left_out)
        self.rng = random.Random(SEED)
        self.touched: set[int] = set()  # days the last moves changed
        self._sums()

    # The days' running sums ------------------------------------------------------------

    def _sums(self) -> None:
        self.day_of: dict[int, int] = {}
        self.at: dict[int, int] = {}
        self.busy_sum: list[list[int]] = [[] for _ in self.days]
        self.cost_sum: list[list[int]] = [[] for _ in self.days]
        self.back_sum: list[list[int]] = [[] for _ in self.days]
        self.paths: list[list[int]] = [[] for _ in self.days]
        self.travel_sum: list[list[int]] = [[] for _ in self.days]
        self.travel_back_sum: list[list[int]] = [[] for _ in self.days]
        for day in range(len(self.days)):
            self._day_sums(day)

    def _day_sums(self, day: int) -> None:
        """Position of each stop (1-based within the day padded with the start point at both
        ends) and the running busy time and cost along the day, forwards and backwards."""
        path = self.paths[day] = [0, *self.days[day], 0]
        for position, site in enumerate(self.days[day], start=1):
            self.day_of[site], self.at[site] = day, position
        busy, cost, back, there, travel_back = [0], [0], [0], [0], [0]
        for a, b in pairwise(path):
            busy.append(busy[-1] + self.busy[a][b])
            cost.append(cost[-1] + self.cost[a][b])
            back.append(back[-1] + self.cost[b][a])
            there.append(there[-1] + self.minutes[a][b])
            travel_back.append(travel_back[-1] + self.minutes[b][a])
        self.busy_sum[day], self.cost_sum[day], self.back_sum[day] = busy, cost, back
        self.travel_sum[day], self.travel_back_sum[day] = there, travel_back

    def day_busy(self, day: int) -> int:
        return self.busy_sum[day][-1]

    def over(self, day: int, busy: int) -> int:
        return max(0, busy - self.room[day])

    def total_over(self) -> int:
        return sum(self.over(day, self.day_busy(day)) for day in range(len(self.days)))

    def penalised(self, alpha: int) -> int:
        return sum(
            self.cost_sum[day][-1] + alpha * self.over(day, self.day_busy(day))
            for day in range(len(self.days))
        )

    def allowed(self, sites: Sequence[int], day: int) -> bool:
        return not self.pinned or all(self.pins[site] in (None, day) for site in sites)

    def fits(self, day: int, keys: Sequence[int]) -> bool:
        """The day visiting `keys` in order, timed exactly with its lunch."""
        path = [0, *keys, 0]
        legs = [self.minutes[a][b] for a, b in pairwise(path)]
        return day_fits(self.problem.days[day], legs, [self.stays[site] for site in keys])

    # Moves -------------------------------------------------------------------------------

    def _gain(self, alpha: int | None, *changes: tuple[int, int, int]) -> int | None:
        """The change of the penalised cost for changes (day, cost change, busy change); None
        when `alpha` is FEASIBLE and a day would run over."""
        total = 0
        for day, cost, busy in changes:
            now, room = self.busy_sum[day][-1], self.room[day]
            after = now + busy
            if alpha is FEASIBLE:
                if busy > 0 and after > room:
                    return None
                total += cost
            else:
                over_after = after - room if after > room else 0
                over_now = now - room if now > room else 0
                total += cost + alpha * (over_after - over_now)
        return total

    def _commit(self, new_days: dict[int, list[int]], alpha: int | None) -> bool:
        """Make the move unless, with nothing allowed to run over, a changed day no longer
        fits once timed with its lunch."""
        if alpha is FEASIBLE and not all(self.fits(day, keys) for day, keys in new_days.items()):
            return False
        for day, keys in new_days.items():
            self.days[day] = keys
        for day in new_days:
            self._day_sums(day)
        self.touched.update(new_days)
        return True

    def runs_from(self, u: int) -> list["_Run"]:
        """The runs of one to LONGEST_RUN stops beginning with u, each with what taking it
        out of its day changes there."""
        home, first = self.day_of[u], self.at[u]
        path, cost, busy = self.paths[home], self.cost, self.busy
        cost_sum, busy_sum = self.cost_sum[home], self.busy_sum[home]
        runs = []
        for last in range(first, min(first + LONGEST_RUN, len(path) - 1)):
            before, end, behind = path[first - 1], path[last], path[last + 1]
            inner_cost = cost_sum[last] - cost_sum[first]
            inner_busy = busy_sum[last] - busy_sum[first]
            runs.append(
                _Run(
                    home,
                    first,
                    path[first : last + 1],
                    inner_cost,
                    inner_busy,
                    cost[before][behind] - cost[before][u] - cost[end][behind] - inner_cost,
                    busy[before][behind] - busy[before][u] - busy[end][behind] - inner_busy,
                )
            )
        return runs

    def move_run(self, run: "_Run", day: int, after: int, alpha: int | None) -> bool:
        """Move the run between position `after` of `day` and the next (positions as in
        `paths`)."""
        home, first, length = run.day, run.first, len(run.sites)
        if day == home and first - 1 <= after <= first + length - 1:
            return False
        if not self.allowed(run.sites, day):
            return False
        target, cost, busy = self.paths[day], self.cost, self.busy
        a, b, u, end = target[after], target[after + 1], run.sites[0], run.sites[-1]
        in_cost = cost[a][u] + cost[end][b] - cost[a][b] + run.inner_cost
        in_busy = busy[a][u] + busy[end][b] - busy[a][b] + run.inner_busy
        if day == home:
            gain = self._gain(alpha, (home, run.out_cost + in_cost, run.out_busy + in_busy))
        else:
            gain = self._gain(alpha, (home, run.out_cost, run.out_busy), (day, in_cost, in_busy))
        if gain is None or gain >= 0:
            return False
        rest = self.days[home][: first - 1] + self.days[home][first - 1 + length :]
        if day == home:
            at = after if after < first else after - length
            return self._commit({home: rest[:at] + run.sites + rest[at:]}, alpha)
        keys = self.days[day]
        return self._commit({home: rest, day: keys[:after] + run.sites + keys[after:]}, alpha)

    def swap(self, u: int, v: int, alpha: int | None) -> bool:
        day_u, day_v = self.day_of[u], self.day_of[v]
        if not (self.allowed([u], day_v) and self.allowed([v], day_u)):
            return False
        at_u, at_v = self.at[u], self.at[v]
        new_u = list(self.days[day_u])
        new_v = new_u if day_u == day_v else list(self.days[day_v])
        new_u[at_u - 1], new_v[at_v - 1] = v, u
        if day_u == day_v:
            new_days = {day_u: new_u}
            gain = self._gain(alpha, (day_u, *self._difference(day_u, new_u, (at_u, at_v))))
        else:
            new_days = {day_u: new_u, day_v: new_v}
            gain = self._gain(
                alpha,
                (day_u, *self._difference(day_u, new_u, (at_u,))),
                (day_v, *self._difference(day_v, new_v, (at_v,))),
            )
        if gain is None or gain >= 0:
            return False
        return self._commit(new_days, alpha)

    def _difference(self, day: int, keys: list[int], changed: Sequence[int]) -> tuple[int, int]:
        """(cost, busy) change of `day` visiting `keys` instead, where only the stops at path
        positions `changed` differ (so only the legs into and out of them)."""
        old, new = self.paths[day], [0, *keys, 0]
        legs = {leg for at in changed for leg in (at - 1, at)}
        return (
            sum(self.cost[new[i]][new[i + 1]] - self.cost[old[i]][old[i + 1]] for i in legs),
            sum(self.busy[new[i]][new[i + 1]] - self.busy[old[i]][old[i + 1]] for i in legs),
        )

    def exchange_tails(self, u: int, v: int, alpha: int | None) -> bool:
        """2-opt*: u's day goes on from v; v's former predecessor goes on with what followed u."""
        day_u, day_v = self.day_of[u], self.day_of[v]
        if day_u == day_v:
            return False
        at_u, at_v = self.at[u], self.at[v]
        tail_u, tail_v = self.days[day_u][at_u:], self.days[day_v][at_v - 1 :]
        if not (self.allowed(tail_u, day_v) and self.allowed(tail_v, day_u)):
            return False
        gain = self._gain(
            alpha,
            (day_u, *self._joined(day_u, at_u, day_v, at_v)),
            (day_v, *self._joined(day_v, at_v - 1, day_u, at_u + 1)),
        )
        if gain is None or gain >= 0:
            return False
        return self._commit(
            {
                day_u: self.days[day_u][:at_u] + tail_v,
                day_v: self.days[day_v][: at_v - 1] + tail_u,
            },
            alpha,
        )

    def _joined(self, day: int, head: int, other: int, tail: int) -> tuple[int, int]:
        """(cost, busy) change of `day` keeping its path up to position `head` and going on
        with `other`'s path from position `tail` to its end."""
        a, b = self.paths[day][head], self.paths[other][tail]
        changes = []
        for sums, leg in ((self.cost_sum, self.cost), (self.busy_sum, self.busy)):
            mine, theirs = sums[day], sums[other]
            changes.append(mine[head] + leg[a][b] + theirs[-1] - theirs[tail] - mine[-1])
        return changes[0], changes[1]

    def reverse(self, u: int, v: int, alpha: int | None) -> bool:
        """2-opt: u goes on to v, the stretch from u's successor to v reversed."""
        day = self.day_of[u]
        if self.day_of[v] != day or self.at[v] <= self.at[u] + 1:
            return False
        path = self.paths[day]
        first, last = self.at[u] + 1, self.at[v]
        following = path[last + 1]
        forwards = self.cost_sum[day][last] - self.cost_sum[day][first]
        backwards = self.back_sum[day][last] - self.back_sum[day][first]
        cost = (
            self.cost[u][v]
            + self.cost[path[first]][following]
            - self.cost[u][path[first]]
            - self.cost[v][following]
            + backwards
            - forwards
        )
        minutes, there, back = self.minutes, self.travel_sum[day], self.travel_back_sum[day]
        busy = (
            minutes[u][v]
            + minutes[path[first]][following]
            - minutes[u][path[first]]
            - minutes[v][following]
            + back[last]
            - back[first]
            - there[last]
            + there[first]
        )
        gain = self._gain(alpha, (day, cost, busy))
        if gain is None or gain >= 0:
            return False
        stretch = path[first : last + 1]
        keys = self.days[day][: first - 1] + stretch[::-1] + self.days[day][last:]
        return self._commit({day: keys}, alpha)

    def replace(self, left_out: int, placed: int) -> bool:
        """A left-out site in the place of a placed one, when that costs less (never lets a
        day run over)."""
        day, at = self.day_of[placed], self.at[placed]
        if not self.allowed([left_out], day):
            return False
        keys = list(self.days[day])
        keys[at - 1] = left_out
        gain = self._gain(FEASIBLE, (day, *self._difference(day, keys, (at,))))
        if gain is None or gain >= 0 or not self._commit({day: keys}, FEASIBLE):
            return False
        self.left_out[self.left_out.index(left_out)] = placed
        del self.day_of[placed], self.at[placed]
        return True

    # Searches ----------------------------------------------------------------------------

    def improve(self, alpha: int | None) -> None:
        """Make improving moves until none is left; with FEASIBLE, left-out sites may also
        replace placed ones. A site is looked at again only when a move changed its day
        (don't-look bits: Bentley 1992, "Fast algorithms for geometric traveling salesman
        problems", ORSA Journal on Computing 4(4))."""
        while True:
            queue = deque(sorted(self.day_of))
            waiting = set(queue)
            while queue:
                u = queue.popleft()
                waiting.discard(u)
                self.touched.clear()
                if not self._improve_site(u, alpha):
                    continue
                for day in sorted(self.touched):
                    for site in self.days[day]:
                        if site not in waiting:
                            queue.append(site)
                            waiting.add(site)
            if alpha is not FEASIBLE or not self._replace_any():
                return

    def _replace_any(self) -> bool:
        replaced = False
        for site in sorted(self.left_out):
            for placed in self.near[site]:
                if placed in self.day_of and self.replace(site, placed):
                    replaced = True
                    break
        return replaced

    def _improve_site(self, u: int, alpha: int | None) -> bool:
        if u not in self.day_of:
            return False
        runs = self.runs_from(u)
        for v in self.near[u]:
            if v not in self.day_of:
                continue
            day, at = self.day_of[v], self.at[v]
            for run in runs:
                if self.move_run(run, day, at, alpha) or self.move_run(run, day, at - 1, alpha):
                    return True
            if (
                self.swap(u, v, alpha)
                or self.exchange_tails(u, v, alpha)
                or self.reverse(u, v, alpha)
            ):
                return True
        return any(self.move_run(runs[0], day, 0, alpha) for day in range(len(self.days)))

    def cheapest_place(self, site: int, alpha: int) -> tuple[int, int, int] | None:
        """(penalised cost added, day, position after which) of the cheapest place for a site
        not on any day."""
        best = None
        for day in range(len(self.days)):
            if not self.allowed([site], day):
                continue
            path, busy = self.paths[day], self.day_busy(day)
            for after, (a, b) in enumerate(pairwise(path)):
                added = self.busy[a][site] + self.busy[site][b] - self.busy[a][b]
                cost = self.cost[a][site] + self.cost[site][b] - self.cost[a][b]
                penalty = alpha * (self.over(day, busy + added) - self.over(day, busy))
                option = (cost + penalty, day, after)
                if best is None or option < best:
                    best = option
        return best

    def _least(self, site: int) -> int:
        place = self.cheapest_place(site, self.alphas[-1])
        return 0 if place is None else place[0]

    def put(self, site: int, day: int, after: int) -> None:
        self.days[day].insert(after, site)
        if site in self.left_out:
            self.left_out.remove(site)
        self._day_sums(day)

    def kick(self, alpha: int) -> None:
        """Take out a placed site and its nearest placed neighbours; put each back where it
        costs least."""
        placed = sorted(self.day_of)
        # Round a site of a day that runs over, where room is wanted.
        full = [d for d in range(len(self.days)) if self.day_busy(d) > self.room[d]]
        centre = self.rng.choice(sorted(self.days[self.rng.choice(full)]) if full else placed)
        size = self.rng.randint(*KICK_SIZE)
        taken = sorted(placed, key=lambda site: (self.minutes[centre][site], site))[:size]
        for site in taken:
            day = self.day_of.pop(site)
            self.days[day].remove(site)
        for day in range(len(self.days)):
            self._day_sums(day)
        self.rng.shuffle(taken)
        for site in taken:
            _, day, after = self.cheapest_place(site, alpha)
            self.put(site, day, after)

    def _state(self):
        return [list(keys) for keys in self.days], list(self.left_out)

    def _restore(self, state) -> None:
        self.days, self.left_out = [list(keys) for keys in state[0]], list(state[1])
        self._sums()

    def make_room(self, site: int) -> bool:
        """Put a left-out site on the day where it costs least and search until no day runs
        over; True if that succeeded (the days then fit exactly), else the days are restored."""
        before = self._state()
        place = self.cheapest_place(site, self.alphas[-1])
        if place is None:
            return False
        _, day, after = place
        self.put(site, day, after)
        for alpha in self.alphas:
            self.improve(alpha)
        best, best_cost = self._state(), self.penalised(self.alphas[-1])
        for _ in range(KICKS):
            if self.total_over() == 0:
                break
            self.kick(self.alphas[-1])
            self.improve(self.alphas[-1])
            if self.penalised(self.alphas[-1]) <= best_cost:
                best, best_cost = self._state(), self.penalised(self.alphas[-1])
            else:
                self._restore(best)
        if self.total_over() == 0 and all(
            self.fits(day, keys) for day, keys in enumerate(self.days)
        ):
            return True
        self._restore(before)
        return False

    def squeeze(self) -> None:
        """Place left-out sites one at a time while room can be made for one."""
        self.improve(FEASIBLE)
        while self.left_out:
            # The site that costs least to put in first (its cheapest place, overfull or not).
            ranked = sorted(self.left_out, key=lambda site: (self._least(site), site))
            if not any(self.make_room(site) for site in ranked):
                return
            self.improve(FEASIBLE)


@dataclass(frozen=True, slots=True)
class _Run:
    """Consecutive stops of one day, from path position `first`: their own legs' cost and
    busy time, and what taking them out changes in their day."""

    day: int
    first: int
    sites: list[int]
    inner_cost: int
    inner_busy: int
    out_cost: int
    out_busy: int


def _begins(counties: Sequence[str], a: int, b: int) -> int:
    """1 when going from place a to site b begins a county block: b has no county or another
    county than a (the start point, 0, has none); 0 when b is no site."""
    return int(b != 0 and (not counties[b] or counties[b] != counties[a]))


def squeezed(
    problem: RouteProblem,
    minutes: Mapping[tuple[str, str], int],
    order: Sequence[Sequence[str]],
    left_out: Sequence[str],
) -> tuple[list[list[str]], list[str]]:
    """The days' site keys and the keys still left out after room was made for as many
    left-out sites as it could be; `minutes[a, b]` is the travel between any two places."""
    keys = [problem.start, *(site.key for site in problem.sites)]
    number = {key: n for n, key in enumerate(keys)}
    matrix = [[minutes[a, b] for b in keys] for a in keys]
    squeeze = Squeeze(
        problem,
        matrix,
        [[number[key] for key in day] for day in order],
        [number[key] for key in left_out],
    )
    squeeze.squeeze()
    return (
        [[keys[site] for site in day] for day in squeeze.days],
        [keys[site] for site in sorted(squeeze.left_out)],
    )
