"""`guanmo import-indicators`: a statistics bureau's sheet into regions' indicator values.

The sheet is read by `sheet_reading`; each row's region is found among the city's own regions
(its units, the city, its province, the members of the group named) and otherwise in the
national tree (GB/T 2260, `regions.services.divisions_named`): a name several divisions bear is
settled by the level and parent of the sheet's other regions, or refused naming its cell.
A totals row (全市, 全省, 合计, a region named among its own units) is read by the one rule of
`indicators.totals`: a 合计 is its members' parent's figure only when the sheet lists every unit
of that parent (the city's units, the province's 18 cities), else only compared and never stored;
amounts are checked against the members' sum, a growth total is kept as stated with a note
(issue 9, tryout 9). All or nothing: with any fault nothing is written.

A 位次 column is kept as the reported rank and checked against the rank Guanmo computes
(`arithmetic.rank_disagreements`) when the sheet's regions are a whole peer group; each
disagreement is reported. Every stored value links to the ImportRecord of its file.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from guanmo.accounts.models import User
from guanmo.figures.arithmetic import period_label, shown
from guanmo.figures.formatting import amount_text, rate
from guanmo.indicators.arithmetic import (
    Reading,
    growth,
    peer_ranks,
    rank_basis,
    rank_disagreements,
)
from guanmo.indicators.choices import Kind, RankBy, is_summed
from guanmo.indicators.columns import Role
from guanmo.indicators.issuing import issued_of_month
from guanmo.indicators.models import MAX_PLACES, Indicator, IndicatorValue, PeerGroup
from guanmo.indicators.remembered import IGNORED, stored_name, stored_names
from guanmo.indicators.selectors import (
    SlipReferences,
    group_members,
    readings,
    slip_references,
    stored_a_year_ago,
)
from guanmo.indicators.services import (
    Source,
    StoreResult,
    ValueInput,
    add_to_peer_group,
    install_city_peer_group,
    store_values,
)
from guanmo.indicators.sheet_reading import (
    FIGURE_ROLES,
    Figures,
    Read,
    SheetRow,
    parse_indicator_mapping,
    read_sheets,
    unread_columns,
)
from guanmo.indicators.totals import (
    lists_every_unit,
    parent_named_among,
    total_notes,
    whole_of,
)
from guanmo.indicators.unit_slips import figure_slip, slip_doubt
from guanmo.ledger.unit_doubts import confirmable
from guanmo.regions.models import Region
from guanmo.regions.names import CITY_AS_ZONE, as_demonstration_city, county_level_city, naming
from guanmo.regions.services import (
    Division,
    division_naming,
    divisions_named,
    full_name,
    region_of_division,
    units_of,
)
from guanmo.reporting.imports import columns_named, record_import, remember_mapping
from guanmo.reporting.models import ImportRecord
from guanmo.sheets.advice import Channel
from guanmo.sheets.cells import format_wan
from guanmo.sheets.column_map import remembered_notes
from guanmo.sheets.faults import ColumnUse, ImportReport, SheetFault, cell_place
from guanmo.sheets.formats import Source as SheetSource
from guanmo.sheets.formats import open_workbook
from guanmo.sheets.header import Expected
from guanmo.sheets.sheet import Unreadable, cell_address
from guanmo.sheets.workbook import import_reason, source_name

SUBJECT = "条指标数值"
_LEVELS = {
    Region.Kind.PROVINCE: "province",
    Region.Kind.CITY: "city",
    Region.Kind.COUNTY: "county",
    Region.Kind.ZONE: "county",
}


class _Refused(Exception):
    """Raised inside the transaction so that nothing of a refused import stays written."""


def _division_level(division: Division) -> str:
    if not division.parent:
        return "province"
    return "city" if division.code.endswith("00") else "county"


@dataclass
class _Place:
    """What a row's label was found to be: a region, a national division to create, or the
    divisions it may mean."""

    region: Region | None = None
    division: Division | None = None
    candidates: tuple[Division, ...] = ()

    @property
    def level(self) -> str:
        if self.region is not None:
            return _LEVELS.get(self.region.kind, "county")
        return _division_level(self.division) if self.division else ""

    @property
    def parent_code(self) -> str:
        if self.region is not None:
            return self.region.parent.code if self.region.parent else ""
        return self.division.parent if self.division else ""


def short_name_of(group_name: str) -> str:
    """A new group's short name, as sentences say it: 全省18个省辖市 → 全省; 同类县 → 同类县."""
    if group_name.startswith(("全省", "全市", "全国", "全县")):
        return group_name[:2]
    return group_name[:16]


