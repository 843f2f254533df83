"""`guanmo import-park-figures`: loading the city's parks' own figures for a period (园区主要指标,
issue 14 "Parks"), one row per park, through the ledger's sheet reading (guanmo.sheets).

All or nothing: every fault names its sheet, row and column in Chinese, and with any fault
nothing is written. A blank cell is not read and leaves what is stored alone (never 0). Rows
are matched to the city's parks by name. Checks: the park is one of the city's parks, named
once; the period's month is the one `--month` gives or the title names ("2025年1—6月…"), and
they agree; counts are whole numbers, figures not negative; the leading industries' revenue is
not above 主营业务收入; a target share is a percentage; an area states its unit. Every change
is kept in the park's history with the import's record (reporting.ImportRecord).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from guanmo.accounts.models import User
from guanmo.attraction.models import ParkFigures
from guanmo.attraction.park_columns import COUNT_COLUMNS, PARK_COLUMNS, ParkColumn
from guanmo.attraction.park_services import save_park_figures
from guanmo.attraction.places import unit_named
from guanmo.attraction.selectors import parks_of
from guanmo.figures.arithmetic import period_label
from guanmo.regions.models import Region
from guanmo.reporting.history import Source as ChangeSource
from guanmo.reporting.imports import Outcome, outcome_of, write_all_or_nothing
from guanmo.reporting.models import ImportRecord
from guanmo.sheets.cells import decimal_places, format_wan
from guanmo.sheets.faults import ImportReport, SheetFault, row_place
from guanmo.sheets.header import Expected, read_label
from guanmo.sheets.measures import unit_stated
from guanmo.sheets.repeats import refuse_repeats
from guanmo.sheets.table import Row, Table
from guanmo.sheets.workbook import SheetSpec, Source, begin_import, import_reason

# What the report counts: a park's figures of the period, not parks (tryout 22: 「新增1个园区」
# for an existing park's first figures read as if a park had been created).
SUBJECT = "个园区的本期数据"
PARK_SHEET = SheetSpec(
    PARK_COLUMNS,
    used=frozenset(ParkColumn) - {ParkColumn.SERIAL},
    required=((ParkColumn.PARK,),),
)
# Each area column: the figure it gives and its factor into 平方公里.
_AREAS = {
    ParkColumn.PLANNED_AREA: ("planned_area", Decimal(1)),
    ParkColumn.PLANNED_AREA_HECTARES: ("planned_area", Decimal("0.01")),
    ParkColumn.PLANNED_AREA_MU: ("planned_area", Decimal(1) / Decimal(1500)),
    ParkColumn.BUILT_AREA: ("built_area", Decimal(1)),
    ParkColumn.BUILT_AREA_HECTARES: ("built_area", Decimal("0.01")),
    ParkColumn.BUILT_AREA_MU: ("built_area", Decimal(1) / Decimal(1500)),
    # headed without a unit that a units line states: converted by guanmo.sheets.measures
    ParkColumn.PLANNED_AREA_UNSTATED: ("planned_area", Decimal(1)),
    ParkColumn.BUILT_AREA_UNSTATED: ("built_area", Decimal(1)),
}
_UNSTATED = (ParkColumn.PLANNED_AREA_UNSTATED, ParkColumn.BUILT_AREA_UNSTATED)
# What the report says of an area column converted into 平方公里.
_CONVERTED = {
    **dict.fromkeys(
        (ParkColumn.PLANNED_AREA_HECTARES, ParkColumn.BUILT_AREA_HECTARES),
        "已换算为平方公里（1公顷=0.01平方公里）",
    ),
    **dict.fromkeys(
        (ParkColumn.PLANNED_AREA_MU, ParkColumn.BUILT_AREA_MU),
        "已换算为平方公里（1平方公里=1500亩）",
    ),
}
# Cells copied onto the figures: column → attribute.
_COPIED = {
    ParkColumn.REVENUE: "revenue",
    ParkColumn.LEADING_INDUSTRIES: "leading_industries",
    ParkColumn.LEADING_REVENUE: "leading_revenue",
    ParkColumn.LEADING_SHARE_TARGET: "leading_share_target",
    ParkColumn.ENTERPRISES_ABOVE_SIZE: "enterprises_above_size",
    ParkColumn.HIGH_TECH_ENTERPRISES: "high_tech_enterprises",
    ParkColumn.SERVICE_PLATFORMS: "service_platforms",
    ParkColumn.EMPLOYEES: "employees",
}
AREA_PLACES = ParkFigures._meta.get_field("planned_area").decimal_places
TEXT_LIMIT = ParkFigures._meta.get_field("leading_industries").max_length


@dataclass
class _Entry:
    row: Row
    park: Region
    values: dict = field(default_factory=dict)  # attribute → value given
    notes: list[str] = field(default_factory=list)  # the park's name read otherwise than in full


def import_park_figures(
    source: Source,
    *,
    city: Region,
    year: int,
    month: int | None = None,
    dry_run: bool = False,
    user: User | None = None,
    file_name: str = "",
) -> ImportReport:
    """Load the parks' figures of `year` up to a month (`month`, else the title's) for `city`.
    Returns the report: with faults nothing was written; with `dry_run` nothing either, but the
    counts are what it would do. Raises ValueError for a month outside 1—12."""
    reading, report = begin_import(
        source,
        PARK_SHEET,
        Expected(year=year),
        subject=SUBJECT,
        dry_run=dry_run,
        file_name=file_name,
        month=month,
    )
    if not report.ok:
        return report
    parks = parks_of(city)
    months: set[int] = set()
    entries: list[_Entry] = []
    for table in reading.tables:
        found = _period_month(table, month)
        if isinstance(found, SheetFault):
            table.faults.append(found)
        else:
            months.add(found)
        _unstated_areas(table)
        entries += [entry for row in table.rows if (entry := _entry(row, parks)) is not None]
    refuse_repeats(
        entries, lambda entry: entry.park.pk, ParkColumn.PARK, "是同一园区；每个园区只能填一行"
    )
    report.faults = [fault for row in reading.rows for fault in row.faults]
    report.faults += [fault for table in reading.tables for fault in table.faults]
    if len(months) > 1:
        said = "、".join(f"{each}月" for each in sorted(months))
        report.faults.append(
            SheetFault("", None, None, f"各工作表的截至月份不一致（{said}），请分别导入")
        )
    if not report.ok:
        return report
    period_month = months.pop()
    report.notes.append(f"园区主要指标按{year}年{period_label(period_month)}读取")
    for table in reading.tables:  # tryout 22: 建成面积（公顷） converted with no word said
        for column in table.header.fields:
            if column in _CONVERTED:
                report.notes.append(f"工作表「{table.sheet}」{column.value}{_CONVERTED[column]}")
    report.notes += [note for entry in entries for note in _notes(entry)]

    def save(entry: _Entry, record: ImportRecord | None) -> Outcome:
        saved = save_park_figures(
            entry.park,
            year,
            period_month,
            entry.values,
            source=ChangeSource.IMPORT,
            user=user,
            reason=import_reason(report.file or source),
            import_record=record,
        )
        report.notes += saved.notes
        return outcome_of(saved.created, saved.changes)

    write_all_or_nothing(
        report, entries, save, city=city, kind=ImportRecord.Kind.PARK_FIGURES, user=user
    )
    return report


def _period_month(table: Table, month: int | None) -> int | SheetFault:
    """The month the table's figures run to: `month`, else the title's; a fault when nothing
    says, or when the title says another month than `month`."""
    label = read_label(PARK_COLUMNS, table.title) if table.title else None
    titled = label.months[1] if label is not None and label.months else None
    row = table.header.rows[0]
    if month is not None and titled is not None and titled != month:
        return SheetFault(
            table.sheet,
            row,
            None,
            f"标题写的是截至{titled}月，与导入时指定的{month}月不一致",
        )
    if month is not None:
        return month
    if titled is not None:
        return titled
    return SheetFault(
        table.sheet,
        row,
        None,
        "未写明数字截至哪个月；请在标题写明（如“2025年1—6月园区主要指标”）或导入时用 --month 指定",
    )


def _unstated_areas(table: Table) -> None:
    """An area headed without its unit is refused: 平方公里, 公顷 and 亩 differ a thousandfold."""
    for column in _UNSTATED:
        if column in table.header.fields and not unit_stated(table.header, column):
            table.faults.append(
                SheetFault(
                    table.sheet,
                    table.header.rows[0],
                    column.value,
                    "面积未写明单位；请在表头写明平方公里、公顷或亩，如“规划面积（平方公里）”",
                )
            )


def _entry(row: Row, parks: list[Region]) -> _Entry | None:
    named: list[str] = []
    park = unit_named(row, ParkColumn.PARK, parks, named, parks_only=True)
    if park is None:
        if not row.failed(ParkColumn.PARK):
            row.fault(ParkColumn.PARK, "不能为空")
        return None
    entry = _Entry(row, park, notes=named)
    values = row.values
    for column, attribute in _COPIED.items():
        value = values.get(column)
        if value in (None, ""):
            continue
        if column in COUNT_COLUMNS and value != value.to_integral():
            row.fault(column, f"应为整数，而不是{format_wan(value)}")
            continue
        if isinstance(value, Decimal) and value < 0:
            row.fault(column, "不能为负数")
            continue
        entry.values[attribute] = int(value) if column in COUNT_COLUMNS else value
    if len(entry.values.get("leading_industries", "")) > TEXT_LIMIT:
        row.fault(ParkColumn.LEADING_INDUSTRIES, f"不能超过{TEXT_LIMIT}个字")
    target = entry.values.get("leading_share_target")
    if target is not None and target > 100:
        row.fault(ParkColumn.LEADING_SHARE_TARGET, "占比目标是百分数，不能超过100")
    revenue, leading = entry.values.get("revenue"), entry.values.get("leading_revenue")
    if revenue is not None and leading is not None and leading > revenue:
        row.fault(
            ParkColumn.LEADING_REVENUE,
            f"{format_wan(leading)}万元超过主营业务收入{format_wan(revenue)}万元",
        )
    _areas(row, entry)
    return None if row.faults else entry


def _areas(row: Row, entry: _Entry) -> None:
    given: dict[str, ParkColumn] = {}
    for column, (attribute, factor) in _AREAS.items():
        typed = row.values.get(column)
        if typed is None:
            continue
        if attribute in given:
            row.fault(column, f"已在「{given[attribute].value}」列填写，同一面积只能填一列")
            continue
        given[attribute] = column
        if typed < 0:
            row.fault(column, "不能为负数")
            continue
        area = typed * factor
        if decimal_places(area.normalize()) > AREA_PLACES:
            row.fault(
                column,
                f"{format_wan(typed)}折合{area:.6f}…平方公里，超过{AREA_PLACES}位小数；请改填平方公里",
            )
            continue
        entry.values[attribute] = area


def _notes(entry: _Entry) -> list[str]:
    planned, built = entry.values.get("planned_area"), entry.values.get("built_area")
    if planned is not None and built is not None and built > planned:
        return [
            *entry.notes,
            f"{row_place(entry.row.sheet, entry.row.number)}{entry.park.name}建成面积"
            f"{format_wan(built)}平方公里大于规划面积{format_wan(planned)}平方公里，按填报数保存",
        ]
    return entry.notes
