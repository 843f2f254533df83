"""`make bench` runs end to end at a small scale; timing itself is never asserted."""

import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

BENCH = Path(__file__).resolve().parents[2] / "bench"


def test_bench_prints_both_ratios_and_checks_the_totals_agree():
    completed = subprocess.run(
        [
            sys.executable,
            str(BENCH / "run.py"),
            "--projects",
            "120",
            "--counties",
            "4",
            "--repeat",
            "1",
            "--route-seconds",
            "0.2",
            "--route-sites",
            "12",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    assert "导入台账 import-ledger" in completed.stdout
    assert "12个月进度报表" in completed.stdout
    assert "观摩路线车程 0.2s/2s" in completed.stdout
    assert completed.stdout.count("×") >= 4


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