def import_indicators(
    source: SheetSource,
    *,
    city: Region,
    year: int,
    month: int,
    group: str | None = None,
    dry_run: bool = False,
    user: User | None = None,
    file_name: str = "",
    mapping: Sequence[str] = (),
    channel: Channel = Channel.COMMAND,
    confirm_changes: bool = False,
) -> ImportReport:
    """Load a month's indicator sheet for `city` (the top of the installation). With `group`,
    the sheet's regions become that peer group (or join it); `mapping` holds the user's
    `--map '表头=指标名称:度量'` options, remembered for the city's next import once it is
    stored (`indicators.remembered`: a naming remembered is applied to the header it was given
    on only). Returns the report: with faults, nothing was written;
    with `dry_run`, nothing either, but the counts are what it would do. Raises ValueError for
    a month out of 1—12 or a mapping not understood (`parse_indicator_mapping`). A figure
    doubted as a unit slip (`unit_slips.unit_slip`: a 1—2月 ten times 1月) is refused saying
    how to confirm by `channel`, unless `confirm_changes` (--confirm-changes, the page's 确认
    修改): then stored and noted by cell, as the progress import does."""
    if not 1 <= month <= 12:
        raise ValueError(f"月份应在1到12之间，而不是{month}")
    catalogue = list(Indicator.objects.filter(city=city))
    typed = parse_indicator_mapping(mapping, catalogue)
    # the city's namings of earlier imports, then those typed now (the ledger's rule and store)
    named, remembered, earlier = columns_named(
        city, typed, stored_names(catalogue, FIGURE_ROLES), IGNORED
    )
    report = ImportReport(SUBJECT, dry_run=dry_run, file=file_name or source_name(source))
    report.channel = channel
    try:
        sheets = open_workbook(source, name=file_name)
    except FileNotFoundError:
        report.faults.append(SheetFault("", None, None, f"找不到文件：{source}"))
        return report
    except Unreadable as error:
        report.faults.append(SheetFault("", None, None, error.message))
        return report
    expected = Expected(
        year=year, month=month, remembered=remembered, earlier=earlier, channel=channel
    )
    read = read_sheets(sheets, catalogue, expected, named)
    report.sheets, report.columns, report.left_out = read.sheets, read.columns, read.left_out
    report.notes += read.notes + remembered_notes(read.columns)
    report.named_on = read.named_on
    report.rows_read = len(read.rows)
    report.faults += read.faults
    peer_group = PeerGroup.objects.filter(city=city, name=group).first() if group else None
    # the regions are looked up even when a cell is refused: every fault in one run (tryout 17)
    places = _find_places(read.rows, city, peer_group, report)
    if not report.ok:
        return report
    try:
        with transaction.atomic():
            _store(
                read,
                places,
                report,
                city=city,
                year=year,
                month=month,
                user=user,
                group=group,
                source=source,
                confirmed=confirm_changes,
            )
            if dry_run:
                raise _Refused
            remember_mapping(
                city, typed, report, user=user, year=year, month=month, stored=stored_name
            )
    except _Refused:
        pass
    return report


