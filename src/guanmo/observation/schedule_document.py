"""The tour's schedule as a printable official document: one table per day, with arrival,
stay, departure and distance for each site, and the lunch break in its place."""

from collections.abc import Mapping
from decimal import Decimal

from guanmo.documents.official import Letterhead, OfficialDocument
from guanmo.observation.models import Site, Tour
from guanmo.observation.schedule import Schedule

_HEADERS = ("序号", "时间", "观摩点", "县区", "停留", "路程")
_NUMERALS = "一二三四五六七"


def schedule_rows(schedule_day, sites: Mapping[str, Site]) -> list[list[str]]:
    """A day's lines: the departure, each stop (with lunch after the stop it follows), the
    return (and lunch after it, when the panel is back before noon)."""
    lunch = schedule_day.lunch
    rows = [["", f"{schedule_day.leave:%H:%M}", "出发", "", "", ""]]
    if lunch is not None and lunch.after is None:
        rows.append(_lunch_row(lunch))
    for number, stop in enumerate(schedule_day.stops, start=1):
        site = sites[stop.site]
        rows.append(
            [
                str(number),
                f"{stop.arrival:%H:%M}—{stop.departure:%H:%M}",
                site.project.name,
                site.project.county.name,
                f"{(stop.departure - stop.arrival).seconds // 60}分钟",
                _km(stop.distance_km),
            ]
        )
        if schedule_day.lunch_after_stop == stop.site:
            rows.append(_lunch_row(lunch))
    rows.append(
        ["", f"{schedule_day.back:%H:%M}", "返回", "", "", _km(schedule_day.back_distance_km)]
    )
    if schedule_day.lunch_after_return:
        rows.append(_lunch_row(lunch))
    return rows


def _km(distance: Decimal | None) -> str:
    return "—" if distance is None else f"{distance:f}公里"


def _lunch_row(lunch) -> list[str]:
    return ["", f"{lunch.start:%H:%M}—{lunch.end:%H:%M}", "午餐", "", "", ""]


def schedule_title(tour: Tour) -> str:
    return f"{tour.name}日程安排"


def schedule_document(
    tour: Tour, schedule: Schedule, sites: Mapping[str, Site], head: Letterhead
) -> bytes:
    """The schedule as .docx bytes under `head`: issued (numbered and dated) or a draft of the
    current route (unnumbered, undated), the same on every download of the same plan."""
    document = OfficialDocument(head, schedule_title(tour))
    placed = sum(len(day.stops) for day in schedule.days)
    document.body(
        f"本次观摩共{tour.days}天，安排观摩点{placed}个，自{tour.start_name}出发，"
        f"全程约{_km(schedule.distance_km)}。",
    )
    for number, day in enumerate(schedule.days, start=1):
        document.heading(
            f"{_NUMERALS[number - 1]}、第{number}天（{day.day.date.month}月{day.day.date.day}日）",
        )
        document.table(_HEADERS, schedule_rows(day, sites))
    if schedule.unplaced:
        names = "、".join(sites[key].project.name for key in schedule.unplaced)
        document.body(f"以下观摩点在日程内安排不下，需另行安排：{names}。")
    return document.finish()
