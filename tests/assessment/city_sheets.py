"""Values sheets for the test city (tests/world.py, 焦作市): a cycle assessed with a city must
list every one of its units (issue 13), so a test assessing a few of them lists the rest as
不参评 (exempt)."""

from pathlib import Path

from openpyxl import Workbook, load_workbook

from guanmo.regions.models import Region
from guanmo.regions.services import units_of

EXEMPT = "不参评"


def listing_the_rest(path: Path, city: Region) -> Path:
    """The values sheet at `path` (title, header, rows; unit in the first column that names
    one) with every unit of `city` it leaves out added as a row marked 不参评, saved in place."""
    rows = [list(row) for row in load_workbook(path).active.iter_rows(values_only=True)]
    header = rows[1]
    if EXEMPT not in header:
        header.append(EXEMPT)
        for row in rows[2:]:
            row.append(None)
    unit_column = next(i for i, word in enumerate(header) if word in ("县区", "单位"))
    listed = {row[unit_column] for row in rows[2:]}
    for unit in units_of(city):
        if unit.name not in listed:
            row = [None] * len(header)
            row[unit_column] = unit.name
            row[header.index(EXEMPT)] = "是"
            rows.append(row)
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path