def _find_places(
    rows: Sequence[SheetRow], city: Region, group: PeerGroup | None, report: ImportReport
) -> dict[int, _Place]:
    """Each region row's place (by its index in `rows`), faults on the rows found nowhere."""
    own = [city, *units_of(city)]
    if city.parent is not None:
        own.append(city.parent)
    if group is not None:
        own += group_members(group)
    places: dict[int, _Place] = {}
    for index, row in enumerate(rows):
        if row.total:
            continue
        # By the one rule of `regions.names.naming` only: 山阳县 is 商洛's, not 焦作's 山阳区,
        # so any other spelling goes to the national tree; a short name taken is said.
        named = naming(row.label, list(dict.fromkeys(own)))
        if named is not None:
            places[index] = _Place(region=named.region)
            if named.note:
                report.notes.append(f"工作表「{row.sheet}」第{row.number}行{named.note}")
            continue
        found = by_name = divisions_named(row.label)
        found = found or _as_demonstration_city(row, report)
        if not found:
            # the city's units listed, as README promises (tryout 17)
            units = "、".join(unit.name for unit in units_of(city))
            said = f"全国行政区划中找不到“{row.label}”；{city.name}的单位为：{units}"
            report.faults.append(SheetFault(row.sheet, row.number, row.column, said))
        elif len(found) == 1:
            places[index] = _Place(division=found[0])
            if by_name and (said := division_naming(row.label, found[0]).note):
                report.notes.append(f"工作表「{row.sheet}」第{row.number}行{said}")
        else:
            places[index] = _Place(candidates=tuple(found))
    _settle(rows, places, report)
    report.faults.sort(key=lambda fault: (fault.sheet, fault.row or 0))
    return places


def _as_demonstration_city(row: SheetRow, report: ImportReport) -> list[Division]:
    """The county-level city of the national tree a 示范区 row names by the one rule's
    CITY_AS_ZONE (济源示范区 → 济源市, 419001), said in the report; [] for any other text."""
    city = as_demonstration_city(row.label)
    found = (
        [
            division
            for division in divisions_named(city)
            if division.name == city and county_level_city(division.name, division.code)
        ]
        if city
        else []
    )
    if len(found) == 1:
        report.notes.append(
            f"工作表「{row.sheet}」第{row.number}行“{row.label.strip()}”按{CITY_AS_ZONE}识别为"
            f"{full_name(found[0])}"
        )
    return found


def _settle(rows: Sequence[SheetRow], places: dict[int, _Place], report: ImportReport) -> None:
    """A name several divisions bear (新乡: 新乡市 and 新乡县) is the one at the level, and under
    the parent, of the sheet's other regions; refused when that does not single one out."""
    known = [place for place in places.values() if not place.candidates]
    levels = Counter(place.level for place in known)
    parents = Counter(place.parent_code for place in known)
    level = levels.most_common(1)[0][0] if levels else ""
    parent = parents.most_common(1)[0][0] if parents else ""
    for index, place in list(places.items()):
        if not place.candidates:
            continue
        row = rows[index]
        fitting = [d for d in place.candidates if _division_level(d) == level]
        if len(fitting) > 1:
            fitting = [d for d in fitting if d.parent == parent]
        if len(fitting) == 1:
            places[index] = _Place(division=fitting[0])
            report.notes.append(
                f"工作表「{row.sheet}」第{row.number}行“{row.label}”按同表其他地区理解为"
                f"{full_name(fitting[0])}"
            )
            continue
        names = "、".join(full_name(d) for d in place.candidates)
        report.faults.append(
            SheetFault(
                row.sheet,
                row.number,
                row.column,
                f"“{row.label}”有多个同名地区：{names}；请写明所属省市（如“{full_name(place.candidates[0])}”）",
            )
        )


