"""An observation tour's days as plain data: the problem, the day plans, hand-made orders, checks.

A tour day runs from `start` to `end`. The panel sets off from the start point (`leave`),
visits its stops in order and comes back (`back`). A stop's `arrival` is when its stay
begins; its `departure` is the stay's end. Waiting is allowed: the panel may stand at a place
for a while (it does so only to wait for lunch, since sites have no opening hours here).

Lunch is taken on every day that visits a site and whose hours include the whole lunch window:
it lasts `lunch_minutes`, lies inside lunch_from..lunch_to, and is eaten at a place, never on
the road and never during a stay: at the start point before setting off, at a site before or
after its stay, or back at the start point. `Lunch.after` names the last stop before it (None
when it comes before the first stop).
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum
from itertools import pairwise

from guanmo.observation.travel import TravelTimes


def minute_of_day(moment: time) -> int:
    """Minutes since midnight (seconds are ignored)."""
    return moment.hour * 60 + moment.minute


def _hm(moment: time | datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


@dataclass(frozen=True)
class TourDay:
    date: date
    start: time = time(8)
    end: time = time(18)
    lunch_from: time = time(12)
    lunch_to: time = time(13, 30)
    lunch_minutes: int = 60

    def __post_init__(self):
        if self.start >= self.end:
            raise ValueError(f"{self.date}：结束时间应晚于开始时间")
        window = minute_of_day(self.lunch_to) - minute_of_day(self.lunch_from)
        if self.lunch_minutes < 0 or window < self.lunch_minutes:
            raise ValueError(
                f"{self.date}：午餐时段{window}分钟，容不下{self.lunch_minutes}分钟午餐"
            )

    @property
    def has_lunch(self) -> bool:
        """Lunch is taken when the day's hours include the whole lunch window."""
        return (
            self.lunch_minutes > 0 and self.start <= self.lunch_from and self.lunch_to <= self.end
        )

    def at(self, minute: int) -> datetime:
        """The moment `minute` minutes after this day's midnight."""
        return datetime.combine(self.date, time()) + timedelta(minutes=minute)


@dataclass(frozen=True)
class SiteToVisit:
    key: str
    stay_minutes: int = 20
    pinned_day: int | None = None  # index into the problem's days
    name: str = ""  # what messages call it; the key when blank
    county: str = ""  # whose hosts wait for the panel: its sites are visited in one block

    @property
    def label(self) -> str:
        return self.name or self.key


@dataclass(frozen=True)
class RouteProblem:
    start: str  # place key of the start point
    days: tuple[TourDay, ...]
    sites: tuple[SiteToVisit, ...]
    travel: TravelTimes
    start_name: str = "出发地"

    def __post_init__(self):
        if not self.days:
            raise ValueError("观摩至少要有一天")
        if any(later.date <= earlier.date for earlier, later in pairwise(self.days)):
            raise ValueError("观摩日期应按先后排列，且不重复")
        keys = Counter(site.key for site in self.sites)
        if doubled := [key for key, count in keys.items() if count > 1]:
            raise ValueError(f"点位重复：{'、'.join(doubled)}")
        if self.start in keys:
            raise ValueError(f"出发地「{self.start}」不能同时是观摩点位")
        for site in self.sites:
            if site.pinned_day is not None and not 0 <= site.pinned_day < len(self.days):
                raise ValueError(f"「{site.label}」限定的第{site.pinned_day + 1}天不在观摩日程内")
            if site.stay_minutes < 0:
                raise ValueError(f"「{site.label}」的停留时间不能为负数")

    def label(self, key: str | None) -> str:
        if key == self.start:
            return self.start_name
        site = next((site for site in self.sites if site.key == key), None)
        return site.label if site else str(key)


@dataclass(frozen=True)
class Stop:
    site: str
    arrival: datetime  # the stay begins
    departure: datetime  # the stay ends
    travel_minutes: int  # from the previous stop (or the start point)
    distance_km: Decimal | None  # None when the travel source gives no distances


