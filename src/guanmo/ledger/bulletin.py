"""The monthly bulletin's section on key projects' milestones and its ranking table's columns
by their curves (issue 14): 重点项目节点推进情况 (开工率, 竣工率, 入统 projects by unit, and the
projects taken off a key list in the month, with why), and 序时进度 (completion judged against
each project's own curve beside time progress m/12) beside each unit's rank, with the city's
sentence. Registered with `guanmo.progress.sections` when the app starts; the figures are
`ledger.milestones` and `ledger.curve`'s plain arithmetic."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from guanmo.figures.arithmetic import period_label
from guanmo.figures.formatting import rate, vs_pace_text, vs_time_progress
from guanmo.ledger.curve import CurveStanding, standing_by_curve
from guanmo.ledger.key_lists import entries_listed_in
from guanmo.ledger.milestones import MilestoneCounts, milestone_counts
from guanmo.ledger.models import KeyListEntry, Milestone
from guanmo.ledger.services.curves import curves_for, shape_for
from guanmo.ledger.services.milestones import milestones_by_project
from guanmo.progress.report import ProgressReport
from guanmo.progress.sections import BulletinSection, RankingColumns, SectionTable
from guanmo.progress.selectors import key_projects
from guanmo.regions.models import Region
from guanmo.regions.names import own_level, whole, with_unit
from guanmo.regions.services import units_of

MILESTONE_HEADERS = (
    "地区",
    "计划开工（个）",
    "已开工（个）",
    "开工率（%）",
    "计划竣工（个）",
    "已竣工（个）",
    "竣工率（%）",
    "新入统（个）",
)


@dataclass
class _Unit:
    name: str
    project_ids: list[int]


def _units(city: Region, county_of: dict[int, int]) -> list[_Unit]:
    """The city's units with their key projects, 市本级 after them when it has any, 全市 last
    (县本级 and 全县 at a county's installation: `regions.names`)."""
    by_county: dict[int, list[int]] = defaultdict(list)
    for project_id, county_id in county_of.items():
        by_county[county_id].append(project_id)
    units = [_Unit(unit.name, by_county.get(unit.pk, [])) for unit in units_of(city)]
    if by_county.get(city.pk):
        units.append(_Unit(own_level(city.name), by_county[city.pk]))
    return [*units, _Unit(whole(city.name), list(county_of))]


def milestone_section(city: Region, year: int, month: int) -> BulletinSection | None:
    """The section for a city keeping milestones of its key projects (None for one that keeps
    none and took no project off a list in the month). It counts the projects on the list in
    the month, as the ranking does: not one entering it later (`ledger.due`)."""
    projects = key_projects(city, year, month=month).due_to_report(year, month)
    county_of = dict(projects.values_list("pk", "county_id"))
    removed = list(
        KeyListEntry.objects.filter(
            project_id__in=list(county_of), removed_on__year=year, removed_on__month=month
        )
        .select_related("project__county")
        .order_by("removed_on", "project__county__sort_order", "project_id")
    )
    if not removed and not Milestone.objects.filter(project_id__in=list(county_of)).exists():
        return None
    milestones = milestones_by_project(county_of)
    rows = []
    for unit in _units(city, county_of):
        counts = milestone_counts((milestones[pk] for pk in unit.project_ids), year, month)
        if unit.name == whole(city.name):
            city_counts = counts
        elif not (counts.to_start or counts.to_complete or counts.enrolled):
            continue
        rows.append(_milestone_row(unit.name, counts))
    table = SectionTable(
        caption=f"{period_label(month)}各县（市、区）重点项目节点推进情况",
        headers=MILESTONE_HEADERS,
        rows=rows,
        rate_columns={3, 6},
    )
    sentences = [milestone_sentence(city_counts, month, whole(city.name))]
    if removed:
        staying = _staying(removed, year, month)
        sentences.append(removal_sentence(removed, city, month, staying=staying))
    return BulletinSection(heading="重点项目节点推进情况", sentences=sentences, table=table)


def _milestone_row(name: str, counts: MilestoneCounts) -> list[object]:
    return [
        name,
        counts.to_start,
        counts.started,
        counts.start_rate,
        counts.to_complete,
        counts.completed,
        counts.completion_rate,
        counts.enrolled,
    ]


def milestone_sentence(counts: MilestoneCounts, month: int, everywhere: str = "全市") -> str:
    """截至5月底，全市计划年内开工项目20个，已开工15个，开工率75.0%；计划年内竣工项目8个，已竣工
    2个，竣工率25.0%；1—5月新入统项目6个，其中5月2个。"""
    return (
        f"截至{month}月底，{everywhere}计划年内开工项目{counts.to_start}个，已开工{counts.started}个，"
        f"开工率{rate(counts.start_rate)}；计划年内竣工项目{counts.to_complete}个，"
        f"已竣工{counts.completed}个，竣工率{rate(counts.completion_rate)}；"
        f"{period_label(month)}新入统项目{counts.enrolled}个"
        + (f"，其中{month}月{counts.enrolled_in_month}个。" if month > 1 else "。")
    )


def _staying(removed: list[KeyListEntry], year: int, month: int) -> dict[int, str]:
    """Of the projects whose entries left a list in the month, those still on another list of
    the year after it (so still counted and ranked: `ledger.key_lists`), with that list's
    level as said (省重点), by project id."""
    still = KeyListEntry.objects.filter(
        entries_listed_in(year, month + 1), project_id__in=[e.project_id for e in removed]
    ).order_by("level")
    staying: dict[int, str] = {}
    for entry in still:
        staying.setdefault(entry.project_id, entry.get_level_display())
    return staying


def removal_sentence(
    entries: list[KeyListEntry],
    city: Region,
    month: int,
    *,
    staying: dict[int, str] | None = None,
) -> str:
    """5月调出重点项目名录项目2个：温县某项目（市重点，长期停工，无法按期建成）、…。 A project
    still on another list of the year (`staying`: project id → 省重点) is said to stay counted:
    （市重点，…；仍为省重点项目，继续计入项目个数和排名）."""
    staying = staying or {}

    def said(e: KeyListEntry) -> str:
        stays = e.project_id in staying
        kept = f"；仍为{staying[e.project_id]}项目，继续计入项目个数和排名" if stays else ""
        return f"（{e.get_level_display()}，{e.removal_reason}{kept}）"

    named = "、".join(
        with_unit(e.project.county.name, e.project.name, is_city=e.project.county_id == city.pk)
        + said(e)
        for e in entries
    )
    return f"{month}月调出重点项目名录项目{len(entries)}个：{named}。"


CURVE_HEADERS = ("序时进度（%）", "较序时进度（个百分点）")
CURVE_KEYS = ("curve_progress", "vs_curve")  # as the project page's standing names them


def curve_columns(city: Region, report: ProgressReport) -> RankingColumns | None:
    """序时进度 by the projects' curves, and the completion rate's gap to it in 个百分点, for each
    row of the ranking table, from the row's own plan and the completed it rates
    (`Figures.rated_completed`, so the rate is the table's):
    the plan due by the month's end by the curve of each project whose plan the unit counts
    (those listed and those taken off before the month: `ledger.key_lists`; not one entering
    the list after it, `ledger.due`), summed over the unit. With the city's sentence; None when
    no such key project has an annual plan."""
    year, month = report.period.year, report.period.month
    counted = key_projects(city, year, report.level).due_to_report(year, month)
    county_of = dict(counted.values_list("pk", "county_id"))
    curves = curves_for(county_of, year, shape_for(city, year))
    if not any(curves.values()):
        return None
    names = {unit.pk: unit.name for unit in units_of(city)} | {city.pk: own_level(city.name)}
    due: dict[str, Decimal] = defaultdict(Decimal)
    for pk, curve in curves.items():
        if curve is not None:
            due[names.get(county_of[pk], "")] += curve.node(month)
            due[report.total.region] += curve.node(month)
    standings = {
        figures.region: standing_by_curve(
            figures.rated_completed, figures.annual_plan, due.get(figures.region), month
        )
        for figures in [*report.regions, report.total]
    }
    return RankingColumns(
        headers=CURVE_HEADERS,
        by_region={
            region: (standing.curve_progress, standing.vs_curve)
            for region, standing in standings.items()
        },
        rate_columns={0},
        points_columns={1},
        sentences=[curve_sentence(standings[report.total.region], month, whole(city.name))],
        keys=CURVE_KEYS,
    )


def curve_sentence(standing: CurveStanding, month: int, everywhere: str = "全市") -> str:
    """全市重点项目1—5月完成投资占年度计划的41.0%，按时间进度（41.7%）计低于时间进度0.7个百分点；
    按各项目投资计划曲线，序时进度为38.2%，超序时进度2.8个百分点。 Exactly on the curve it is
    完成序时进度 (`formatting.vs_pace_text`, as targets say it), never 持平, which reads as
    "unchanged"."""
    return (
        f"{everywhere}重点项目{period_label(month)}完成投资占年度计划的{rate(standing.completion_rate)}，"
        f"按时间进度（{rate(standing.time_progress)}）计"
        f"{vs_time_progress(standing.vs_time_progress) or '无从比较'}；"
        f"按各项目投资计划曲线，序时进度为{rate(standing.curve_progress)}，"
        f"{vs_pace_text(standing.vs_curve) or '无从比较'}。"
    )