def _store(
    read: Read,
    places: dict[int, _Place],
    report: ImportReport,
    *,
    city: Region,
    year: int,
    month: int,
    user: User | None,
    group: str | None,
    source: SheetSource,
    confirmed: bool = False,
) -> None:
    rows = read.rows
    regions = {
        index: place.region or region_of_division(place.division)  # type: ignore[arg-type]
        for index, place in places.items()
    }
    # The region named among its own units is their total, not a member (焦作市 over its
    # counties, 河南省 over its cities): `totals.parent_named_among`.
    named = parent_named_among(regions)
    members = {index: region for index, region in regions.items() if index not in named}
    totals: dict[int, Region | None] = {}
    partial: set[int] = set()  # 合计 rows of some of the units: said once, never stored
    for index, row in enumerate(rows):
        if not row.total:
            continue
        totals[index], note = whole_of(row.label, city, list(members.values()))
        if note:
            report.notes.append(f"{_place(row)}{note}")
            if totals[index] is None:
                partial.add(index)
    totals.update({index: regions[index] for index in named})
    record = None
    if not report.dry_run:
        record = record_import(report, city=city, kind=ImportRecord.Kind.INDICATORS, user=user)
    peer_group = None
    if group:
        peer_group = add_to_peer_group(
            city, group, list(members.values()), short_name=short_name_of(group)
        )
    for indicator in read.indicators.values():
        inputs = []
        bare: list[SheetRow] = []  # rows with only last year's figure or a rank
        reported: set[str] = set()  # the sheets with this period's figure in some row
        tailed: dict[ColumnUse, list[tuple[str, Decimal]]] = {}  # float tails by column
        known = slip_references(indicator, year, month) if is_summed(indicator.kind) else None
        a_year_ago = known[1] if known is not None else stored_a_year_ago(indicator, year, month)
        for index, region in [*members.items(), *totals.items()]:
            figures = rows[index].figures.get(indicator.pk)
            if figures is not None and region is not None and "value" in figures.dashes:
                report.notes += _kept_over_dash(
                    indicator, rows[index], region, figures, year, month
                )
            if figures is None or not figures.given:
                continue
            if region is None and index in partial:
                continue
            if region is None:
                report.notes.append(f"{_place(rows[index])}不是某一地区的数，仅供核对，未保存")
                continue
            if figures.value is None and figures.growth is None:
                bare.append(rows[index])
                continue
            reported.add(rows[index].sheet)
            slip = _slip(indicator, read, rows[index], region, known) if known else None
            if slip is not None and confirmed:  # the user checked it: stored, said by cell
                report.notes.append(f"{_place(rows[index])}：{confirmable(slip.message, True)}")
            elif slip is not None:
                report.faults.append(replace(slip, message=confirmable(slip.message, False)))
                continue
            if known is not None and (
                fault := _fell(indicator, read, rows[index], region, known, month)
            ):
                report.faults.append(fault)
                continue
            if tails := _float_tails(indicator, read, rows[index]):
                for column, cell, figure in tails:
                    tailed.setdefault(column, []).append((cell, figure))
                continue
            if note := _last_year_differs(
                indicator, read, rows[index], a_year_ago.get(region.pk), year, month
            ):
                report.notes.append(note)
            inputs.append(
                ValueInput(
                    region,
                    figures.value,
                    figures.last_year,
                    figures.growth,
                    figures.rank,
                    where=f"工作表「{rows[index].sheet}」第{rows[index].number}行",
                )
            )
        report.notes += [
            _not_reported(indicator, read, row) for row in bare if row.sheet in reported
        ]
        report.faults += _bare_rows(indicator, [r for r in bare if r.sheet not in reported], read)
        report.faults += [
            _tails_fault(indicator, column, cells) for column, cells in tailed.items()
        ]
        report.notes += _kept_last_year(indicator, inputs, year, month)
        _check_total(indicator, read, members, totals, report, city)
        try:
            result = store_values(
                indicator,
                year,
                month,
                inputs,
                source=Source.IMPORT,
                user=user,
                import_record=record,
                reason=import_reason(report.file or source),
            )
        except ValidationError as error:
            report.faults += [
                SheetFault("", None, indicator.name, message) for message in error.messages
            ]
            continue
        report.created += result.created
        report.updated += result.updated
        report.unchanged += result.unchanged
        report.changed += _changed(indicator, year, month, result)
        ranked = any(
            figures.rank is not None
            for row in read.rows
            if (figures := row.figures.get(indicator.pk)) is not None
        )
        if indicator.pk in read.ranked and ranked:  # a 位次 column left blank has nothing to check
            places = _rank_places(indicator, read, members)
            _check_ranks(indicator, year, month, places, city, peer_group, report)
    if report.changed:
        report.notes += [
            f"本次导入改动了已印发的{document.number}《{document.title}》中的数字"
            f"（{len(report.changed)}处，见上）；指标调度页面显示更正后的数字，已印发的文件不变"
            for document in issued_of_month(city, year, month)
        ]
    if not report.ok:
        raise _Refused
    if record is not None:
        record.report, record.text = report.as_dict(), "\n".join(report.lines())
        record.save(update_fields=["report", "text"])


