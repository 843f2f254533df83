"""`make bench`: import and report speed on a province-scale ledger, as ratios to baselines.

Builds 20,000 projects over 180 counties in a throwaway SQLite database, then measures
  import: `import_ledger` of the ledger sheet, as .xlsx and as .xls (BIFF, written by xlwt)
          vs  openpyxl's read-only read of the same sheet as .xlsx (openpyxl reads no .xls);
  report: the 12 months' county totals        vs  one SQL aggregate query a month;
  indicators: the 12 months' indicator reports of 180 regions × 30 indicators (values, growth,
          ranks, rank changes, targets, sentences)  vs  one SQL aggregate query a month over
          the same values (see indicators.py);
  route:  an observation tour's travel minutes after a 10 s search  vs  after 100 s
          (60 generated sites over four days; `--route-seconds` shortens both, 0 skips it);
          and the sites left out and travel of a 120-site, six-day tour after a 10 s search
          (target: at most 9 left out);
  assessment: the robustness check of 180 units × 40 indicators, 1,000 Monte Carlo runs and the
          Sobol indices  vs  one deterministic scoring pass (bench/assessment.py; target < 100×);
  pages:  the main pages of a demo city of 500 key projects, median milliseconds  vs  the one
          SQL query reading its projects' figures (see pages.py; `--pages-projects 0` skips).
Each timing is the best of a few runs; the ratio is what matters, not the seconds. Pages are
the exception: the issue's target for them is absolute (≤ 500 ms), so both are printed.
"""

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

IMPORT_TARGET = 3.0
ASSESSMENT_TARGET = 100.0
REPORT_TARGET = 2.0
# The issue sets no target for the indicator report; the ratio is printed to follow it.
INDICATOR_TARGET = None
ROUTE_TARGET = 1.02
YEAR = 2025

REPORT_SQL = """
SELECT p.county_id, COUNT(*), SUM(a.planned_investment), SUM(m.cumulative_completed)
FROM ledger_project p
JOIN ledger_keylistentry k ON k.project_id = p.id AND k.year = %(year)s
LEFT JOIN ledger_annualplan a ON a.project_id = p.id AND a.year = %(year)s
LEFT JOIN ledger_monthlyprogress m
  ON m.project_id = p.id AND m.year = %(year)s AND m.month = %(month)s
WHERE p.city_id = %(city)s
GROUP BY p.county_id
"""


def best_of(repeat: int, action: Callable[[], object], before: Callable[[], object] = lambda: None):
    """The shortest of `repeat` timed runs of `action` (each after an untimed `before`)."""
    times = []
    for _ in range(repeat):
        before()
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def ledger_rows(county_names: list[str], projects: int, seed: int = 1) -> list[list[object]]:
    """A ledger sheet as cities keep them: title, units line, header, one row per project."""
    rng = random.Random(seed)
    rows: list[list[object]] = [
        [f"{YEAR}年重点项目台账"],
        ["单位：万元"],
        [
            "序号",
            "项目名称",
            "项目代码",
            "所在县区",
            "建设单位",
            "建设性质",
            "总投资",
            f"{YEAR}年计划投资",
            "责任单位",
            "包抓领导",
        ],
    ]
    for number in range(1, projects + 1):
        total = rng.randint(5000, 200000)
        rows.append(
            [
                number,
                f"样本项目{number:06d}",
                "",
                county_names[number % len(county_names)],
                f"样本建设单位{number % 97}",
                rng.choice(["新开工", "续建", "竣工", "前期"]),
                total,
                rng.randint(1000, total),
                "发展改革委",
                f"领导{number % 30}",
            ]
        )
    return rows


