"""`make bench` runs end to end at a small scale; timing itself is never asserted."""

import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

BENCH = Path(__file__).resolve().parents[2] / "bench"


def run_bench(*options: str) -> str:
    """What `bench/run.py` prints with these options; it must finish without an error."""
    completed = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), *options],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,  # a bound for a machine shared by several runs, not a speed asserted
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


def test_bench_prints_both_ratios_and_checks_the_totals_agree():
    printed = run_bench(
        *("--projects", "120", "--counties", "4", "--repeat", "1"),
        *("--route-seconds", "0.2", "--route-sites", "12", "--pages-projects", "0"),
        *("--assessment-runs", "50", "--assessment-units", "12", "--assessment-indicators", "5"),
    )
    assert "导入台账 import-ledger" in printed
    assert "导入台账 .xls" in printed
    assert "12个月进度报表" in printed
    assert "观摩路线车程 0.2s/2s" in printed
    assert "综合考核稳健性 50次" in printed
    assert printed.count("×") >= 6


PAGES = [
    "市 首页",
    "市 预警",
    "市 项目列表",
    "市 项目列表 筛选排序",
    "市 项目导出 xlsx",
    "市 项目页",
    "市 地图点 GeoJSON",
    "市 通报",
    "市 填报期",
    "市 县区报表 审核",
    "县 首页",
    "县 项目列表",
    "县 县区报表 填报",
    "其中：首页的指标报告",  # the city dashboard's part built on every load
]


def test_bench_renders_each_page_of_a_small_city_against_the_figures_query():
    printed = run_bench(
        *("--projects", "12", "--counties", "2", "--repeat", "1", "--route-seconds", "0"),
        *(
            "--assessment-runs",
            "0",
        ),
        *("--pages-projects", "24", "--pages-repeat", "1"),
    )
    assert "页面：24个项目，市项目办与解放区项目办" in printed
    page_lines = [line for line in printed.splitlines() if "≤ 500 ms" in line]
    assert [line.split("  ")[0].strip() for line in page_lines] == PAGES
    assert all("×" in line for line in page_lines)


def test_bench_sheet_reads_back_as_a_ledger(tmp_path):
    sys.path.insert(0, str(BENCH))
    try:
        from run import write_ledger_sheet
    finally:
        sys.path.remove(str(BENCH))
    path = tmp_path / "ledger.xlsx"
    write_ledger_sheet(path, ["甲县", "乙县"], 10)

    rows = list(load_workbook(path, read_only=True).active.iter_rows(values_only=True))
    assert rows[1] == ("单位：万元",)
    assert rows[2][:4] == ("序号", "项目名称", "项目代码", "所在县区")
    assert len(rows) == 13
    assert rows[3][1] == "样本项目000001"