def _changed(indicator: Indicator, year: int, month: int, result: StoreResult) -> list[str]:
    """Each stored figure the import changed, as the report lists it (`ImportReport.changed`):
    "武陟县“固定资产投资”2025年1—6月本期累计值：100 → 102.5", a figure not stored before
    as （空） (tryout 18 (3): a month re-imported changing 19 values said 没有改动)."""
    period = f"{year}年{period_label(month)}"
    return [
        f"{region.name}“{indicator.name}”{period}{label}：{old or '（空）'} → {new}"
        for region, label, old, new in result.changed
    ]


def _plain(value: Decimal) -> str:
    """A figure as typed, without trailing zeros (95.80 → 95.8)."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _decimals(value: Decimal) -> int:
    return len(_plain(value).partition(".")[2])


def _last_year_differs(
    indicator: Indicator,
    read: Read,
    row: SheetRow,
    stored: Decimal | None,
    year: int,
    month: int,
) -> str:
    """The note for a row whose 上年同期 differs from the value stored for the same period of
    last year (compared to the fewer decimals of the two, half-up), naming the cell, both
    figures and what the growth is taken from: the growth the sheet reports, else the sheet's
    上年同期, which is stored with the value and wins over the stored figure
    (`selectors.reading_of`); "" when they agree or either is missing (tryout 17: 93.63 beside
    a stored 95.8 was used silently). The sheet may carry a revised figure (可比口径), so it is
    said, not refused (issue 12 sets no rule for it)."""
    given = row.figures[indicator.pk].last_year
    if given is None or stored is None:
        return ""
    step = Decimal(1).scaleb(-min(_decimals(given), _decimals(stored)))
    if given.quantize(step, ROUND_HALF_UP) == stored.quantize(step, ROUND_HALF_UP):
        return ""
    field = f"{indicator.name}·{Role.LAST_YEAR.value}"
    column = next((c for c in read.columns if c.sheet == row.sheet and c.field == field), None)
    cell = cell_address(row.number, column.column) if column else ""
    growth = row.figures[indicator.pk].growth
    used = (
        f"增速取表中报送的{rate(growth)}，上年同期按表中{_plain(given)}保存"
        if growth is not None
        else f"增速按表中上年同期{_plain(given)}计算"
    )
    return (
        f"{_place(row)}{cell}：“{indicator.name}”上年同期{_plain(given)}与已存"
        f"{year - 1}年{period_label(month)}数值{_plain(stored)}不一致；{used}"
    )


def _slip(
    indicator: Indicator, read: Read, row: SheetRow, region: Region, known: SlipReferences
) -> SheetFault | None:
    """A fault naming the cell when the row's amount looks typed in another unit (the doubt
    alone: `_store` says it as a refusal or, confirmed, as a note)."""
    figures = row.figures[indicator.pk]
    if figures.value is None:
        return None
    slip = figure_slip(
        figures.value,
        earlier=known[0].get(region.pk),
        last_years=(known[1].get(region.pk), figures.last_year),
        growth=figures.growth,
        unit=indicator.unit,
        places=indicator.places,
    )
    if slip is None:
        return None
    column = _value_column(indicator, read, row)
    cell = cell_address(row.number, column.column) if column else ""
    message = slip_doubt(cell, figures.value, indicator.unit, column.unit if column else "", slip)
    return SheetFault(row.sheet, row.number, indicator.name, message)


def _value_column(indicator: Indicator, read: Read, row: SheetRow) -> ColumnUse | None:
    """The column the row's value of `indicator` was read from, for naming its cell."""
    field = f"{indicator.name}·{Role.VALUE.value}"
    return next((c for c in read.columns if c.sheet == row.sheet and c.field == field), None)


