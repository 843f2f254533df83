"""A city's public ledger from the database, cached per city.

Only figures of closed months are read (closed by the rule every page follows,
`reporting.selectors.closed_months`; `MonthlyProgress` holds approved figures only), never a
report's draft; and a field the city
does not publish is left out here, where each record is made, so that nothing built from the
records can show it.
"""

from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.db.models import Max

from guanmo import clock
from guanmo.disclosure.models import DisclosureSettings
from guanmo.disclosure.records import OPTIONAL_SETTINGS, PublicLedger, PublicProject
from guanmo.figures.arithmetic import completion_rate
from guanmo.ledger.models import AnnualPlan, KeyListEntry, Level, MonthlyProgress, Project
from guanmo.progress.selectors import key_projects
from guanmo.regions.models import Region
from guanmo.regions.services import served_cities, units_of
from guanmo.reporting.selectors import closed_months, latest_closed_month

LEVEL_ORDER = {level: place for place, level in enumerate(Level.values)}


def public_ledger(city_code: str) -> PublicLedger | None:
    """The city's public ledger, from the cache or built afresh; None for no such city.

    Cached for GUANMO_PUBLIC_CACHE_SECONDS: a month closed or a figure corrected shows within
    that time; the city's own settings page forgets the entry at once.
    """
    if not (city_code.isdigit() and len(city_code) <= 16):
        return None
    key = _cache_key(city_code)
    ledger = cache.get(key)
    if ledger is None:
        city = served_cities().filter(code=city_code).first()
        if city is None:
            return None
        ledger = build_public_ledger(city)
        cache.set(key, ledger, settings.GUANMO_PUBLIC_CACHE_SECONDS)
    return ledger


def forget_public_ledger(city: Region) -> None:
    cache.delete(_cache_key(city.code))


def _cache_key(city_code: str) -> str:
    return f"disclosure:ledger:{city_code}"


def build_public_ledger(city: Region) -> PublicLedger:
    """The key projects in the ledger in the city's last closed month (one taken off the list
    before it is not published), with their figures as of that month (a project that did not
    report it shows its latest closed month; one entering the list after it, `ledger.due`,
    is not published yet). Before the city's first closed month nothing of the year is public,
    neither its projects nor their plans: the ledger of its latest list year is empty."""
    closed = latest_closed_month(city)
    options = DisclosureSettings.of(city)
    published = frozenset(name for name in OPTIONAL_SETTINGS if getattr(options, name))
    counties = tuple((unit.code, unit.name) for unit in units_of(city))
    if closed is None:
        return PublicLedger(
            city.code, city.name, _latest_list_year(city), None, published, counties, ()
        )
    year, month = closed
    projects = key_projects(city, year, month=month).due_to_report(year, month)
    plans = dict(
        AnnualPlan.objects.filter(project__in=projects, year=year).values_list(
            "project_id", "planned_investment"
        )
    )
    levels: dict[int, list[str]] = defaultdict(list)
    for project_id, level in KeyListEntry.objects.filter(
        project__in=projects, year=year
    ).values_list("project_id", "level"):
        levels[project_id].append(level)
    months = [month for _, month in closed_months(city, year)]
    latest: dict[int, MonthlyProgress] = {}
    for progress in MonthlyProgress.objects.filter(
        project__in=projects, year=year, month__in=months
    ).order_by("month"):
        latest[progress.project_id] = progress
    records = tuple(
        _record(
            project,
            plan=plans.get(project.pk),
            progress=latest.get(project.pk),
            levels=sorted(levels[project.pk], key=LEVEL_ORDER.__getitem__),
            published=published,
        )
        for project in projects.select_related("county", "commissioner", "leader").order_by(
            "county__sort_order", "county__code", "id"
        )
    )
    return PublicLedger(
        city_code=city.code,
        city_name=city.name,
        year=year,
        month=month,
        published=published,
        counties=counties,
        projects=records,
    )


def _latest_list_year(city: Region) -> int:
    year = KeyListEntry.objects.filter(project__city=city).aggregate(year=Max("year"))["year"]
    return year or clock.today().year


def _record(
    project: Project,
    *,
    plan: Decimal | None,
    progress: MonthlyProgress | None,
    levels: list[str],
    published: frozenset[str],
) -> PublicProject:
    def when(setting: str, value):
        return value if setting in published else None

    completed = progress.cumulative_completed if progress else None
    commissioner = project.commissioner
    leader = project.leader
    return PublicProject(
        id=project.pk,
        name=project.name,
        county=project.county.name,
        county_code=project.county.code,
        levels=tuple(levels),
        stage=project.stage,
        industry=project.industry,
        scope=project.scope,
        owner=project.owner,
        responsible_unit=project.responsible_unit,
        annual_plan=plan,
        completed=completed,
        completion_rate=None if completed is None else completion_rate(completed, plan),
        month=progress.month if progress else None,
        commissioner=commissioner.get_full_name() if commissioner else project.site_commissioner,
        code=when("show_code", project.code),
        total_investment=when("show_total_investment", project.total_investment),
        location=when("show_location", project.location),
        latitude=when("show_location", project.latitude),
        longitude=when("show_location", project.longitude),
        leader_in_charge=when(
            "show_leader_in_charge",
            project.leader_in_charge or (leader.get_full_name() if leader else ""),
        ),
        commissioner_phone=when(
            "show_commissioner_phone", commissioner.phone if commissioner else ""
        ),
        visible_progress=when(
            "show_visible_progress", progress.visible_progress if progress else ""
        ),
        problems=when("show_problems", progress.problems if progress else ""),
    )
