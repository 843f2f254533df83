"""URL cases for the permission walk, contributed by each app in a module of its own
(`tests/web/walk_<app>.py` with `walk(world) -> Walk`), so that apps add pages without editing
the walk itself."""

import importlib
import pkgutil
from dataclasses import dataclass, field
from pathlib import Path

Expected = dict[str, int]  # role → status


@dataclass
class Walk:
    pages: dict[str, tuple[str, Expected]] = field(default_factory=dict)  # GET: status per role
    actions: dict[str, tuple[str, Expected]] = field(default_factory=dict)  # POST: refusals
    public: dict[str, str] = field(default_factory=dict)  # open to strangers: name → URL
    tested_elsewhere: set[str] = field(default_factory=set)  # names with access tests of their own

    def merge(self, other: "Walk") -> "Walk":
        return Walk(
            {**self.pages, **other.pages},
            {**self.actions, **other.actions},
            {**self.public, **other.public},
            self.tested_elsewhere | other.tested_elsewhere,
        )


def contributed_walks(world) -> Walk:
    """Every `walk_*` module's cases for the test world, merged."""
    walk = Walk()
    for module in pkgutil.iter_modules([str(Path(__file__).parent)]):
        if module.name.startswith("walk_"):
            walk = walk.merge(importlib.import_module(f"tests.web.{module.name}").walk(world))
    return walk