def _fell(
    indicator: Indicator,
    read: Read,
    row: SheetRow,
    region: Region,
    known: SlipReferences,
    month: int,
) -> SheetFault | None:
    """A fault naming the cell when an amount accumulated through the year (1—M月累计) is less
    than the region's stored cumulative of an earlier month (tryout 21 (11): 赴京访批次 1—5月2批,
    1—6月0批 accepted without a word): it cannot fall. Only amounts and counts are `known`; a
    ratio or an average may fall."""
    figures = row.figures[indicator.pk]
    earlier = known[0].get(region.pk)
    if figures.value is None or earlier is None or figures.value >= earlier[1]:
        return None
    column = _value_column(indicator, read, row)
    cell = f"单元格{cell_address(row.number, column.column)}" if column else ""
    unit, places = indicator.unit, indicator.places
    return SheetFault(
        row.sheet,
        row.number,
        indicator.name,
        f"{cell}{region.name}1—{month}月累计{amount_text(figures.value, unit, places)}，少于已存的"
        f"1—{earlier[0]}月累计{amount_text(earlier[1], unit, places)}：累计数不会减少，请核对"
        f"（如是前月数有误，请先更正1—{earlier[0]}月的数）",
    )


def _kept_over_dash(
    indicator: Indicator,
    row: SheetRow,
    region: Region,
    figures: Figures,
    year: int,
    month: int,
) -> list[str]:
    """A note when the row's value cell says "—" (not given) and the region has a stored value
    of the month, which stays (store_values never blanks a figure): the cell and the figure
    kept (tryout 11 §3, I3b: 46.7 kept without a word)."""
    stored = (
        IndicatorValue.objects.filter(
            indicator=indicator, region=region, year=year, month=month, value__isnull=False
        )
        .values_list("value", flat=True)
        .first()
    )
    if stored is None:
        return []
    return [
        f"{_place(row)}单元格{figures.dashes['value']}，“{indicator.name}”保留原值"
        f"{format_wan(stored)}{indicator.unit}"
    ]


def _float_tails(
    indicator: Indicator, read: Read, row: SheetRow
) -> list[tuple[ColumnUse, str, Decimal]]:
    """The row's value and 上年同期 of `indicator` with more decimals than are kept
    (`models.MAX_PLACES`): (column, cell, figure) each. A formula's binary tail
    (3.466666666666667 shown 3.47), said once per column by `_tails_fault`."""
    figures = row.figures[indicator.pk]
    found = []
    for role, figure in ((Role.VALUE, figures.value), (Role.LAST_YEAR, figures.last_year)):
        if figure is None or _decimals(figure) <= MAX_PLACES:
            continue
        field = f"{indicator.name}·{role.value}"
        column = next((c for c in read.columns if c.sheet == row.sheet and c.field == field), None)
        if column is not None:
            found.append((column, cell_address(row.number, column.column), figure))
    return found


def _tails_fault(
    indicator: Indicator, column: ColumnUse, cells: Sequence[tuple[str, Decimal]]
) -> SheetFault:
    """One fault for a column's figures beyond six decimals, naming its cells, the first
    figure and the way forward (tryout 26 item 9: twelve lines of 「超过6位小数」 for formula
    results shown to two decimals, with no advice). The figures are refused, not rounded to
    what the format shows: the reader keeps no number format of plain decimals."""
    letter = cell_address(1, column.column).removesuffix("1")
    named = "、".join(cell for cell, _ in cells)
    return SheetFault(
        "",
        None,
        indicator.name,
        f"工作表「{column.sheet}」{letter}列「{column.header}」有{len(cells)}个单元格"
        f"（{named}）超过{MAX_PLACES}位小数，如{_plain(cells[0][1])}，"
        "多为公式结果的尾数（表中按格式显示为较少小数）；请将该列设置为所需的小数位数（如两位"
        "小数），复制后选择性粘贴为数值，再导入",
    )