@dataclass(frozen=True)
class Lunch:
    start: datetime
    end: datetime
    after: str | None  # the site after which lunch is taken; None = before the first


@dataclass(frozen=True)
class DayPlan:
    day: TourDay
    leave: datetime
    stops: tuple[Stop, ...]
    lunch: Lunch | None
    back: datetime
    back_travel_minutes: int
    back_distance_km: Decimal | None

    @property
    def travel_minutes(self) -> int:
        return sum(stop.travel_minutes for stop in self.stops) + self.back_travel_minutes

    @property
    def distance_km(self) -> Decimal | None:
        legs = [stop.distance_km for stop in self.stops] + [self.back_distance_km]
        return None if None in legs else sum(legs, Decimal(0))

    @property
    def lunch_after_return(self) -> bool:
        """Lunch is taken back at the start point: the day's visits ended before it."""
        return self.lunch is not None and self.lunch.start >= self.back

    @property
    def lunch_after_stop(self) -> str | None:
        """The site whose stay lunch follows on the road (None: before the first, after the
        return, or no lunch)."""
        return None if self.lunch is None or self.lunch_after_return else self.lunch.after


@dataclass(frozen=True)
class Schedule:
    days: tuple[DayPlan, ...]
    unplaced: tuple[str, ...]

    @property
    def travel_minutes(self) -> int:
        return sum(day.travel_minutes for day in self.days)

    @property
    def distance_km(self) -> Decimal | None:
        legs = [day.distance_km for day in self.days]
        return None if None in legs else sum(legs, Decimal(0))

    @property
    def order(self) -> tuple[tuple[str, ...], ...]:
        """The days' site orders: what `arrange` takes back after a hand adjustment."""
        return tuple(tuple(stop.site for stop in day.stops) for day in self.days)


def arrange(problem: RouteProblem, order: Sequence[Sequence[str]]) -> Schedule:
    """Times for the days' site orders, lunch placed where it delays the day least.

    Each day keeps the longest beginning of its order that fits in its hours; the sites from
    the first that does not fit onwards go to unplaced, as do sites placed on a day other than
    the one they are pinned to and sites in no day's order. Unplaced sites are listed in the
    problem's order. A day missing from `order` visits nothing.
    """
    sites = {site.key: site for site in problem.sites}
    if len(order) > len(problem.days):
        raise ValueError(f"行程有{len(order)}天，而观摩只有{len(problem.days)}天")
    seen = Counter(key for keys in order for key in keys)
    if unknown := [key for key in seen if key not in sites]:
        raise ValueError(f"不是本次观摩的点位：{'、'.join(unknown)}")
    if doubled := [key for key, count in seen.items() if count > 1]:
        raise ValueError(f"点位排了不止一次：{'、'.join(doubled)}")
    plans = []
    for index, day in enumerate(problem.days):
        keys = order[index] if index < len(order) else ()
        visits = [sites[key] for key in keys if sites[key].pinned_day in (None, index)]
        for count in range(len(visits), -1, -1):
            plan = plan_day(problem, day, visits[:count])
            if plan is not None:
                plans.append(plan)
                break
    placed = {stop.site for plan in plans for stop in plan.stops}
    unplaced = tuple(site.key for site in problem.sites if site.key not in placed)
    return Schedule(tuple(plans), unplaced)


class _Side(Enum):
    BEFORE_TRAVEL = "at the place left"  # lunch, then drive on
    AFTER_TRAVEL = "at the place reached"  # drive, then lunch


@dataclass(frozen=True)
class _Timeline:
    """A day in minutes after its midnight."""

    leave: int
    arrivals: tuple[int, ...]
    back: int
    lunch_start: int | None
    lunch_leg: int | None  # lunch is on the leg into stop `lunch_leg` (the last leg: back)


