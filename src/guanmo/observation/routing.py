"""Ordering a tour's sites over its days to spend the least time on the road (OR-Tools).

One vehicle per tour day, each leaving the start point and coming back within that day's
hours; time is counted in minutes from the first day's midnight, so each vehicle's window
sits on its own day. The objective, most important first: leave out as few sites as possible;
visit each county's sites one after another on one day (its hosts wait once), which an arc
into a county's site from elsewhere costs as much as any route's travel; then the least travel
in minutes (distances may be missing from an uploaded matrix; minutes never are). Each site
may be dropped at a penalty larger than anything its visit could save, so a site is left out
only when it cannot fit; among sites that cannot all fit, the penalty is a little lower for a
longer stay, so that the search leaves out one long visit rather than two short ones. A
pinned site may only ride on its day's vehicle.

Lunch is a break interval of the day's vehicle, its start bounded in that day's absolute
minutes, so no day can take another's lunch. Waiting is allowed (slack up to the horizon).
OR-Tools lets a break fall anywhere between two visits, even halfway along a drive, whereas
lunch is eaten at a place (see schedule.py). Keeping every drive whole costs the search
dearly, so the first search leaves it out; the order it finds is timed by `arrange`, the
same code that times a hand-made order, and in the usual case every site keeps its place.
When lunch on the road was what made a day fit, a second search, constrained to keep drives
whole, starts from the timed order, and the better of the two is kept.

Both searches start from local cheapest insertion (on the generated 120-site bench tour it
leaves out 10 sites where parallel cheapest insertion left out 12) and improve with guided
local search until the time limit, or until a number of solutions when one is given: the
search is otherwise deterministic, so a solution limit gives the same order on every run and
machine (the demo city uses it), where a time limit keeps whatever the clock allowed. What
the search leaves undone is then repaired (`route_repair`: every left-out site tried against
every day, ruin and recreate for a fixed number of rounds, then room made in full days by a
penalised local search: `route_squeeze`), deterministically too.

A caller may follow the search (the route page's background job does): `progress(done, total,
message)` is told each whole second of search in which the solver reports a solution
(OR-Tools' solution callback), then once for the repair.
"""

import logging
import math
import time
from collections.abc import Callable, Sequence

from ortools.constraint_solver import pywrapcp, routing_enums_pb2

from guanmo.observation.route_repair import ROUNDS, repaired
from guanmo.observation.schedule import RouteProblem, Schedule, arrange, minute_of_day

logger = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]  # done, total steps (seconds searched), message
MINUTES_PER_DAY = 24 * 60
STAY_WEIGHT = 50  # how much cheaper leaving out a site gets per minute of its stay


def plan_route(
    problem: RouteProblem,
    *,
    time_limit_seconds: float = 10,
    solution_limit: int | None = None,
    repair_rounds: int = ROUNDS,
    progress: Progress | None = None,
) -> Schedule:
    """The days' site orders that leave out least, split fewest counties and travel least;
    what cannot fit is unplaced.

    Searches for `time_limit_seconds`, twice that when lunch must be kept off the road; with
    a `solution_limit`, stops sooner once each search has found that many solutions. Then
    `repair_rounds` rounds of `route_repair.repaired`. `progress`, if given, follows it in
    steps of one second searched (see the module's docstring).
    """
    steps = _Steps(progress, time_limit_seconds)
    order = _search(
        problem,
        time_limit_seconds,
        drives_whole=False,
        solution_limit=solution_limit,
        on_solution=steps.searching("正在搜索路线"),
    )
    schedule = arrange(problem, order)
    if len(schedule.unplaced) != len(problem.sites) - sum(map(len, order)):
        # Somewhere the solver had lunch halfway along a drive, and `arrange` had to leave
        # sites out. Search again with drives kept whole, from the order as it was timed.
        order = _search(
            problem,
            time_limit_seconds,
            drives_whole=True,
            initial=schedule.order,
            solution_limit=solution_limit,
            on_solution=steps.searching("午餐不能在行车途中，正在重新搜索"),
        )
        whole = arrange(problem, order)
        schedule = min(whole, schedule, key=lambda s: (len(s.unplaced), s.travel_minutes))
    steps.report(steps.total - 1, "正在调整未能安排的观摩点")
    return repaired(problem, schedule, rounds=repair_rounds)