def _not_reported(indicator: Indicator, read: Read, row: SheetRow) -> str:
    """The note for a region row without this period's figure (本期 "—" or blank, growth
    blank) in a sheet whose other rows have theirs: the unit has not reported yet, so the row
    is left out and nothing is stored for it, its 上年同期 neither (tryout 26 item 8: 沁阳市's
    "—" beside last year's 3 stopped the whole sheet naming neither region nor cell)."""
    figures = row.figures[indicator.pk]
    column = _value_column(indicator, read, row)
    cell = cell_address(row.number, column.column) if column else ""
    typed = figures.dashes.get("value") or f"{cell}未填本期数值"
    return (
        f"{_place(row)}单元格{typed}，视为尚未报送：“{indicator.name}”本行未保存"
        "（上年同期等数字也未保存）"
    )


def _bare_rows(indicator: Indicator, rows: Sequence[SheetRow], read: Read) -> list[SheetFault]:
    """One fault per sheet for the rows giving `indicator` only last year's figure or a rank
    where no row of the sheet has this period's figure (a column not understood, not units
    not reported: `_not_reported`), naming the rows ("第4行至第21行共18行") and the sheet's
    columns not understood, which are most often the missing figure (tryout 11: 固定资产投资
    增速（%） beside 位次 gave 18 faults naming no column)."""
    faults = []
    for sheet in dict.fromkeys(row.sheet for row in rows):
        numbers = [row.number for row in rows if row.sheet == sheet]
        if len(numbers) == 1:
            where, at = "", numbers[0]
        elif numbers == list(range(numbers[0], numbers[-1] + 1)):
            where, at = f"第{numbers[0]}行至第{numbers[-1]}行共{len(numbers)}行", None
        else:
            where, at = "第" + "、".join(map(str, numbers)) + f"行共{len(numbers)}行", None
        faults.append(
            SheetFault(
                sheet,
                at,
                indicator.name,
                f"{where}只有上年同期值或位次，没有本期数值或增速"
                + unread_columns(read.columns, sheet, read.channel),
            )
        )
    return faults


def _place(row: SheetRow) -> str:
    return f"工作表「{row.sheet}」第{row.number}行“{row.label}”"


def _check_total(
    indicator: Indicator,
    read: Read,
    members: dict[int, Region],
    totals: dict[int, Region | None],
    report: ImportReport,
    city: Region,
) -> None:
    """Each totals row's figures of `indicator` against its members' (`totals.total_notes`)."""
    rows, columns = read.rows, read.columns
    parts = [getattr(rows[i].figures.get(indicator.pk), "value", None) for i in members]
    listed = list(members.values())
    for index, region in totals.items():
        given = rows[index].figures.get(indicator.pk)
        if given is None:
            continue
        report.notes += total_notes(
            _place(rows[index]),
            indicator.name,
            indicator.unit,
            given=given.value,
            growth=given.growth,
            members=parts,
            stored_as=region,
            summable=is_summed(indicator.kind),
            complete=region is None or lists_every_unit(region, city, listed),
            inferred=not rows[index].label.strip().startswith("全"),
            cells=(
                _cell(columns, rows[index], f"{indicator.name}·{Role.VALUE.value}"),
                _cell(columns, rows[index], f"{indicator.name}·{Role.GROWTH.value}"),
            ),
        )


def _cell(columns: Sequence[ColumnUse], row: SheetRow, field: str) -> str:
    """The address of `row`'s cell in the column read as `field` ("B21"), "" for none."""
    index = next((c.column for c in columns if c.sheet == row.sheet and c.field == field), None)
    return "" if index is None else cell_address(row.number, index)