def plan_day(problem: RouteProblem, day: TourDay, visits: Sequence[SiteToVisit]) -> DayPlan | None:
    """The day visiting `visits` in order at the earliest times, or None when it cannot fit.

    Every place for lunch is tried; the one bringing the panel back soonest is kept (the
    earliest of equals).
    """
    places = [problem.start, *(visit.key for visit in visits), problem.start]
    legs = [problem.travel.minutes(a, b) for a, b in pairwise(places)]
    stays = [visit.stay_minutes for visit in visits]
    best = _earliest(day, legs, stays)
    if best is None or best.back > minute_of_day(day.end):
        return None
    stops = []
    for index, (visit, arrival) in enumerate(zip(visits, best.arrivals, strict=True)):
        stops.append(
            Stop(
                site=visit.key,
                arrival=day.at(arrival),
                departure=day.at(arrival + visit.stay_minutes),
                travel_minutes=legs[index],
                distance_km=problem.travel.km(places[index], visit.key),
            )
        )
    lunch = None
    if best.lunch_start is not None:
        lunch = Lunch(
            start=day.at(best.lunch_start),
            end=day.at(best.lunch_start + day.lunch_minutes),
            after=visits[best.lunch_leg - 1].key if best.lunch_leg else None,
        )
    return DayPlan(
        day=day,
        leave=day.at(best.leave),
        stops=tuple(stops),
        lunch=lunch,
        back=day.at(best.back),
        back_travel_minutes=legs[-1] if visits else 0,
        back_distance_km=problem.travel.km(places[-2], places[-1]) if visits else Decimal(0),
    )


def day_fits(day: TourDay, legs: Sequence[int], stays: Sequence[int]) -> bool:
    """Whether a day of these drives and stays (minutes: one more drive than stays, the last
    one back to the start point) fits in its hours with its lunch, as `plan_day` times it."""
    best = _earliest(day, legs, stays)
    return best is not None and best.back <= minute_of_day(day.end)


def _earliest(day: TourDay, legs: Sequence[int], stays: Sequence[int]) -> "_Timeline | None":
    """The timeline that brings the panel back soonest, every place for lunch tried (the
    earliest of equals); None when lunch fits nowhere."""
    if stays and day.has_lunch:
        options = [(leg, side) for leg in range(len(legs)) for side in _Side]
        timelines = [_timeline(day, legs, stays, option) for option in options]
        return min((t for t in timelines if t), key=lambda t: t.back, default=None)
    return _timeline(day, legs, stays, None)


def _timeline(day: TourDay, legs, stays, lunch: tuple[int, _Side] | None) -> _Timeline | None:
    """Earliest times with lunch on the given leg and side; None when lunch cannot start in time."""
    earliest_lunch = minute_of_day(day.lunch_from)
    latest_lunch = minute_of_day(day.lunch_to) - day.lunch_minutes
    clock = minute_of_day(day.start)
    leave = clock
    lunch_start = None
    arrivals = []
    back = clock
    for leg, travel in enumerate(legs):
        if lunch == (leg, _Side.BEFORE_TRAVEL):
            lunch_start = max(clock, earliest_lunch)
            clock = lunch_start + day.lunch_minutes
        if leg == 0:
            leave = clock
        clock += travel
        if leg == len(stays):
            back = clock
        if lunch == (leg, _Side.AFTER_TRAVEL):
            lunch_start = max(clock, earliest_lunch)
            clock = lunch_start + day.lunch_minutes
        if leg < len(stays):
            arrivals.append(clock)
            clock += stays[leg]
    if lunch_start is not None and lunch_start > latest_lunch:
        return None
    return _Timeline(leave, tuple(arrivals), back, lunch_start, lunch[0] if lunch else None)


def county_blocks(problem: RouteProblem, schedule: Schedule) -> dict[str, list[int]]:
    """Each county's blocks of consecutive stops, as the days (1-based) they fall on: a
    county visited in one block has one day; sites of no county are left out."""
    county = {site.key: site.county for site in problem.sites}
    blocks: dict[str, list[int]] = {}
    for number, plan in enumerate(schedule.days, start=1):
        previous = None
        for stop in plan.stops:
            here = county.get(stop.site, "")
            if here and here != previous:
                blocks.setdefault(here, []).append(number)
            previous = here
    return blocks


