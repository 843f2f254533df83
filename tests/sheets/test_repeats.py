"""A row given twice in one import is a fault on the later row naming the first, whatever the
key (a park, a county's project or parcel); rows of other keys are left alone."""

from dataclasses import dataclass
from enum import StrEnum

from guanmo.sheets.repeats import refuse_repeats
from guanmo.sheets.table import Row


class Column(StrEnum):
    NAME = "项目名称"


@dataclass
class Entry:
    row: Row
    county: str
    name: str


def _entry(number: int, county: str, name: str) -> Entry:
    return Entry(Row("台账", number, {}), county, name)


def test_a_key_given_again_is_a_fault_on_the_later_rows_naming_the_first():
    entries = [
        _entry(3, "温县", "冷链"),
        _entry(4, "武陟县", "冷链"),
        _entry(5, "温县", "冷链"),
        _entry(6, "温县", "冷链"),
    ]

    refuse_repeats(entries, lambda e: (e.county, e.name), Column.NAME, "是同一县区的同名项目")

    assert [[str(f) for f in e.row.faults] for e in entries] == [
        [],
        [],
        ["第5行「项目名称」：与第3行是同一县区的同名项目"],
        ["第6行「项目名称」：与第3行是同一县区的同名项目"],
    ]
