"""`guanmo import-land`: loading a city's land sheet (用地台账), one row per parcel, through
the ledger's sheet reading (guanmo.sheets). All or nothing, every fault named by row and
column; a blank cell leaves what is stored alone; rows are matched to stored parcels by county
and name.

Checks: the county is one of the city's units and the park one of its parks; the area is given
once, positive, in 亩 (平方米 and 公顷 converted exactly; an area headed without a unit is read
in 亩, said in the report); a project named is the city's ledger project or lead of that name
in that county (a name of neither: a parcel without a project, noted); a phase (期次) is
一期 to 九期 (`land_columns.parse_phase`); building did not start before the land was
supplied, nor end (建成日期) before it started, nor after today; an outline (地块范围) is a
GeoJSON Polygon within bounds, its area against the stated noted.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from guanmo.accounts.models import User
from guanmo.attraction.land import HECTARES_TO_MU, LATITUDES, LONGITUDES, SQUARE_METRES_TO_MU
from guanmo.attraction.land_columns import LAND_COLUMNS, LandColumn
from guanmo.attraction.models import Lead, Parcel, ParcelChange
from guanmo.attraction.parcel_outline import (
    AREA_TOLERANCE,
    OutlineError,
    area_gap,
    outline_area,
    read_outline,
)
from guanmo.attraction.places import unit_named
from guanmo.clock import today
from guanmo.documents.official import chinese_date
from guanmo.ledger.models import Project
from guanmo.regions.models import Region
from guanmo.regions.services import units_of
from guanmo.reporting import history
from guanmo.reporting.imports import Outcome, outcome_of, write_all_or_nothing
from guanmo.reporting.models import ImportRecord
from guanmo.sheets.cells import decimal_places, format_wan
from guanmo.sheets.faults import ImportReport
from guanmo.sheets.header import Expected
from guanmo.sheets.measures import unit_stated
from guanmo.sheets.repeats import refuse_repeats
from guanmo.sheets.table import Row
from guanmo.sheets.workbook import SheetSpec, Source, begin_import

SUBJECT = "个地块"
LAND_SHEET = SheetSpec(
    LAND_COLUMNS,
    used=frozenset(LandColumn) - {LandColumn.SERIAL},
    required=(
        (LandColumn.NAME,),
        (LandColumn.COUNTY,),
        (
            LandColumn.AREA,
            LandColumn.AREA_UNSTATED,
            LandColumn.AREA_SQUARE_METRES,
            LandColumn.AREA_HECTARES,
        ),
    ),
)
# Each area column and its factor into 亩.
_AREAS = {
    LandColumn.AREA: Decimal(1),
    LandColumn.AREA_UNSTATED: Decimal(1),
    LandColumn.AREA_SQUARE_METRES: SQUARE_METRES_TO_MU,
    LandColumn.AREA_HECTARES: HECTARES_TO_MU,
}
# What the report says of an area column converted into 亩.
_CONVERTED = {
    LandColumn.AREA_SQUARE_METRES: "面积按平方米读取，已换算为亩（1平方米=0.0015亩）",
    LandColumn.AREA_HECTARES: "面积按公顷读取，已换算为亩（1公顷=15亩）",
}
# Cells copied onto the parcel: column → attribute.
_COPIED = {
    LandColumn.HOLDER: "holder",
    LandColumn.SUPPLIED: "supplied_on",
    LandColumn.AGREED_START: "agreed_start_on",
    LandColumn.STARTED: "started_on",
    LandColumn.PLOT_RATIO: "plot_ratio",
    LandColumn.BUILDING_DENSITY: "building_density",
    LandColumn.INVESTMENT: "investment",
    LandColumn.TAX: "tax",
    LandColumn.PHASE: "phase",
    LandColumn.COMPLETED: "completed_on",
}


AREA_PLACES = Parcel._meta.get_field("area").decimal_places


@dataclass
class _Entry:
    row: Row
    county: Region
    values: dict = field(default_factory=dict)  # attribute → value given
    notes: list[str] = field(default_factory=list)


def import_land(
    source: Source,
    *,
    city: Region,
    dry_run: bool = False,
    user: User | None = None,
    file_name: str = "",
) -> ImportReport:
    """Load the land sheet for `city`. Returns the report: with faults nothing was written;
    with `dry_run` nothing either, but the counts are what it would do."""
    reading, report = begin_import(
        source, LAND_SHEET, Expected(), subject=SUBJECT, dry_run=dry_run, file_name=file_name
    )
    if not report.ok:
        return report
    units = units_of(city)
    for table in reading.tables:
        header = table.header
        if LandColumn.AREA_UNSTATED in header.fields and not unit_stated(
            header, LandColumn.AREA_UNSTATED
        ):
            report.notes.append(f"工作表「{table.sheet}」面积未写明单位，按亩读取")
        for column, said in _CONVERTED.items():
            if column in header.fields:  # tryout 22: converted with no word said
                report.notes.append(f"工作表「{table.sheet}」{said}")
    entries = [entry for row in reading.rows if (entry := _entry(row, city, units)) is not None]
    refuse_repeats(
        entries,
        lambda entry: (entry.county.pk, entry.values["name"]),
        LandColumn.NAME,
        "是同一县区的同名地块",
    )
    report.faults = [fault for row in reading.rows for fault in row.faults]
    if not report.ok:
        return report
    report.notes += [note for entry in entries for note in entry.notes]
    write_all_or_nothing(
        report,
        entries,
        lambda entry, record: _save(city, entry, user, record),
        city=city,
        kind=ImportRecord.Kind.LAND,
        user=user,
    )
    return report


def _save(city: Region, entry: _Entry, user: User | None, record: ImportRecord | None) -> Outcome:
    """Create the parcel, or change the figures given that differ, each change kept in its
    history (`ParcelChange`) with the import that made it."""
    name = entry.values.pop("name")
    parcel = Parcel.objects.filter(city=city, county=entry.county, name=name).first()
    if parcel is None:
        Parcel.objects.create(city=city, county=entry.county, name=name, **entry.values)
        return Outcome.CREATED
    changed = [key for key, value in entry.values.items() if getattr(parcel, key) != value]
    labels = history.field_labels(Parcel, changed)
    ParcelChange.objects.bulk_create(
        ParcelChange(
            parcel=parcel,
            field=labels[key],
            old_value=history.shown(getattr(parcel, key)),
            new_value=history.shown(entry.values[key]),
            source=history.Source.IMPORT,
            user=user,
            import_record=record,
        )
        for key in changed
    )
    for key in changed:
        setattr(parcel, key, entry.values[key])
    if changed:
        parcel.save()
    return outcome_of(False, len(changed))


def _entry(row: Row, city: Region, units: Sequence[Region]) -> _Entry | None:
    values = row.values
    name = values.get(LandColumn.NAME, "")
    if not name and not row.failed(LandColumn.NAME):
        row.fault(LandColumn.NAME, "不能为空")
    named: list[str] = []
    county = unit_named(row, LandColumn.COUNTY, units, named)
    if county is None:
        if not row.failed(LandColumn.COUNTY):
            row.fault(LandColumn.COUNTY, "不能为空")
        return None
    entry = _Entry(row, county, {"name": name}, named)
    park = unit_named(row, LandColumn.PARK, units, entry.notes, parks_only=True, county=county)
    if park is not None:
        entry.values["park"] = park
    _area(row, entry)
    for column, attribute in _COPIED.items():
        value = values.get(column)
        if value not in (None, ""):
            entry.values[attribute] = value
    for column in (LandColumn.PLOT_RATIO, LandColumn.BUILDING_DENSITY):
        if (values.get(column) or 0) < 0:
            row.fault(column, "不能为负数")
    _density(row, entry)
    _dates(row)
    _place(row, entry)
    _outline(row, entry)
    _project(row, city, entry)
    return None if row.faults else entry


def _density(row: Row, entry: _Entry) -> None:
    """建筑密度 is a share of the parcel, stored in % (Parcel.building_density). A figure not
    above 1 is the share itself, under any head (0.4, or a cell formatted 40%, is 40%): as a
    percentage it would be a density no industrial parcel has (建筑系数不低于30%,
    《工业项目建设用地控制指标》国土资发〔2008〕24号); one above 1 is in % as typed. Each share
    read so is noted; a figure above 100 is refused."""
    density = row.values.get(LandColumn.BUILDING_DENSITY)
    if density is None or density == "" or density < 0:
        return
    if density > 100:
        row.fault(LandColumn.BUILDING_DENSITY, "建筑密度是百分数，不能超过100")
    elif 0 < density <= 1:
        percent = (density * 100).normalize()
        entry.values["building_density"] = percent
        entry.notes.append(
            f"工作表「{row.sheet}」第{row.number}行建筑密度{density.normalize():f}读作{percent:f}%"
            "（不大于1的建筑密度按比例读取）"
        )


def _area(row: Row, entry: _Entry) -> None:
    given = [(c, row.values[c]) for c in _AREAS if row.values.get(c) is not None]
    if len(given) > 1:
        row.fault(given[1][0], f"面积已在「{given[0][0].value}」列填写，同一地块只能填一个面积")
        return
    if not given:
        if not any(row.failed(c) for c in _AREAS):
            row.fault(LandColumn.AREA, "面积不能为空")
        return
    column, typed = given[0]
    if typed <= 0:
        row.fault(column, "面积应大于零")
        return
    area = typed * _AREAS[column]
    if decimal_places(area.normalize()) > AREA_PLACES:
        row.fault(column, f"{format_wan(typed)}换算为{format_wan(area)}亩，超过{AREA_PLACES}位小数")
        return
    entry.values["area"] = area


_PLACE_RANGES = {
    LandColumn.LONGITUDE: ("longitude", *LONGITUDES),
    LandColumn.LATITUDE: ("latitude", *LATITUDES),
}
PLACE_PLACES = Decimal("0.000001")


def _place(row: Row, entry: _Entry) -> None:
    """The parcel's point: both degrees or neither, each within China's range; kept to six
    decimals (about 0.1 metre), half-up."""
    given = {c: row.values.get(c) for c in _PLACE_RANGES if row.values.get(c) is not None}
    if not given:
        return
    if len(given) == 1:
        missing = next(c for c in _PLACE_RANGES if c not in given)
        row.fault(missing, "经度和纬度应同时填写")
        return
    for column, degrees in given.items():
        attribute, low, high = _PLACE_RANGES[column]
        if not low <= degrees <= high:
            row.fault(
                column,
                f"{format_wan(degrees)}不在{low}到{high}度之间；请填写以度为单位的{column.value}"
                "（WGS-84，如113.241），并检查经度和纬度是否填反",
            )
            continue
        entry.values[attribute] = degrees.quantize(PLACE_PLACES, rounding=ROUND_HALF_UP)


def _outline(row: Row, entry: _Entry) -> None:
    """The parcel's outline, checked (attraction.parcel_outline); its area against the area
    stated, noted when they differ by more than the tolerance."""
    text = row.values.get(LandColumn.OUTLINE)
    if not text:
        return
    try:
        entry.values["outline"] = outline = read_outline(text)
    except OutlineError as error:
        row.fault(LandColumn.OUTLINE, str(error))
        return
    stated = entry.values.get("area")
    if stated is None:
        return
    outlined = outline_area(outline)
    gap = area_gap(outlined, stated)
    if gap is not None:
        entry.notes.append(
            f"第{row.number}行“{entry.values['name']}”地块范围折合{outlined}亩，与填报面积"
            f"{stated.normalize():f}亩相差{gap}%，超过{AREA_TOLERANCE}%，按填报面积保存，请核对"
        )


def _dates(row: Row) -> None:
    """Days reached are not ahead of today, and come in order: supplied, started, built."""
    for column in (LandColumn.SUPPLIED, LandColumn.STARTED, LandColumn.COMPLETED):
        day = row.values.get(column)
        if day is not None and day > today():
            row.fault(column, f"{chinese_date(day)}晚于今天，实际日期不能是将来")
    for later, earlier in (
        (LandColumn.STARTED, LandColumn.SUPPLIED),
        (LandColumn.COMPLETED, LandColumn.STARTED),
    ):
        after, before = row.values.get(later), row.values.get(earlier)
        if after and before and after < before and not row.failed(later):
            row.fault(later, f"{chinese_date(after)}早于{earlier.value}{chinese_date(before)}")


def _project(row: Row, city: Region, entry: _Entry) -> None:
    """The ledger project (else the lead) the row's 项目名称 names in its county; a name of
    neither is a parcel without a project, said (未关联项目; tryout 28: a land register lists
    every firm's parcel, not only the projects')."""
    name = row.values.get(LandColumn.PROJECT)
    if not name:
        return
    project = Project.objects.filter(city=city, county=entry.county, name=name).first()
    lead = Lead.objects.filter(city=city, county=entry.county, name=name).first()
    if project is None and lead is None:
        entry.notes.append(
            f"第{row.number}行“{entry.values['name']}”："
            f"{entry.county.name}的重点项目台账和招商项目中都没有“{name}”，作为未关联项目的地块导入"
        )
        return
    if project is None and lead is not None:
        project = lead.project
    if project is not None:
        entry.values["project"] = project
    if lead is not None:
        entry.values["lead"] = lead
