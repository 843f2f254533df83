"""Finding a sheet's header and knowing its columns by name, whatever the sheet calls them.

Which columns a sheet may have, and the words offices head them with, is a domain's
`Catalogue` (the ledger's is guanmo.ledger.columns.LEDGER_COLUMNS); everything here takes one.
A header is the first row (within the first 50) naming at least two known columns; a second
header row below it (or a group row above it) is merged in: a column's label is the lower
cell, else the upper one. Money columns are in 万元 unless the units line, the column's own
label or its group label says 亿元 or 元. A user may name columns (`Expected.mapping`).

Words in a header are facts (issue 9 §3): a year or period a header or title names is checked
against the import's, a column naming another year is set aside with a note, and a since-start
cumulative (开累) is a field of its own, never the year's.

The work is shared by the modules beside this one, imported from here as before:
header_words (what one cell says), header_model (Header, Expected), header_layout (rows into
columns), header_columns (each column's field, unit and parts) and header_facts (units lines,
titles and periods checked against the import).
"""

from collections.abc import Collection, Mapping, Sequence
from enum import StrEnum

from guanmo.sheets.header_columns import (
    MONTH_COLUMN,
    MONTH_COLUMNS_LAYOUT,
    read_columns,
)
from guanmo.sheets.header_facts import (
    NOTE_LINE,
    SheetPeriod,
    check_sheet_name,
    check_title,
    file_name_check,
    note_text,
    read_note_units,
    sheet_period,
)
from guanmo.sheets.header_layout import (
    cell_at,
    fold,
    is_sub_header,
    known_fields,
    row_labels,
    stacked,
)
from guanmo.sheets.header_model import (
    ColumnReading,
    Expected,
    Header,
)
from guanmo.sheets.header_words import (
    FORGET,
    IGNORE,
    Catalogue,
    Label,
    Periods,
    column_key,
    column_letter,
    field_named,
    months_text,
    parse_mapping,
    parse_pairs,
    period_named,
    read_label,
    spell_dates,
    spell_period,
    states_year,
)

# The names other modules import from here, wherever they now live.
__all__ = [
    "FORGET",
    "HEADER_SEARCH_ROWS",
    "IGNORE",
    "NOTE_LINE",
    "Catalogue",
    "ColumnReading",
    "Expected",
    "Header",
    "Label",
    "Periods",
    "SheetPeriod",
    "check_sheet_name",
    "check_title",
    "column_key",
    "column_letter",
    "field_named",
    "file_name_check",
    "find_header",
    "monthly_fault",
    "months_text",
    "note_text",
    "parse_mapping",
    "parse_pairs",
    "period_named",
    "read_label",
    "read_note_units",
    "sheet_period",
    "spell_dates",
    "spell_period",
    "states_year",
]

HEADER_SEARCH_ROWS = 50


def find_header(
    catalogue: Catalogue,
    rows: Sequence[Sequence[object]],
    expected: Expected | None = None,
    *,
    hidden_columns: Collection[int] = (),
    least: int = 2,
) -> Header | None:
    """The header among the first rows of a sheet (row 1 first), or None if there is none:
    the first row naming `least` known columns (two; one to say what a sheet whose header
    Guanmo cannot read does name).

    With `expected`, the words of the header and of the title above it are checked against
    the import's year and month (guanmo.sheets.header_facts), and the user's mapping
    names columns. Hidden columns are never read.
    """
    expected = expected or Expected()
    mapping = expected.mapping
    all_labels = [row_labels(catalogue, row) for row in rows[:HEADER_SEARCH_ROWS]]
    top = next(
        (
            i
            for i, labels in enumerate(all_labels)
            if len(known_fields(catalogue, labels) | _mapped(catalogue, labels, mapping)) >= least
            or _heads_two_rows(catalogue, labels, all_labels[i + 1 : i + 2])
            or _names_months(catalogue, labels)
        ),
        None,
    )
    if top is None:
        return None
    bottom = top
    if top + 1 < len(all_labels) and is_sub_header(catalogue, all_labels[top], all_labels[top + 1]):
        bottom = top + 1
    elif top > 0 and any(
        label and label.field and cell_at(rows[top], index) in (None, "")
        for index, label in enumerate(all_labels[top - 1])
    ):
        top -= 1
    upper = all_labels[top]
    # Group rows of any depth (tryout 4 L05, P09): the rows above the last are folded into one
    # upper row, each cell keeping the unit, year and period of the groups over it.
    while bottom > top and bottom + 1 < len(all_labels):
        folded = fold(catalogue, upper, all_labels[bottom])
        if not is_sub_header(catalogue, folded, all_labels[bottom + 1]):
            break
        upper, bottom = folded, bottom + 1
    header = read_columns(
        catalogue, rows, all_labels, top, bottom, expected, frozenset(hidden_columns), upper
    )
    check_title(header, rows[:top], expected)
    return header


def _heads_two_rows(
    catalogue: Catalogue, upper: Sequence[Label | None], below: Sequence[list[Label | None]]
) -> bool:
    """Whether a row naming one known column heads a two-row header with the row below: "序号 |
    项目名称 | 当月 | 1—7月累计" over "完成投资 | 形象进度 | 完成投资 | …" (a county's commonest
    sheet) names its other columns only in the groups' second row."""
    if (
        not known_fields(catalogue, upper)
        or not below
        or not is_sub_header(catalogue, upper, below[0])
    ):
        return False
    fields = {column.label.field for column in stacked(catalogue, upper, below[0], 0, 1)}
    return len(fields - {None, catalogue.serial}) >= 2


def _names_months(catalogue: Catalogue, labels: Sequence[Label | None]) -> bool:
    """Whether a row is a month-by-month progress header: an identity column and a column per
    month ("项目名称 | 1月 | 2月 | … | 11月"), whose months are its figures though no month is a
    field (tryout 10, P07: refused as no header at all)."""
    months = {
        int(match.group(1))
        for label in labels
        if label and (match := MONTH_COLUMN.match(column_key(label.text)))
    }
    return (
        catalogue.periods is not None
        and bool(known_fields(catalogue, labels) & set(catalogue.identity))
        and len(months) >= MONTH_COLUMNS_LAYOUT
    )


def _mapped(
    catalogue: Catalogue, labels: Sequence[Label | None], mapping: Mapping[str, StrEnum | None]
) -> set[StrEnum]:
    return {
        found
        for label in labels
        if label and (found := mapping.get(column_key(label.text))) and found != catalogue.serial
    }


def monthly_fault(header: Header) -> str:
    """Why a month-by-month sheet ("1月 | 2月 | … | 12月", a column per month's investment)
    cannot be read as one month's progress ("" when it is no such sheet, or is read for the
    import's month, `Header.report_month`): without a month, reading one of its months would
    drop the others."""
    if header.report_month or len(set(header.month_columns.values())) < MONTH_COLUMNS_LAYOUT:
        return ""
    indexes = sorted(header.month_columns)
    cells = f"{column_letter(indexes[0])}—{column_letter(indexes[-1])}列"
    return (
        f"这是逐月填报的表（1月…12月），{cells}每列是一个月的完成投资；月度进度按"
        "「本月完成投资」和「1—M月累计完成投资」两列导入，请改为这两列（累计为1月至本月之和）"
        "后再导入"
    )
