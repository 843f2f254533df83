"""The sheets offices sent (../shared/cases/sheets, beside the repository), found wherever the
checkout stands: GUANMO_SHEET_CASES, else the first `shared/cases/sheets` above this file, else
/work/shared/cases/sheets. A missing case fails the test that needs it: it is never skipped."""

import os
from pathlib import Path

import pytest

_FALLBACK = Path("/work/shared/cases/sheets")


def cases_dir() -> Path:
    """The folder holding one folder per case (C01_…, C02_…)."""
    if os.environ.get("GUANMO_SHEET_CASES"):
        return Path(os.environ["GUANMO_SHEET_CASES"])
    for parent in Path(__file__).resolve().parents:
        found = parent / "shared" / "cases" / "sheets"
        if found.is_dir():
            return found
    return _FALLBACK


def case_file(case: str, name: str) -> Path:
    """The file of the case folder whose name starts with `case` ("C04"): the one named `name`,
    else the first (by name) whose name starts with `name` ("a_", "b_")."""
    folders = sorted(cases_dir().glob(f"{case}_*"))
    files = sorted(folders[0].iterdir()) if folders else []
    starting = [path for path in files if path.name == name] or [
        path for path in files if path.name.startswith(name)
    ]
    if not starting:
        pytest.fail(f"找不到样例表格 {case}/{name}（在 {cases_dir()} 下）")
    return starting[0]
