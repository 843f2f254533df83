"""The ground floor (guanmo.sheets, guanmo.figures) imports no domain app.

Source: the brief's ground-floor rule and issue 9 — sheet reading and figures serve every
domain, so a domain's words (the ledger's stages, the indicators' columns) live in that domain.
Every import statement is read from the source with ast, including imports inside functions.
"""

import ast
from pathlib import Path

import pytest

import guanmo

GROUND_FLOOR = ("sheets", "figures")
DOMAIN_APPS = frozenset(
    {
        "ledger",
        "reporting",
        "progress",
        "observation",
        "supervision",
        "indicators",
        "assessment",
        "disclosure",
        "documents",
    }
)


def domain_imports(source: str, package: str) -> list[str]:
    """The guanmo domain modules `source` imports, as dotted names (relative ones resolved
    against `package`, e.g. "guanmo.sheets")."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            names = [f"{base}.{alias.name}" for alias in node.names]  # module or member
        else:
            continue
        for name in names:
            parts = name.split(".")
            if len(parts) > 1 and parts[0] == "guanmo" and parts[1] in DOMAIN_APPS:
                found.append(name)
    return found


def ground_floor_modules() -> list[tuple[str, Path]]:
    """(package, path) for every module under guanmo.sheets and guanmo.figures."""
    root = Path(guanmo.__file__).parent
    return [
        (".".join(["guanmo", *path.relative_to(root).parent.parts]), path)
        for floor in GROUND_FLOOR
        for path in sorted((root / floor).rglob("*.py"))
    ]


def test_the_ground_floor_has_modules_to_check():
    packages = {package for package, _ in ground_floor_modules()}
    assert {"guanmo.sheets", "guanmo.figures"} <= packages


@pytest.mark.parametrize(
    ("package", "path"), ground_floor_modules(), ids=lambda value: getattr(value, "name", "")
)
def test_ground_floor_module_imports_no_domain_app(package, path):
    assert domain_imports(path.read_text(encoding="utf-8"), package) == []


@pytest.mark.parametrize(
    "source",
    [
        "from guanmo.ledger.models import Stage",
        "import guanmo.reporting.services",
        "from guanmo import indicators",
        "from .. import ledger",
        "from ..progress.models import MonthFigure",
        "def read():\n    from guanmo.documents import xlsx\n",
    ],
)
def test_every_spelling_of_a_domain_import_is_caught(source):
    assert domain_imports(source, "guanmo.sheets")


def test_ground_floor_imports_among_themselves_are_allowed():
    source = "from guanmo.sheets import cells\nfrom guanmo.figures import formatting\n"
    source += "from guanmo.regions.names import clean_text\nfrom . import header\n"
    assert domain_imports(source, "guanmo.sheets") == []