def split_counties(problem: RouteProblem, schedule: Schedule) -> list[str]:
    """What the planner says of each county it could not visit in one block, in Chinese:
    "解放区的观摩点未能在同一天连续安排，分3段（第1天2段、第2天）"."""
    said = []
    for county, days in county_blocks(problem, schedule).items():
        if len(days) < 2:
            continue
        counts = Counter(days)
        where = "、".join(
            f"第{day}天" + (f"{count}段" if count > 1 else "")
            for day, count in sorted(counts.items())
        )
        said.append(f"{county}的观摩点未能在同一天连续安排，分{len(days)}段（{where}）")
    return said


def validate_schedule(problem: RouteProblem, schedule: Schedule) -> list[str]:
    """Every rule the schedule breaks, in Chinese; [] when it keeps them all.

    Independent of how the schedule was made: it re-reads the travel times and checks each
    site once, pins, stays, travel, the day's hours and lunch.
    """
    faults = _placement_faults(problem, schedule)
    if len(schedule.days) != len(problem.days):
        faults.append(f"行程有{len(schedule.days)}天，而观摩安排的是{len(problem.days)}天")
    for index, (plan, day) in enumerate(zip(schedule.days, problem.days, strict=False)):
        label = f"第{index + 1}天"
        if plan.day != day:
            faults.append(f"{label}的日期或时段与观摩安排不符")
        faults += _timing_faults(problem, plan, label)
        faults += _lunch_faults(problem, plan, label)
    return faults


def _placement_faults(problem: RouteProblem, schedule: Schedule) -> list[str]:
    faults = []
    counts = Counter(stop.site for plan in schedule.days for stop in plan.stops)
    counts.update(schedule.unplaced)
    for site in problem.sites:
        if counts[site.key] == 0:
            faults.append(f"「{site.label}」既没有排入行程，也没有列为未安排")
        elif counts[site.key] > 1:
            faults.append(f"「{site.label}」出现了{counts[site.key]}次")
    known = {site.key: site for site in problem.sites}
    faults += [f"「{key}」不是本次观摩的点位" for key in counts if key not in known]
    for index, plan in enumerate(schedule.days):
        for stop in plan.stops:
            pinned = known[stop.site].pinned_day if stop.site in known else None
            if pinned is not None and pinned != index:
                faults.append(
                    f"「{problem.label(stop.site)}」限定在第{pinned + 1}天，却排在第{index + 1}天"
                )
    return faults


@dataclass(frozen=True)
class _Leg:
    """One drive of a day: set off from `origin` no earlier than `ready`, reach `to` by `reach`."""

    origin: str
    destination: str
    ready: datetime
    reach: datetime
    travel_minutes: int
    distance_km: Decimal | None


def _legs(problem: RouteProblem, plan: DayPlan) -> list[_Leg]:
    places = [problem.start, *(stop.site for stop in plan.stops), problem.start]
    ready = [plan.leave, *(stop.departure for stop in plan.stops)]
    reach = [*(stop.arrival for stop in plan.stops), plan.back]
    minutes = [*(stop.travel_minutes for stop in plan.stops), plan.back_travel_minutes]
    kilometres = [*(stop.distance_km for stop in plan.stops), plan.back_distance_km]
    return [
        _Leg(origin, destination, *figures)
        for (origin, destination), *figures in zip(
            pairwise(places), ready, reach, minutes, kilometres, strict=True
        )
    ]


