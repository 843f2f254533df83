"""The sheets offices sent (../shared/cases/sheets, beside the repository), found wherever the
checkout stands: GUANMO_SHEET_CASES, else the first `shared/cases/sheets` above this file, else
/work/shared/cases/sheets. A missing case fails the test that needs it: it is never skipped."""

import os
from pathlib import Path

import pytest

_FALLBACK = Path("/work/shared/cases/sheets")


def cases_dir() -> Path:
    if os.environ.get("GUANMO_SHEET_CASES"):
        return Path(os.environ["GUANMO_SHEET_CASES"])
    for parent in Path(__file__).resolve().parents:
        found = parent / "shared" / "cases" / "sheets"
        if found.is_dir():
            return found
    return _FALLBACK


def case_file(case: str, name: str) -> Path:
    """The file `name` of the case folder whose name starts with `case` ("C04")."""
    folders = sorted(cases_dir().glob(f"{case}_*"))
    if not folders or not (folders[0] / name).is_file():
        pytest.fail(f"找不到样例表格 {case}/{name}（在 {cases_dir()} 下）")
    return folders[0] / name