def write_ledger_sheet(path: Path, county_names: list[str], projects: int, seed: int = 1) -> None:
    """The ledger sheet as .xlsx (openpyxl, streamed)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("台账")
    for row in ledger_rows(county_names, projects, seed):
        sheet.append(row)
    workbook.save(path)


def write_ledger_xls(path: Path, county_names: list[str], projects: int, seed: int = 1) -> None:
    """The same ledger sheet as an Excel 97-2003 .xls (BIFF8), as xlwt and old systems write it."""
    import xlwt

    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("台账")
    for r, row in enumerate(ledger_rows(county_names, projects, seed)):
        for c, value in enumerate(row):
            if value != "":
                sheet.write(r, c, value)
    workbook.save(str(path))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=20000)
    parser.add_argument("--counties", type=int, default=180)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--route-seconds",
        type=float,
        default=10,
        help="the short route search (the baseline searches ten times as long); 0 skips it",
    )
    parser.add_argument("--route-sites", type=int, default=60)
    parser.add_argument(
        "--pages-projects",
        type=int,
        default=500,
        help="key projects of the city whose pages are rendered; 0 skips the pages",
    )
    parser.add_argument("--pages-repeat", type=int, default=5, help="renders of each page")
    parser.add_argument(
        "--assessment-runs",
        type=int,
        default=1000,
        help="Monte Carlo runs of the assessment's robustness check; 0 skips it",
    )
    parser.add_argument("--assessment-units", type=int, default=180)
    parser.add_argument("--assessment-indicators", type=int, default=40)
    options = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="guanmo-bench-"))
    os.environ["GUANMO_DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guanmo.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from openpyxl import load_workbook

    from guanmo.ledger.models import MonthlyProgress, Project
    from guanmo.ledger.services import import_ledger
    from guanmo.progress.selectors import region_totals
    from indicators import sample_city
    from pages import measure_pages, print_pages

    call_command("migrate", verbosity=0)
    # The pages' city first, so that its pages are timed over its own data alone.
    pages = (
        measure_pages(options.pages_projects, options.pages_repeat)
        if options.pages_projects
        else None
    )
    city, counties = sample_city("99", "基准市", "样本", options.counties)
    sheet = workdir / "ledger.xlsx"
    write_ledger_sheet(sheet, [c.name for c in counties], options.projects)
    old_sheet = workdir / "ledger.xls"
    write_ledger_xls(old_sheet, [c.name for c in counties], options.projects)
    print(f"基准：{options.projects}个项目，{options.counties}个县区，12个月（{workdir}）")

    def bare_read() -> None:
        workbook = load_workbook(sheet, read_only=True, data_only=True)
        for worksheet in workbook.worksheets:
            for _ in worksheet.iter_rows(values_only=True):
                pass
        workbook.close()

    def run_import(path: Path = sheet) -> None:
        report = import_ledger(path, city=city, year=YEAR)
        if not report.ok:
            raise SystemExit(f"导入失败：{report.faults[:3]}")
        if report.created != options.projects:
            raise SystemExit(f"导入了{report.created}个项目，应为{options.projects}个")

    def empty_ledger() -> None:
        Project.objects.filter(city=city).delete()

    read_seconds = best_of(options.repeat, bare_read)
    xls_seconds = best_of(options.repeat, lambda: run_import(old_sheet), before=empty_ledger)
    import_seconds = best_of(options.repeat, run_import, before=empty_ledger)

    rng = random.Random(2)
    with transaction.atomic():
        progress = []
        for project_id in Project.objects.filter(city=city).values_list("id", flat=True):
            cumulative = Decimal(0)
            for month in range(1, 13):
                amount = Decimal(rng.randint(0, 3000))
                cumulative += amount
                progress.append(
                    MonthlyProgress(
                        project_id=project_id,
                        year=YEAR,
                        month=month,
                        completed_this_month=amount,
                        cumulative_completed=cumulative,
                    )
                )
        MonthlyProgress.objects.bulk_create(progress, batch_size=5000)

    def bare_query() -> dict:
        totals = {}
        with connection.cursor() as cursor:
            for month in range(1, 13):
                cursor.execute(REPORT_SQL, {"year": YEAR, "month": month, "city": city.pk})
                totals[month] = cursor.fetchall()
        return totals

    def twelve_reports() -> dict:
        return {month: region_totals(city, YEAR, month) for month in range(1, 13)}

    query_seconds = best_of(options.repeat, bare_query)
    report_seconds = best_of(options.repeat, twelve_reports)

    names = {c.pk: c.name for c in counties}
    expected = {
        (month, names[county]): (count, Decimal(str(plan)), Decimal(str(done)))
        for month, rows in bare_query().items()
        for county, count, plan, done in rows
    }
    computed = {
        (month, t.region): (t.projects, t.annual_plan, t.completed)
        for month, totals in twelve_reports().items()
        for t in totals
        if t.projects
    }
    if expected != computed:
        print("错误：报表的县区合计与 SQL 聚合查询不一致", file=sys.stderr)
        return 1

    from indicators import aggregate, agrees, build_indicator_world, twelve_reports

    indicator_city, indicator_group = build_indicator_world()
    aggregate_seconds = best_of(options.repeat, lambda: aggregate(indicator_group.pk))
    indicator_seconds = best_of(options.repeat, lambda: twelve_reports(indicator_city))
    if not agrees(twelve_reports(indicator_city), aggregate(indicator_group.pk)):
        print("错误：指标报告的全组合计与 SQL 聚合查询不一致", file=sys.stderr)
        return 1

    missed = False
    rows = [
        ("导入台账 import-ledger", import_seconds, read_seconds, IMPORT_TARGET),
        ("导入台账 .xls", xls_seconds, read_seconds, IMPORT_TARGET),
        ("12个月进度报表", report_seconds, query_seconds, REPORT_TARGET),
        ("12个月指标报告 180×30", indicator_seconds, aggregate_seconds, INDICATOR_TARGET),
    ]
    if options.route_seconds > 0:
        from route import FULL_TOUR, FULL_TOUR_LEFT_OUT_AT_MOST, full_tour, route_lengths

        short, long = route_lengths(options.route_seconds, options.route_sites)
        print(
            f"观摩路线：{options.route_sites}个点位，搜索{options.route_seconds:g}秒与"
            f"{10 * options.route_seconds:g}秒，车程{short.travel_minutes}与"
            f"{long.travel_minutes}分钟，未安排{len(short.unplaced)}与{len(long.unplaced)}个"
        )
        label = f"观摩路线车程 {options.route_seconds:g}s/{10 * options.route_seconds:g}s"
        rows.append((label, short.travel_minutes, long.travel_minutes, ROUTE_TARGET))
        full = full_tour(options.route_seconds)
        sites, days = FULL_TOUR
        met = len(full.unplaced) <= FULL_TOUR_LEFT_OUT_AT_MOST
        print(
            f"观摩路线：{sites}个点位{days}天，搜索{options.route_seconds:g}秒，"
            f"未安排{len(full.unplaced)}个（目标不超过{FULL_TOUR_LEFT_OUT_AT_MOST}个，"
            f"{'达标' if met else '未达标'}），车程{full.travel_minutes}分钟"
        )
        missed |= not met
    if options.assessment_runs > 0:
        from assessment import measure

        robust, single = measure(
            options.assessment_runs,
            options.repeat,
            units=options.assessment_units,
            indicators=options.assessment_indicators,
        )
        print(
            f"综合考核：{options.assessment_units}个单位×{options.assessment_indicators}项指标，"
            f"稳健性检验{options.assessment_runs}次模拟（含Sobol指数）与一次计分"
        )
        label = f"综合考核稳健性 {options.assessment_runs}次"
        rows.append((label, robust, single, ASSESSMENT_TARGET))
    print(f"{'测量':<22}{'测得':>10}{'基线':>10}{'倍数':>8}{'目标':>8}  结果")
    for label, seconds, baseline, target in rows:
        ratio = seconds / baseline
        if target is None:
            print(f"{label:<22}{seconds:>10.3f}{baseline:>10.3f}{ratio:>7.2f}×{'—':>8}  只测量")
            continue
        met = ratio <= target
        missed |= not met
        verdict = "达标" if met else "未达标"
        print(
            f"{label:<22}{seconds:>10.3f}{baseline:>10.3f}{ratio:>7.2f}×{target:>7.2f}×  {verdict}"
        )
    print(
        "（导入与报表为耗时秒数，观摩路线为车程分钟数；"
        ".xls 导入的基线是 openpyxl 读同一表的 .xlsx。）"
    )
    if pages is not None:
        missed |= not print_pages(pages)
    if missed:
        print("注意：有测量未达到目标（基准只测量，不作为测试失败）。")
    connection.close()
    shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