class _Steps:
    """A search's progress in whole seconds: each search adds its time limit to the total, the
    repair one step more; the solver's solutions move `done` on at most once a second."""

    def __init__(self, progress: Progress | None, time_limit_seconds: float) -> None:
        self.progress = progress
        self.seconds = max(1, math.ceil(time_limit_seconds))
        self.done = 0
        self.total = 1

    def report(self, done: int, message: str) -> None:
        self.done = done
        if self.progress is not None:
            self.progress(done, self.total, message)

    def searching(self, message: str) -> Callable[[], None] | None:
        """The solution callback of one search (None when nobody follows)."""
        if self.progress is None:
            return None
        first, started, found = self.total - 1, time.monotonic(), 0
        self.total += self.seconds
        self.report(first, message)

        def solution() -> None:
            nonlocal found
            found += 1
            second = min(self.seconds - 1, int(time.monotonic() - started))
            if found == 1 or first + second > self.done:
                self.report(first + second, f"{message}，已找到{found}个可行方案")

        return solution


def _search(
    problem: RouteProblem,
    time_limit_seconds: float,
    *,
    drives_whole: bool,
    initial: Sequence[Sequence[str]] = (),
    solution_limit: int | None = None,
    on_solution: Callable[[], None] | None = None,
) -> list[list[str]]:
    """Each day's site keys in the order OR-Tools found best within the time limit;
    `on_solution` is called at each solution the search accepts."""
    places = [problem.start, *(site.key for site in problem.sites)]
    travel = [[problem.travel.minutes(a, b) for b in places] for a in places]
    stays = [0, *(site.stay_minutes for site in problem.sites)]
    first_date = problem.days[0].date
    offsets = [(day.date - first_date).days * MINUTES_PER_DAY for day in problem.days]
    horizon = offsets[-1] + MINUTES_PER_DAY

    manager = pywrapcp.RoutingIndexManager(len(places), len(problem.days), 0)
    routing = pywrapcp.RoutingModel(manager)
    # Any route's travel is less than this; an extra county block costs as much.
    travel_bound = (len(places) + len(problem.days)) * (max(map(max, travel)) + 1)
    counties = ["", *(site.county for site in problem.sites)]
    block = travel_bound if any(counties) else 0
    costs = [
        [
            travel[a][b] + (block if b and counties[b] and counties[a] != counties[b] else 0)
            for b in range(len(places))
        ]
        for a in range(len(places))
    ]
    routing.SetArcCostEvaluatorOfAllVehicles(routing.RegisterTransitMatrix(costs))
    busy = [[stays[a] + travel[a][b] for b in range(len(places))] for a in range(len(places))]
    routing.AddDimension(routing.RegisterTransitMatrix(busy), horizon, horizon, False, "time")
    clock = routing.GetDimensionOrDie("time")

    for vehicle, (day, offset) in enumerate(zip(problem.days, offsets, strict=True)):
        opens, closes = offset + minute_of_day(day.start), offset + minute_of_day(day.end)
        clock.CumulVar(routing.Start(vehicle)).SetRange(opens, closes)
        clock.CumulVar(routing.End(vehicle)).SetRange(opens, closes)

    # Dropping a site must cost more than anything it could save: its travel, its own county
    # block and a block it splits in two. Among sites that cannot all fit, a long stay is
    # the cheaper to leave out.
    longest = max(stays)
    for node, site in enumerate(problem.sites, start=1):
        index = manager.NodeToIndex(node)
        penalty = travel_bound + 2 * block + STAY_WEIGHT * (longest - site.stay_minutes) + 1
        routing.AddDisjunction([index], penalty)
        if site.pinned_day is not None:
            routing.VehicleVar(index).SetValues([-1, site.pinned_day])

    visit_transits = [stays[manager.IndexToNode(index)] for index in range(routing.Size())]
    for vehicle, (day, offset) in enumerate(zip(problem.days, offsets, strict=True)):
        if not day.has_lunch:
            continue
        lunch = routing.solver().FixedDurationIntervalVar(
            offset + minute_of_day(day.lunch_from),
            offset + minute_of_day(day.lunch_to) - day.lunch_minutes,
            day.lunch_minutes,
            False,
            f"lunch {vehicle}",
        )
        clock.SetBreakIntervalsOfVehicle([lunch], vehicle, visit_transits)
        if drives_whole:
            _keep_drives_whole(routing, manager, clock, lunch, vehicle, stays)

    parameters = pywrapcp.DefaultRoutingSearchParameters()
    parameters.first_solution_strategy = (
        routing_enums_pb2.FirstSolutionStrategy.LOCAL_CHEAPEST_INSERTION
    )
    parameters.local_search_metaheuristic = (
        routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    )
    parameters.time_limit.FromMilliseconds(int(time_limit_seconds * 1000))
    if solution_limit is not None:
        parameters.solution_limit = solution_limit
    if on_solution is not None:
        routing.AddAtSolutionCallback(on_solution)
    start = None
    if initial:
        node_of = {key: node for node, key in enumerate(places)}
        routes = [[manager.NodeToIndex(node_of[key]) for key in keys] for keys in initial]
        start = routing.ReadAssignmentFromRoutes(routes, True)
    if start is None:
        solution = routing.SolveWithParameters(parameters)
    else:
        solution = routing.SolveFromAssignmentWithParameters(start, parameters)
    if solution is None:  # pragma: no cover - dropping every site is always a solution
        logger.warning("OR-Tools found no route; every site is left unplaced")
        return []
    order = []
    for vehicle in range(len(problem.days)):
        keys = []
        index = solution.Value(routing.NextVar(routing.Start(vehicle)))
        while not routing.IsEnd(index):
            keys.append(places[manager.IndexToNode(index)])
            index = solution.Value(routing.NextVar(index))
        order.append(keys)
    return order


