"""The main pages of a city of some 500 key projects, as Django's test client renders them.

The city is the demo city (`guanmo demo`'s generator: 焦作市's ten counties and two zones, a
year of progress shaped like real construction) with about `projects` key projects spread evenly
over its units, the demo people and periods (January–November approved and closed, December
open with the counties' drafts) and the demo indicators (18 indicators, 2024's and 2025's
monthly figures, 128 targets). The city office and the first county office are signed in
(`force_login`); each page is rendered once to warm up and count its SQL queries, then `repeat`
times, and its median is reported. The city office's dashboard builds the latest indicator
report on every load: that report alone is timed too, on the line below the pages.

Baseline: the one SQL query that reads the month's figures of all the city's key projects (plan,
cumulative completed, the latest earlier month for those not reporting), timed the same way.
No page listing the city can do with less; it grows with the city as the pages should, so a
page's ratio stays flat as the city grows unless the page queries per project or sorts
quadratically, which is the regression to catch. The issue's target is absolute ("well under
half a second"): the milliseconds are printed beside it.
"""

import statistics
import time
import unicodedata
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from unittest import mock

from django.db import connection
from django.test import Client

PAGE_TARGET_MS = 500
HOST = "localhost"  # one of the default GUANMO_ALLOWED_HOSTS

# WhiteNoise warns that nothing is collected; the bench serves no static files.
warnings.filterwarnings("ignore", message="No directory at")

FIGURES_SQL = """
SELECT p.id, p.name, r.name, p.stage, p.industry, a.planned_investment,
  COALESCE(m.cumulative_completed, (
    SELECT e.cumulative_completed FROM ledger_monthlyprogress e
    WHERE e.project_id = p.id AND e.year = %(year)s AND e.month < %(month)s
    ORDER BY e.month DESC LIMIT 1
  ), 0),
  m.id IS NOT NULL, p.latitude, p.longitude
FROM ledger_project p
JOIN regions_region r ON r.id = p.county_id
LEFT JOIN ledger_annualplan a ON a.project_id = p.id AND a.year = %(year)s
LEFT JOIN ledger_monthlyprogress m
  ON m.project_id = p.id AND m.year = %(year)s AND m.month = %(month)s
WHERE p.city_id = %(city)s
  AND EXISTS (SELECT 1 FROM ledger_keylistentry k WHERE k.project_id = p.id AND k.year = %(year)s)
ORDER BY r.sort_order, r.code, p.id
"""


@dataclass(frozen=True)
class Page:
    label: str
    path: str
    client: Client


@dataclass(frozen=True)
class PageTiming:
    label: str
    path: str
    milliseconds: float
    queries: int


@dataclass(frozen=True)
class PageReport:
    projects: int
    county: str
    repeat: int
    baseline_ms: float
    pages: list[PageTiming]


def build_city(projects: int):
    """The demo city with about `projects` key projects, its people and periods."""
    from guanmo.demo import city as demo_city
    from guanmo.demo.indicators import create_demo_indicators
    from guanmo.demo.people import create_demo_people, create_demo_periods
    from guanmo.regions.services import init_city, units_of

    units = len(units_of(init_city(demo_city.CITY_CODE, demo_city.ZONES)))
    # The demo generator makes a fixed number per unit; the bench chooses the city's size.
    with mock.patch.object(demo_city, "PROJECTS_PER_UNIT", max(1, round(projects / units))):
        summary = demo_city.build_demo_city()
    create_demo_people(summary.city)
    create_demo_periods(summary.city, demo_city.YEAR)
    create_demo_indicators(summary.city, demo_city.DEFAULT_SEED)
    return summary


def render(client: Client, path: str) -> None:
    """One page, read to its last byte (a file download included); anything but 200 stops."""
    response = client.get(path, secure=True)
    if response.status_code != 200:
        raise SystemExit(f"页面 {path} 返回 {response.status_code}")
    if response.streaming:
        b"".join(response.streaming_content)
    response.close()


def median_ms(repeat: int, action: Callable[[], object]) -> float:
    """The median of `repeat` timed runs of `action`, after one untimed run to warm up."""
    action()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


def queries_of(action: Callable[[], object]) -> int:
    """How many SQL statements `action` runs."""
    statements = []

    def counted(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counted):
        action()
    return len(statements)


