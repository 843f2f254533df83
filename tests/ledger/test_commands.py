"""The commands: thin edges that print every fault (exit status 1) or the notes and a summary."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from guanmo.ledger.models import MonthlyProgress, Project
from tests.ledger.sheets import ledger_xlsx, progress_xlsx

GUANMO = Path(sys.executable).with_name("guanmo")


def save(file, path: Path) -> Path:
    path.write_bytes(file.getvalue())
    return path


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def good_ledger(tmp_path):
    return save(
        ledger_xlsx(
            [1, "甲项目", None, "温县", None, None, None, 1000, 300],
            [2, "乙项目", None, "武陟县", None, None, None, 500, 100],
            [None, "合计", None, None, None, None, None, 1500, 999],
        ),
        tmp_path / "ledger.xlsx",
    )


def test_import_ledger_prints_notes_and_a_summary(city, good_ledger):
    out, _ = run("import-ledger", str(good_ledger), "--year", "2025")
    lines = out.splitlines()
    assert lines[:3] == [
        "文件：ledger.xlsx",
        "读取工作表：Sheet1；读取2行",
        "新增2个项目，更新0个项目，无变化0个项目",
    ]
    assert "  年度计划投资 ← 2025年计划投资（示例：300万元，单位：万元）" in lines
    assert "  （未读取）← 序号（本次导入不读取序号）" in lines
    assert lines[-3:] == [
        "说明：",
        "  工作表「Sheet1」第6行合计与各项目之和不符："
        "列I「2025年计划投资」合计999万元，各项目之和400万元",
        "导入完成：新增2个项目，更新0个项目。",
    ]
    assert Project.objects.count() == 2


def test_import_ledger_dry_run_writes_nothing(city, good_ledger):
    out, _ = run("import-ledger", str(good_ledger), "--year", "2025", "--dry-run")
    assert out.splitlines()[-1] == "检查通过（试运行，未写入）：将新增2个项目，更新0个项目。"
    assert not Project.objects.exists()


def test_import_ledger_prints_every_fault_and_fails(city, tmp_path):
    bad = save(
        ledger_xlsx(
            [1, None, None, "温县", None, None, None, 1000, 300],
            [2, "乙项目", None, "武陟县", None, None, None, 500, -1],
        ),
        tmp_path / "bad.xlsx",
    )
    err = StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("import-ledger", str(bad), "--year", "2025", "--city", "410800", stderr=err)
    assert str(failure.value) == "发现2处错误，未写入任何数据。"
    assert err.getvalue().splitlines()[:3] == [
        "工作表「Sheet1」第4行「项目名称」：不能为空",
        "工作表「Sheet1」第5行「年度计划投资」：不能为负数",
        "文件：bad.xlsx",
    ]


def test_import_progress_and_export_ledger(city, good_ledger, tmp_path):
    run("import-ledger", str(good_ledger), "--year", "2025", "--level", "省")
    sheet = save(progress_xlsx([1, "甲项目", "温县", 10, 10, "开工"]), tmp_path / "april.xlsx")

    out, _ = run(
        "import-progress", str(sheet), "--year", "2025", "--month", "4", "--county", "温县"
    )
    assert out.splitlines()[-1] == "导入完成：新增1条月度进度，更新0条月度进度。"
    assert MonthlyProgress.objects.get().cumulative_completed == 10

    exported = tmp_path / "out.xlsx"
    out, _ = run("export-ledger", "--year", "2025", "--level", "省", "-o", str(exported))
    assert out.strip() == f"已导出2个项目到 {exported}"
    assert exported.exists()


def test_import_progress_refuses_a_month_outside_the_year(city, good_ledger):
    with pytest.raises(CommandError, match="月份应在1到12之间，而不是13"):
        run("import-progress", str(good_ledger), "--year", "2025", "--month", "13")


def test_commands_name_a_city_that_is_not_there(db, good_ledger):
    with pytest.raises(CommandError, match="尚未建立城市"):
        run("import-ledger", str(good_ledger), "--year", "2025")


def test_a_failed_import_exits_with_status_one(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GUANMO_", "DJANGO_"))}
    env["GUANMO_DATABASE_URL"] = f"sqlite:///{tmp_path / 'guanmo.sqlite3'}"
    for command in (["migrate", "-v0"], ["init-city", "410800"]):
        subprocess.run([str(GUANMO), *command], cwd=tmp_path, env=env, check=True)
    bad = save(
        ledger_xlsx([1, "甲项目", None, "郑州市", None, None, None, 1, 1]), tmp_path / "b.xlsx"
    )

    done = subprocess.run(
        [str(GUANMO), "import-ledger", str(bad), "--year", "2025"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 1
    assert (
        "第4行「所在县区」：郑州市不是焦作市的县区或园区（焦作市的县区：解放区、中站区、马村区、山阳区、修武县、博爱县、武陟县、温县、沁阳市、孟州市）"
        in done.stderr
    )
