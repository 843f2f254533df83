"""Where the shared sheet cases live: ../shared/cases/sheets beside the repository, as CI
clones them; in a worktree elsewhere, the first `shared/cases` found upwards, then
$GUANMO_CASES_DIR, then /work/shared/cases."""

import os
from pathlib import Path

_REPOSITORY = Path(__file__).resolve().parents[1]


def cases_dir() -> Path:
    """The `cases` directory (holding `sheets/`)."""
    if configured := os.environ.get("GUANMO_CASES_DIR"):
        return Path(configured)
    for folder in [_REPOSITORY, *_REPOSITORY.parents]:
        if (found := folder / "shared" / "cases").is_dir():
            return found
    return Path("/work/shared/cases")


def sheet_case(folder: str, name: str) -> Path:
    """One case file, e.g. sheet_case("C13_observation_score_sheets", "a_….xlsx")."""
    return cases_dir() / "sheets" / folder / name