def pages_to_render(city, county_user) -> list[Page]:
    """The pages the city office and a county office open most, with real ids and months."""
    from guanmo.accounts.models import Role, User
    from guanmo.demo.city import YEAR
    from guanmo.ledger.models import Project
    from guanmo.reporting.models import CountyReport, Period

    office = Client(HTTP_HOST=HOST)
    office.force_login(User.objects.get(role=Role.CITY_OFFICE, region=city))
    county = Client(HTTP_HOST=HOST)
    county.force_login(county_user)
    open_period = Period.objects.get(city=city, closed_at__isnull=True)
    closed = Period.objects.filter(city=city, closed_at__isnull=False).order_by("-month").first()
    report = CountyReport.objects.get(period=open_period, county=county_user.region)
    project = Project.objects.filter(city=city).order_by("id").first()
    return [
        Page("市 首页", "/", office),
        Page("市 预警", "/warnings/", office),
        Page("市 项目列表", "/projects/", office),
        Page("市 项目列表 筛选排序", "/projects/?stage=续建&sort=rate_asc&page=2", office),
        Page("市 项目导出 xlsx", "/projects/export.xlsx", office),
        Page("市 项目页", f"/projects/{project.pk}/", office),
        Page("市 地图点 GeoJSON", "/map/projects.geojson", office),
        Page("市 通报", f"/bulletins/{YEAR}/{closed.month}/", office),
        Page("市 填报期", f"/reporting/periods/{open_period.pk}/", office),
        Page("市 县区报表 审核", f"/reporting/reports/{report.pk}/", office),
        Page("县 首页", "/", county),
        Page("县 项目列表", "/projects/", county),
        Page("县 县区报表 填报", f"/reporting/reports/{report.pk}/", county),
    ]


def measure_pages(projects: int, repeat: int) -> PageReport:
    """Build the city, then time the figures query and every page."""
    from guanmo.accounts.models import Role, User
    from guanmo.indicators.report import latest_report
    from guanmo.progress.status import current_month

    summary = build_city(projects)
    county_user = User.objects.filter(role=Role.COUNTY_OFFICE).order_by("username").first()
    when = current_month(summary.city)

    def read_figures() -> list:
        with connection.cursor() as cursor:
            cursor.execute(
                FIGURES_SQL, {"year": when.year, "month": when.month, "city": summary.city.pk}
            )
            return cursor.fetchall()

    if len(read_figures()) != summary.projects:
        raise SystemExit("基线查询读到的项目数与城市的项目数不一致")
    baseline = median_ms(repeat, read_figures)
    timings = []
    for page in pages_to_render(summary.city, county_user):
        queries = queries_of(lambda page=page: render(page.client, page.path))
        milliseconds = median_ms(repeat, lambda page=page: render(page.client, page.path))
        timings.append(PageTiming(page.label, page.path, milliseconds, queries))

    def indicator_report() -> None:
        if latest_report(summary.city) is None:
            raise SystemExit("演示城市没有指标报告")

    timings.append(
        PageTiming(
            "其中：首页的指标报告",
            "latest_report(city)",
            median_ms(repeat, indicator_report),
            queries_of(indicator_report),
        )
    )
    return PageReport(summary.projects, county_user.region.name, repeat, baseline, timings)


def _pad(text: str, width: int) -> str:
    """`text` left-aligned in `width` terminal columns (a Chinese character takes two)."""
    columns = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - columns)


def print_pages(report: PageReport) -> bool:
    """The pages' table; whether every page met the target."""
    print(
        f"页面：{report.projects}个项目，市项目办与{report.county}项目办，"
        f"{report.repeat}次的中位数；基线为读取全市项目当月数字的一条SQL查询"
    )
    print(f"{_pad('页面', 24)}{'毫秒':>8}{'基线':>8}{'倍数':>8}{'查询':>6}  目标       结果")
    met_all = True
    for page in report.pages:
        ratio = page.milliseconds / report.baseline_ms
        met = page.milliseconds <= PAGE_TARGET_MS
        met_all &= met
        print(
            f"{_pad(page.label, 24)}{page.milliseconds:>10.1f}{report.baseline_ms:>10.1f}"
            f"{ratio:>9.1f}×{page.queries:>8}  ≤ {PAGE_TARGET_MS} ms  {'达标' if met else '未达标'}"
        )
    return met_all
