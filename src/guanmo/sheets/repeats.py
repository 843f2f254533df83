"""A row given twice in one import: the same key (a park, a county's project or parcel) on a
later row is a fault on that row naming the first."""

from collections.abc import Callable, Hashable, Iterable
from enum import StrEnum
from typing import Protocol, TypeVar

from guanmo.sheets.table import Row


class Entry(Protocol):
    row: Row


E = TypeVar("E", bound=Entry)


def refuse_repeats(
    entries: Iterable[E], key: Callable[[E], Hashable], column: StrEnum, said: str
) -> None:
    """Fault each entry whose `key` an earlier entry has, on `column`: 与第N行`said`."""
    first: dict[Hashable, Row] = {}
    for entry in entries:
        seen = first.setdefault(key(entry), entry.row)
        if seen is not entry.row:
            entry.row.fault(column, f"与第{seen.number}行{said}")