def _timing_faults(problem: RouteProblem, plan: DayPlan, label: str) -> list[str]:
    if not plan.stops:
        return []
    faults = []
    day = plan.day
    if plan.leave < datetime.combine(day.date, day.start):
        faults.append(f"{label}出发时间{_hm(plan.leave)}早于当天开始时间{_hm(day.start)}")
    if plan.back > datetime.combine(day.date, day.end):
        faults.append(f"{label}返回时间{_hm(plan.back)}晚于当天结束时间{_hm(day.end)}")
    stays = {site.key: site.stay_minutes for site in problem.sites}
    for stop in plan.stops:
        stayed = _minutes_between(stop.arrival, stop.departure)
        if stop.site in stays and stayed != stays[stop.site]:
            faults.append(
                f"「{problem.label(stop.site)}」的停留时间应为{stays[stop.site]}分钟，"
                f"而安排的是{stayed}分钟"
            )
    for leg in _legs(problem, plan):
        origin, destination = problem.label(leg.origin), problem.label(leg.destination)
        travel = problem.travel.minutes(leg.origin, leg.destination)
        if leg.travel_minutes != travel:
            faults.append(
                f"「{origin}」到「{destination}」的车程应为{travel}分钟，"
                f"而记的是{leg.travel_minutes}分钟"
            )
        distance = problem.travel.km(leg.origin, leg.destination)
        if leg.distance_km != distance:
            faults.append(
                f"「{origin}」到「{destination}」的距离应为{_km(distance)}，"
                f"而记的是{_km(leg.distance_km)}"
            )
        if leg.reach < leg.ready + timedelta(minutes=travel):
            faults.append(
                f"{_hm(leg.ready)}从「{origin}」出发，车程{travel}分钟，"
                f"{_hm(leg.reach)}到不了「{destination}」"
            )
    return faults


def _lunch_faults(problem: RouteProblem, plan: DayPlan, label: str) -> list[str]:
    day, lunch = plan.day, plan.lunch
    if lunch is None:
        return [f"{label}没有安排午餐"] if plan.stops and day.has_lunch else []
    if not day.has_lunch:
        return [f"{label}的时段{_hm(day.start)}—{_hm(day.end)}不含午餐时间，不应安排午餐"]
    faults = []
    window = f"{_hm(day.lunch_from)}—{_hm(day.lunch_to)}"
    if lunch.start.date() != day.date or lunch.end.date() != day.date:
        faults.append(f"{label}的午餐不在当天（{day.date.month}月{day.date.day}日）")
    elif lunch.start.time() < day.lunch_from or lunch.end.time() > day.lunch_to:
        faults.append(f"{label}的午餐{_hm(lunch.start)}—{_hm(lunch.end)}不在{window}之内")
    length = _minutes_between(lunch.start, lunch.end)
    if length != day.lunch_minutes:
        faults.append(f"{label}的午餐应为{day.lunch_minutes}分钟，而安排的是{length}分钟")
    for stop in plan.stops:
        if lunch.start < stop.departure and stop.arrival < lunch.end:
            faults.append(f"{label}的午餐与「{problem.label(stop.site)}」的停留时间重叠")
    for leg in _legs(problem, plan):
        if not (lunch.start < leg.reach and leg.ready < lunch.end):
            continue
        travel = problem.travel.minutes(leg.origin, leg.destination)
        room_before = _minutes_between(leg.ready, lunch.start)
        room_after = _minutes_between(lunch.end, leg.reach)
        if travel > 0 and room_before < travel and room_after < travel:
            faults.append(
                f"{label}的午餐与「{problem.label(leg.origin)}」到"
                f"「{problem.label(leg.destination)}」的路程重叠"
            )
    earlier = [stop.site for stop in plan.stops if stop.departure <= lunch.start]
    expected = earlier[-1] if earlier else None
    if lunch.after != expected:
        faults.append(
            f"{label}的午餐应记在{_place_of_lunch(problem, expected)}，"
            f"而记的是{_place_of_lunch(problem, lunch.after)}"
        )
    return faults


def _place_of_lunch(problem: RouteProblem, after: str | None) -> str:
    return f"「{problem.label(after)}」之后" if after else "第一个点位之前"


def _km(distance: Decimal | None) -> str:
    return "未知" if distance is None else f"{distance}公里"


def _minutes_between(earlier: datetime, later: datetime) -> int:
    return int((later - earlier).total_seconds() // 60)