def _keep_drives_whole(routing, manager, clock, lunch, vehicle, stays) -> None:
    """Lunch falls before or after each drive of `vehicle`, never in the middle of it.

    For each place i the vehicle may leave (its start or a site), with the next arrival at
    cumul(i) + transit(i) + slack(i) and the drive taking transit(i) - stay(i): lunch ends
    before i's departure... or starts after the next arrival, or the drive fits wholly before
    it, or wholly after it.
    """
    solver = routing.solver()
    starts, ends = lunch.StartExpr(), lunch.EndExpr()
    indices = [routing.Start(vehicle)] + [
        index
        for index in range(routing.Size())
        if not routing.IsStart(index) and not routing.IsEnd(index)
    ]
    for index in indices:
        stay = stays[manager.IndexToNode(index)]
        cumul, transit, slack = (
            clock.CumulVar(index),
            clock.TransitVar(index),
            clock.SlackVar(index),
        )
        departure = cumul + stay
        arrival_next = cumul + transit + slack
        options = [
            solver.IsLessOrEqualVar(ends, cumul),  # lunch is over before this stop
            solver.IsGreaterOrEqualVar(starts, arrival_next),  # lunch after the next arrival
            solver.IsGreaterOrEqualVar(starts, cumul + transit),  # drive, then lunch
            solver.IsLessOrEqualVar(ends, departure + slack),  # lunch, then drive
        ]
        if not routing.IsStart(index):
            options.append(solver.IsDifferentCstVar(routing.VehicleVar(index), vehicle))
        solver.Add(solver.Sum(options) >= 1)