def _kept_last_year(
    indicator: Indicator, inputs: Sequence[ValueInput], year: int, month: int
) -> list[str]:
    """A new 本期 or 增速 arriving without 上年同期 keeps the 上年同期 stored beside it: said for
    each region, with whether the growth it gives agrees with the reported one (to one decimal,
    within a step of rounding) and, where not, that the reported growth is the one used
    (`arithmetic.growth`; tryout 14: a stale 上年同期 stood unsaid beside new figures)."""
    bare = [item for item in inputs if item.last_year is None]
    stored = {
        value.region_id: value
        for value in IndicatorValue.objects.filter(
            indicator=indicator,
            year=year,
            month=month,
            region__in=[item.region for item in bare],
            last_year_value__isnull=False,
        )
    }
    notes = []
    points = indicator.kind == Kind.RATIO
    suffix = "个百分点" if points else "%"
    for item in bare:
        kept = stored.get(item.region.pk)
        if kept is None or (
            item.value in (None, kept.value)
            and item.reported_growth in (None, kept.reported_growth)
        ):
            continue
        value = item.value if item.value is not None else kept.value
        reported = item.reported_growth
        reported = kept.reported_growth if reported is None else reported
        derived = growth(
            Reading(item.region.name, value, kept.last_year_value), Kind(indicator.kind)
        )
        said = (
            f"{item.where}“{indicator.name}”{item.region.name}：表中没有上年同期，保留已存的"
            f"上年同期{format_wan(kept.last_year_value)}{indicator.unit}"
        )
        if reported is None and derived is not None:
            said += f"，增速按本期数与之算得{derived}{suffix}"
        elif derived is not None and abs(shown(reported) - derived) <= Decimal("0.1"):
            said += f"，与报送增速{shown(reported)}{suffix}相符"
        elif derived is not None:
            said += (
                f"，按其算得增速{derived}{suffix}，与报送增速{shown(reported)}{suffix}不符；"
                f"增速取报送数{shown(reported)}{suffix}，请核对上年同期"
            )
        notes.append(said)
    return notes


def _rank_places(indicator: Indicator, read: Read, members: dict[int, Region]) -> dict[Region, str]:
    """Each member's 位次 cell of `indicator` as notes name it: "工作表「X」第9行列E「…／位次」"
    (its row when no one column gives it)."""
    field = f"{indicator.name}·位次"
    places = {}
    for index, region in members.items():
        row = read.rows[index]
        use = next((c for c in read.columns if c.sheet == row.sheet and c.field == field), None)
        places[region] = (
            cell_place(row.sheet, row.number, use.column, use.header) if use else _place(row)
        )
    return places


def _check_ranks(
    indicator: Indicator,
    year: int,
    month: int,
    places: dict[Region, str],
    city: Region,
    group: PeerGroup | None,
    report: ImportReport,
) -> None:
    """Compare the reported 位次 with the computed ranks when the sheet's regions (`places`:
    each with its 位次 cell) are a whole peer group (the one named, else one of the city's with
    just these members); a disagreement names the cell (tryout 14)."""
    sheet_regions = list(places)
    cells_of = {region.name: place for region, place in places.items()}
    wanted = {region.pk for region in sheet_regions}
    if group is None:
        # the city's own group, made on first use for a city installed before init-city made it
        install_city_peer_group(city)
        group = next(
            (
                candidate
                for candidate in PeerGroup.objects.filter(city=city).prefetch_related("members")
                if {member.pk for member in candidate.members.all()} == wanted
            ),
            None,
        )
    members = group_members(group) if group is not None else []
    if group is None or {member.pk for member in members} != wanted:
        report.notes.append(
            f"“{indicator.name}”的位次已保存，但表中地区不是一个完整的比较组，未核对"
            "（可用 --group 指定比较组）"
        )
        return
    IndicatorValue.objects.filter(
        indicator=indicator, year=year, month=month, region__in=members, reported_rank__isnull=False
    ).update(rank_group=group)
    group_readings = readings(indicator, members, year, month)
    ranks = peer_ranks(group_readings, indicator.rule)
    basis = "增速" if indicator.rank_by == RankBy.GROWTH else "数值"
    lone = sum(rank_basis(r, indicator.rule) is not None for r in group_readings) == 1
    unranked = "不排名（仅1个地区有数据）" if lone else "无法排名（缺数）"
    disagreements = rank_disagreements(group_readings, ranks)
    for region, reported, computed in disagreements:
        said = f"第{computed}位" if computed is not None else unranked
        where = f"{cells_of[region]}，" if region in cells_of else ""
        report.notes.append(
            f"位次不符：{where}“{indicator.name}”{region}报送第{reported}位，按{basis}在"
            f"“{group.name}”中计算为{said}"
        )
    if not disagreements:  # which group it was checked in (tryout 21 (6))
        report.notes.append(f"“{indicator.name}”的位次已在比较组“{group.name}”中核对，与计算一致")
