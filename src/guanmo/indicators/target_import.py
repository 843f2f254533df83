"""`guanmo import-targets`: the year's targets of each region, as the city office lays them out.

Regions as rows, indicators as columns (issue 12, "Targets and their breakdown"). A column is an
amount target in its unit ("脱贫人口（万人）", "固定资产投资目标（亿元）", converted exactly into
the indicator's unit or refused) or a growth target ("固定资产投资增长（%）", "增速"); a ratio
indicator's "%" is its amount. A two-row header with the indicator over 目标/增速 reads alike.
The 全市 row (全县 for a county at the top) is the city's own target; a 合计 row is the city's
only when it covers every unit, a 小计 row is left out (the indicators' one rule, `totals`).
Targets are kept through `services.set_targets` with the equal profile; all or nothing, every
fault naming its sheet, row and column.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from guanmo.accounts.models import User
from guanmo.indicators import services
from guanmo.indicators.choices import Kind, Profile, RankBy, is_summed
from guanmo.indicators.columns import (
    AmbiguousColumn,
    Label,
    Role,
    factor,
    figure_role,
    indicator_key,
    is_note,
    is_subtotal,
    is_total,
    read_label,
    sheet_unit,
    unit_disagreement,
    unit_in_cell,
)
from guanmo.indicators.models import MAX_PLACES, Indicator, IndicatorValue, Target
from guanmo.indicators.services import TargetInput, set_targets, target_fault, targets_changed
from guanmo.indicators.sheet_reading import header_row, second_header_row
from guanmo.indicators.totals import lists_every_unit, total_notes, whole_of
from guanmo.indicators.unit_slips import slip_message, target_slip
from guanmo.regions.models import Region
from guanmo.regions.names import naming, unnamed_region_message
from guanmo.regions.services import units_of
from guanmo.reporting.imports import record_import
from guanmo.reporting.models import ImportRecord
from guanmo.sheets import cells
from guanmo.sheets.faults import (
    ColumnUse,
    ImportReport,
    LeftOut,
    SheetFault,
    cell_place,
    numbers_shown,
    stray_row,
)
from guanmo.sheets.formats import Source, open_workbook
from guanmo.sheets.header import Expected, Header, check_sheet_name, check_title
from guanmo.sheets.number_formats import PERCENT_FORMAT, shown_value
from guanmo.sheets.sheet import Sheet, Unreadable, cell_address
from guanmo.sheets.workbook import import_reason, source_name

# Words a target column's header puts after the indicator's name besides 目标/任务
# (`columns.indicator_key`): a ceiling's target is its 控制数 (赴京访批次控制数（批）, 全年控制数;
# tryout 26 item 7). Longest first. Only a targets sheet reads them so: in a monthly bulletin a
# 控制数 column is not the indicator's figure.
TARGET_WORDS = ("全年控制数", "年度控制数", "控制数")


def target_key(name: str) -> str:
    """An indicator's name as a target column's header says it, compared as `indicator_key`
    compares names: 赴京访批次控制数 and 固定资产投资目标任务 are 赴京访批次 and 固定资产投资."""
    key = indicator_key(name)
    for word in TARGET_WORDS:
        if key.endswith(word) and key != word:
            return key.removesuffix(word)
    return key


SUBJECT = "个年度目标"


@dataclass(frozen=True)
class _Column:
    index: int
    indicator: Indicator
    growth: bool  # a growth target (%), else an amount in the indicator's unit
    shown: str
    factor: Decimal = Decimal(1)
    unit: str = ""  # the unit the column is typed in (万元), "" for the indicator's


class _Refused(Exception):
    pass


# Where a region's target of an indicator was given: (sheet, row, column's header, column index)
_Where = tuple[str, int, str, int]


@dataclass
class _Kept:
    """The targets read so far by indicator pk, where each (indicator pk, region pk) was given,
    and what a row giving both an amount and a growth is checked by (`_one_of_two`): the
    indicators' stored actuals (`_known_actuals`) and the import's year."""

    targets: dict[int, list[TargetInput]]
    given_at: dict[tuple[int, int], _Where]
    actuals: dict[tuple[int, int], tuple[Decimal, str]]
    year: int


def import_targets(
    source: Source,
    *,
    city: Region,
    year: int,
    dry_run: bool = False,
    user: User | None = None,
    file_name: str = "",
) -> ImportReport:
    """Keep the year's targets the sheet gives; the report says what was created or replaced
    (with faults nothing is; with `dry_run` nothing either)."""
    report = ImportReport(SUBJECT, dry_run=dry_run, file=file_name or source_name(source))
    try:
        sheets = open_workbook(source)
    except FileNotFoundError:
        report.faults.append(SheetFault("", None, None, f"找不到文件：{source}"))
        return report
    except Unreadable as error:
        report.faults.append(SheetFault("", None, None, error.message))
        return report
    catalogue = {indicator_key(i.name): i for i in Indicator.objects.filter(city=city)}
    regions = [city, *units_of(city)]
    kept = _Kept({}, {}, {}, year)
    indicators: dict[int, Indicator] = {}
    known = _known_targets(city, year)
    for sheet in sheets:
        found = header_row(sheet)
        if found is None or sheet.hidden:
            continue
        report.sheets.append(sheet.name)
        columns = _columns(sheet, found, catalogue, year, report)
        if report.ok:
            kept.actuals = _known_actuals(city, year, [column.indicator for column in columns])
            placed = _rows(sheet, found, columns, regions, kept, report)
            _unit_slips(sheet.name, columns, placed, (known, kept.actuals), year, report)
        indicators.update({column.indicator.pk: column.indicator for column in columns})
    if not report.sheets and report.ok:
        report.faults.append(
            SheetFault("", None, None, "未找到目标表：前20行中没有“地区”“县区”等列名")
        )
    if not report.ok:
        return report
    try:
        with transaction.atomic():
            _keep(kept, indicators, report, city=city, year=year, user=user)
            if dry_run:
                raise _Refused
    except _Refused:
        pass
    return report


def _columns(
    sheet: Sheet, found: tuple[int, int], catalogue: dict, year: int, report: ImportReport
) -> list[_Column]:
    top, region_column = found
    header = Header(rows=(top + 1,), columns={}, units={})
    check_title(header, sheet.rows[:top], Expected(year=year))
    check_sheet_name(header, sheet.name, Expected(year=year))
    report.faults += [SheetFault(sheet.name, *fault) for fault in header.faults]
    stated = sheet_unit(sheet.rows[:top])
    upper = [read_label(value) for value in sheet.rows[top]]
    lower = [read_label(v) for v in sheet.rows[top + 1]] if top + 1 < len(sheet.rows) else []
    two_rows = second_header_row(sheet, top, region_column)
    columns = []
    group: Label | None = None
    for index in range(region_column + 1, max(len(upper), len(lower))):
        above = upper[index] if index < len(upper) else None
        group = above or group
        own = lower[index] if two_rows and index < len(lower) else None
        label = own or above
        if label is None or label.role == Role.SERIAL:
            continue
        named = group if two_rows else label
        shown = f"{group.text}／{own.text}" if two_rows and group and own else label.text
        indicator = catalogue.get(target_key(named.name)) if named else None
        if indicator is None:
            report.columns.append(
                ColumnUse(sheet.name, index, shown, label.name, "", note="未识别")
            )
            # A header naming a catalogue indicator with more words: never left unread with a
            # note only (tryout 24 F3).
            key = target_key(named.name) if named else ""
            near = next((i for k, i in catalogue.items() if k and key.startswith(k)), None)
            if near is not None:
                report.faults.append(
                    SheetFault(
                        sheet.name,
                        top + 1,
                        shown,
                        f"「{shown}」像是指标“{near.name}”，但无法按表头读取；请将表头改为"
                        f"“{near.name}”（可加单位，如“{near.name}（{near.unit}）”）后再导入",
                    )
                )
                continue
            report.notes.append(
                f"工作表「{sheet.name}」「{shown}」不是本市指标目录中的指标，未读取"
            )
            continue
        # The column's own header, then its group header, says growth or amount (`figure_role`):
        # 「规上工业增加值增速目标」 is a growth though it has no %; a ratio's % is its amount.
        around = [group] if two_rows else []
        try:
            role = figure_role(label, around, ratio=indicator.kind == Kind.RATIO)
        except AmbiguousColumn as error:
            report.faults.append(SheetFault(sheet.name, top + 1, shown, str(error)))
            continue
        growth = role == Role.GROWTH
        into = Decimal(1)
        header_unit = label.unit or (group.unit if group else "")
        unit = header_unit or (stated.word if stated else "")
        if not growth and indicator.unit != "%":
            if stated and unit_disagreement(header_unit, stated):  # the line: columns' default
                report.notes.append(
                    f"工作表「{sheet.name}」「{shown}」表头写明单位为{header_unit}，按表头读取"
                    f"（{stated.place}所写{stated.word}用于未写单位的列）"
                )
            if not unit:
                report.notes.append(
                    f"工作表「{sheet.name}」「{shown}」未注明单位，按{indicator.unit}读取"
                )
            elif (into := factor(unit, indicator.unit)) is None:
                report.faults.append(
                    SheetFault(
                        sheet.name,
                        top + 1,
                        shown,
                        f"以{unit}填报，指标“{indicator.name}”的单位是{indicator.unit}，无法换算",
                    )
                )
                continue
            elif into != 1:
                at = f"（{stated.place}写明）" if stated and not header_unit else ""
                report.notes.append(
                    f"工作表「{sheet.name}」「{shown}」以{unit}填报{at}，已换算为{indicator.unit}"
                )
        columns.append(_Column(index, indicator, growth, shown, into, "" if growth else unit))
        what = "目标增速（%）" if growth else f"目标数额（{indicator.unit}）"
        report.columns.append(
            ColumnUse(sheet.name, index, shown, label.name, f"{indicator.name}·{what}", unit=unit)
        )
    return columns


def _rows(
    sheet: Sheet,
    found: tuple[int, int],
    columns: Sequence[_Column],
    regions: list[Region],
    kept: _Kept,
    report: ImportReport,
) -> list[tuple[int, Region, dict[int, Decimal]]]:
    """Each row's targets into `kept`: the targets by indicator, and where each (indicator,
    region) was given (sheet, row, column), so a second one names the first. A 小计 row is left
    out; a totals row (全市, 合计) is read after the units by the indicators' one rule
    (`totals.whole_of`): the city's target, or only compared with the units' sum. Returns the
    units' rows read: (row number, unit, figures by column index)."""
    top, region_column = found
    below = top + 2 if second_header_row(sheet, top, region_column) else top + 1
    region_header = cells.parse_line(sheet.rows[top][region_column])
    units: list[tuple[Region, dict[int, Decimal]]] = []
    placed: list[tuple[int, Region, dict[int, Decimal]]] = []
    spellings: _Spellings = {}
    totals: list[tuple[int, str, dict[int, Decimal]]] = []
    for number, raw in enumerate(sheet.rows[below:], start=below + 1):
        label = cells.parse_line(raw[region_column] if region_column < len(raw) else None)
        given = [c for c in columns if c.index < len(raw) and raw[c.index] not in (None, "")]
        if not label and not given:
            if stray := stray_row(raw):
                report.left_out.append(LeftOut(sheet.name, number, stray))
            continue
        if number in sheet.hidden_rows or number in sheet.struck_rows:
            reason = "隐藏行" if number in sheet.hidden_rows else "删除线"
            report.left_out.append(LeftOut(sheet.name, number, reason))
            continue
        if is_note(label) and not given:
            report.left_out.append(LeftOut(sheet.name, number, "注释行"))
            continue
        if is_subtotal(label):
            report.left_out.append(LeftOut(sheet.name, number, "小计行"))
            continue
        if is_total(label):
            totals.append((number, label, _figures(sheet, number, given, report, spellings)))
            continue
        named = naming(label, regions)
        region = named.region if named else None
        if named is not None and named.note:
            report.notes.append(f"工作表「{sheet.name}」第{number}行{named.note}")
        if region is None:
            message = unnamed_region_message(label, regions[1:], regions[0].name)
            report.faults.append(SheetFault(sheet.name, number, region_header, message))
            continue
        report.rows_read += 1
        figures = _figures(sheet, number, given, report, spellings)
        _keep_row(sheet.name, number, columns, region, figures, kept, report)
        if region != regions[0]:
            units.append((region, figures))
            placed.append((number, region, figures))
    members = [region for region, _ in units]
    for number, label, figures in totals:
        region, note = whole_of(label, regions[0], members)
        place = f"工作表「{sheet.name}」第{number}行“{label}”"
        if note:
            report.notes.append(place + note)
        for column in columns:
            if column.index not in figures:
                continue
            growth = column.growth
            report.notes += total_notes(
                place,
                column.indicator.name,
                column.indicator.unit,
                given=None if growth else figures[column.index],
                growth=figures[column.index] if growth else None,
                members=[each.get(column.index) for _, each in units],
                stored_as=region,
                summable=is_summed(column.indicator.kind),
                complete=region is None or lists_every_unit(region, regions[0], members),
                inferred=not label.startswith("全"),
                cells=(
                    "" if growth else cell_address(number, column.index),
                    cell_address(number, column.index) if growth else "",
                ),
            )
        if region is None:
            report.left_out.append(LeftOut(sheet.name, number, "合计行（仅供核对）"))
            continue
        report.rows_read += 1
        labels = {each[0]: each[1] for each in totals}
        figures = _second_total(
            sheet.name, (number, label), region, columns, figures, kept, labels, report
        )
        _keep_row(sheet.name, number, columns, region, figures, kept, report)
    report.notes += _spelling_notes(sheet.name, columns, spellings)
    return placed


def _known_targets(city: Region, year: int) -> dict[tuple[int, int, int], Decimal]:
    """The amount targets stored for the city's indicators this year and last:
    (indicator, region, year) → amount, in the indicator's unit."""
    stored = Target.objects.filter(
        indicator__city=city, year__in=(year - 1, year), amount__isnull=False
    )
    return {
        (indicator, region, each_year): amount
        for indicator, region, each_year, amount in stored.values_list(
            "indicator_id", "region_id", "year", "amount"
        )
    }


def _known_actuals(
    city: Region, year: int, indicators: Sequence[Indicator]
) -> dict[tuple[int, int], tuple[Decimal, str]]:
    """Per (indicator, region), the region's own stored figure a target is judged against
    (`unit_slips.target_slip`): its value of 1—12月 last year, else its latest stored
    cumulative of this year, with what it is ("2024年1—12月实际", "2025年1—6月累计"), in the
    indicator's unit."""
    stored = IndicatorValue.objects.filter(indicator__in=indicators, value__gt=0).filter(
        Q(year=year - 1, month=12) | Q(year=year)
    )
    found: dict[tuple[int, int], tuple[Decimal, str]] = {}
    rows = stored.order_by("-year", "month").values_list(
        "indicator_id", "region_id", "year", "month", "value"
    )
    for indicator, region, each_year, month, value in rows:
        if each_year == year - 1:
            found[indicator, region] = value, f"{each_year}年1—12月实际"
        else:  # this year's come first, by month: the latest stays unless last year's is stored
            period = f"1—{month}月" if month > 1 else "1月"
            found[indicator, region] = value, f"{each_year}年{period}累计"
    return found


def _median(figures: Sequence[Decimal]) -> Decimal | None:
    """The median of three or more figures (fewer say nothing of what is usual), else None."""
    if len(figures) < 3:
        return None
    ordered, middle = sorted(figures), len(figures) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _unit_slips(
    sheet: str,
    columns: Sequence[_Column],
    placed: Sequence[tuple[int, Region, dict[int, Decimal]]],
    known: tuple[dict[tuple[int, int, int], Decimal], dict[tuple[int, int], tuple[Decimal, str]]],
    year: int,
    report: ImportReport,
) -> None:
    """A unit's amount target a power of ten off (a hundredfold or more) its stored target of
    the indicator and year, else its target of last year, else the median of the other units'
    in the sheet, is a fault naming the cell (`unit_slips.target_slip`; tryout 14 T3: 1.41
    typed in a 万元 column, meant 亿元, replaced a stored 18.73亿元); first of all, one a
    hundredfold off the unit's own actual figure (`_known_actuals`; tryout 18 S13: a whole
    column typed in 亿元 under （万元）)."""
    targets, actuals = known
    for column in columns:
        if column.growth or column.indicator.unit == "%":
            continue
        indicator = column.indicator
        given = [(n, r, f[column.index]) for n, r, f in placed if column.index in f]
        for number, region, figure in given:
            others = _median([each for _, r, each in given if r != region and each > 0])
            references = (
                (targets.get((indicator.pk, region.pk, year)), f"已存{year}年目标"),
                (targets.get((indicator.pk, region.pk, year - 1)), f"{year - 1}年目标"),
                (others, "其他单位目标的中位数"),
            )
            slip = target_slip(
                figure,
                references=references,
                actual=actuals.get((indicator.pk, region.pk), (None, "")),
                stated=column.unit,
                unit=indicator.unit,
            )
            if slip is not None:
                cell = cell_address(number, column.index)
                message = slip_message(cell, figure, indicator.unit, column.unit, slip)
                report.faults.append(SheetFault(sheet, number, column.shown, message))


def _second_total(
    sheet: str,
    row: tuple[int, str],
    region: Region,
    columns: Sequence[_Column],
    figures: dict[int, Decimal],
    kept: _Kept,
    labels: dict[int, str],
    report: ImportReport,
) -> dict[int, Decimal]:
    """A totals row's figures less those the region was given already by another row of the
    sheet (全市 at row 3 and 合计 at row 16 both the city's): one the same as before is kept
    once with a note, one that differs is a fault naming both rows, each with its figure
    (tryout 11 E: the same column named twice and no row 16)."""
    number, label = row
    targets, given_at = kept.targets, kept.given_at
    left = dict(figures)
    for column in columns:
        first = given_at.get((column.indicator.pk, region.pk))
        if column.index not in figures or first is None or first[:2] == (sheet, number):
            continue
        del left[column.index]
        before = next(t for t in targets[column.indicator.pk] if t.region == region)
        was = before.growth if column.growth else before.amount
        unit = "%" if column.growth else column.indicator.unit
        other = (
            f"第{first[1]}行“{labels.get(first[1], '')}”"
            if first[0] == sheet
            else (f"工作表「{first[0]}」第{first[1]}行")
        )
        now = figures[column.index]
        if was == now:
            report.notes.append(
                f"工作表「{sheet}」第{number}行“{label}”的「{column.shown}」与{other}相同"
                f"（{cells.format_wan(now)}{unit}），按第{first[1]}行保存"
            )
            continue
        report.faults.append(
            SheetFault(
                sheet,
                number,
                column.shown,
                f"{region.name}“{column.indicator.name}”目标在{other}（{cells.format_wan(was)}"
                f"{unit}）和第{number}行“{label}”（{cells.format_wan(now)}{unit}）不一致；"
                "请核对后只保留一行",
            )
        )
    return left


# (column index, how it is written) → (row, as typed, as read) of each figure so written
_Spellings = dict[tuple[int, str], list[tuple[int, str, Decimal]]]


def _figures(
    sheet: Sheet,
    number: int,
    given: Sequence[_Column],
    report: ImportReport,
    spellings: _Spellings | None = None,
) -> dict[int, Decimal]:
    """A row's figures by column index, as the sheet shows them, amounts in the indicator's
    unit; a cell that is not a figure is a fault of `report`. A figure written beyond a plain
    number goes into `spellings` for the report (`_spelling_notes`)."""
    figures = {}
    for column in given:
        percent = column.growth or column.indicator.unit == "%"
        value = shown_value(sheet, number, column.index, percent=percent)
        try:  # as the sheet shows it: 0.08 under "0.0%" is a growth of 8
            figure = cells.parse_figure(value)
        except cells.CellError as error:
            cells_of = sheet.rows[number - 1]
            raw = cells_of[column.index] if column.index < len(cells_of) else None
            unit = "" if column.growth else column.unit or column.indicator.unit
            said = unit_in_cell(raw, unit, column.indicator.name) if unit else ""
            report.faults.append(SheetFault(sheet.name, number, column.shown, said or str(error)))
            continue
        if figure is None:
            continue
        raw = sheet.rows[number - 1][column.index]
        for spelling in _spelled(raw, value) if spellings is not None else []:
            typed = cells.parse_line(value)
            spellings.setdefault((column.index, spelling), []).append((number, typed, figure))
        if not column.growth and (why := _too_fine(figure, column, number)):
            report.faults.append(SheetFault(sheet.name, number, column.shown, why))
            continue
        figures[column.index] = figure if column.growth else figure * column.factor
    return figures


def _spelled(raw: object, value: object) -> list[str]:
    """How a figure cell was written beyond a plain number, as the report says it: a number
    whose percent format shows it as a percent (0.085 shown 8.5%: PERCENT_FORMAT, tryout 18
    (6c): it was called 文本), else the text's ways (`cells.figure_spelling`)."""
    if not isinstance(raw, str):
        return [PERCENT_FORMAT] if isinstance(value, str) and value.endswith("%") else []
    return cells.figure_spelling(value)


def _spelling_notes(sheet: str, columns: Sequence[_Column], spellings: _Spellings) -> list[str]:
    """One note per column and way a figure was written beyond a plain number, naming the cells
    and an example: "工作表「目标」第2、5行列B「…（万元）」含千位分隔符，按数字读取（如「12,345」
    读作12345）", as the ledger says of its money cells."""
    shown = {column.index: column.shown for column in columns}
    notes = []
    for (index, spelling), found in spellings.items():
        rows = numbers_shown([number for number, _, _ in found])
        _, typed, figure = found[0]
        notes.append(
            f"{cell_place(sheet, rows, index, shown[index])}{spelling}"
            f"（如「{typed}」读作{cells.format_wan(figure)}）"
        )
    return notes


def _too_fine(figure: Decimal, column: _Column, number: int) -> str:
    """Why an amount cannot be kept exactly in the indicator's unit (more than MAX_PLACES
    decimals once converted: 112345.005万元 is 11.2345005亿元), naming the cell and how to type
    it (to the column's unit's smallest step that converts exactly); "" when it can."""
    converted = (figure * column.factor).normalize()
    if cells.decimal_places(converted) <= MAX_PLACES:
        return ""
    unit = column.unit or column.indicator.unit
    finest = (Decimal(1).scaleb(-MAX_PLACES) / column.factor).normalize()
    example = figure.quantize(finest, rounding=ROUND_HALF_UP) if finest < 1 else figure
    return (
        f"单元格{cell_address(number, column.index)}所填{cells.format_wan(figure)}{unit}换算为"
        f"{column.indicator.unit}超过{MAX_PLACES}位小数，无法精确保存；请填到"
        f"{cells.format_wan(finest)}{unit}为止（如{cells.format_wan(example)}）"
    )


def _keep_row(
    sheet: str,
    number: int,
    columns: Sequence[_Column],
    region: Region,
    figures: dict[int, Decimal],
    kept: _Kept,
    report: ImportReport,
) -> None:
    """The region's targets from the row's `figures` into `kept`, each checked; of an amount
    and a growth given for one indicator in the row, the one it is ranked by (`_one_of_two`)."""
    targets, given_at = kept.targets, kept.given_at
    passed = _one_of_two((sheet, number), (region, figures), columns, kept, report.notes)
    for column in columns:
        if (figure := figures.get(column.index)) is None or column.index in passed:
            continue
        if column.growth:
            given_target = TargetInput(region, growth=figure)
        else:
            given_target = TargetInput(region, amount=figure)
        fault = target_fault(column.indicator, given_target) or _given_twice(
            column, region, sheet, number, given_at
        )
        if fault:
            report.faults.append(SheetFault(sheet, number, column.shown, fault))
            continue
        given_at[column.indicator.pk, region.pk] = (sheet, number, column.shown, column.index)
        targets.setdefault(column.indicator.pk, []).append(given_target)


def _one_of_two(
    at: tuple[str, int],
    row: tuple[Region, dict[int, Decimal]],
    columns: Sequence[_Column],
    kept: _Kept,
    notes: list[str],
) -> set[int]:
    """The indexes of the columns passed over in a row giving one indicator both an amount
    target and a growth target (the usual 目标（亿元）| 增速（%） pair, tryout 18 (4)).

    A target is one figure, an amount or a growth, never both (`Target`'s constraint, and every
    judgement of it: `targets`); so the one the indicator is ranked by (`Indicator.rank_by`:
    按增速 keeps the growth, 按总量 the amount) is kept and the other is checked against it
    with the region's actual of last year (1—12月, `_known_actuals`): the growth the amount
    implies, to the growth's typed decimals half-up, agrees or not; said by the cell passed
    over, never stored, never a refusal. Two columns of one kind stay refused (`_given_twice`).
    `at` is (sheet, row number), `row` the region and its figures by column index."""
    (sheet, number), (region, figures) = at, row
    passed: set[int] = set()
    by_indicator: dict[int, list[_Column]] = {}
    for column in columns:
        if column.index in figures:
            by_indicator.setdefault(column.indicator.pk, []).append(column)
    for pair in by_indicator.values():
        growths = [column for column in pair if column.growth]
        amounts = [column for column in pair if not column.growth]
        if len(growths) != 1 or len(amounts) != 1:
            continue
        indicator = pair[0].indicator
        by_growth = indicator.rank_by == RankBy.GROWTH
        keep, other = (growths[0], amounts[0]) if by_growth else (amounts[0], growths[0])
        passed.add(other.index)
        amount, growth = figures[amounts[0].index], figures[growths[0].index]
        check = _pair_check(indicator, region, amount, growth, kept)
        kept_said = _target_said(indicator, *((None, growth) if by_growth else (amount, None)))
        kept_at = cell_place(sheet, number, keep.index, keep.shown)
        notes.append(
            f"{cell_place(sheet, number, other.index, other.shown)}：{region.name}"
            f"“{indicator.name}”同时填写了{_target_said(indicator, amount, None)}和"
            f"{_target_said(indicator, None, growth)}；每个指标每年只保存一个目标，本指标"
            f"{RankBy(indicator.rank_by).label}排名，保存{kept_said}（{kept_at}），"
            f"{'数额' if by_growth else '增速'}目标未保存；{check}"
        )
    return passed


def _pair_check(
    indicator: Indicator, region: Region, amount: Decimal, growth: Decimal, kept: _Kept
) -> str:
    """Whether an amount target and a growth target given together agree: the growth the
    amount implies over the region's 1—12月 actual of last year, to the growth's decimals
    half-up (12.0 → one decimal); said either way, or that it could not be checked."""
    last = f"{kept.year - 1}年1—12月实际"
    actual, what = kept.actuals.get((indicator.pk, region.pk), (None, ""))
    if indicator.kind == Kind.RATIO or actual is None or what != last or actual <= 0:
        return f"没有{last}数，未核对两者是否相符"
    step = Decimal(1).scaleb(-cells.decimal_places(growth))
    implied = ((amount / actual - 1) * 100).quantize(step, rounding=ROUND_HALF_UP)
    base = f"按{last}{cells.format_wan(actual)}{indicator.unit}计，数额目标相当于增长"
    if implied == growth:
        return f"{base}{cells.format_wan(implied)}%，两者相符"
    return f"{base}{cells.format_wan(implied)}%，与增速目标{cells.format_wan(growth)}%不符，请核对"


def _target_said(indicator: Indicator, amount: Decimal | None, growth: Decimal | None) -> str:
    """A target as notes say it: 数额目标180亿元, 增速目标12%."""
    if amount is not None:
        return f"数额目标{cells.format_wan(amount)}{indicator.unit}"
    return f"增速目标{cells.format_wan(growth or Decimal(0))}%"


def _given_twice(
    column: _Column,
    region: Region,
    sheet: str,
    number: int,
    given_at: dict[tuple[int, int], _Where],
) -> str:
    """Why a region's target of an indicator given already (in the place `given_at` keeps:
    sheet, row, column) is refused, naming both columns; "" when it is the first."""
    first = given_at.get((column.indicator.pk, region.pk))
    if first is None:
        return ""
    where = (
        f"「{first[2]}」"
        if first[:2] == (sheet, number)
        else (f"工作表「{first[0]}」第{first[1]}行「{first[2]}」")
    )
    return (
        f"{region.name}“{column.indicator.name}”目标填写了两次（{where}和「{column.shown}」）；"
        "每个地区每个指标只有一个目标，数额或增速，请只留一列"
    )


def _profiles_changed(
    indicator: Indicator, stored: Sequence[Target], inputs: Sequence[TargetInput]
) -> list[str]:
    """What the import does to the 分解方式 of targets kept before: the sheet gives amounts
    only, so a replaced target is broken down equally; each change is said in the report
    ("…目标的分解方式由按上年进度分解改为平均分解"), not only in its history (tryout 11 §3)."""
    given = {each.region.pk: each for each in inputs}
    notes = []
    for target in stored:
        new = given[target.region_id]
        if new.amount is None or target.amount is None or target.profile == new.profile:
            continue
        notes.append(
            f"{target.region.name}“{indicator.name}”目标的分解方式由"
            f"{Profile(target.profile).label}改为{Profile(new.profile).label}（表中只有数额；"
            "如需原分解方式，请导入后在目标页面重新设定）"
        )
    return notes


def _kinds_changed(
    indicator: Indicator,
    stored: Sequence[Target],
    inputs: Sequence[TargetInput],
    given_at: dict[tuple[int, int], _Where],
) -> list[str]:
    """A stored target replaced by one of the other kind (an amount by a growth or back),
    said by the cell that gives it as a changed 分解方式 is (`_profiles_changed`): "工作表「目标」
    第3行列B「…」：武陟县“固定资产投资”原为增速目标12%，现为数额目标180亿元" (tryout 18 (2))."""
    given = {each.region.pk: each for each in inputs}
    notes = []
    for target in stored:
        new = given[target.region_id]
        if (target.amount is None) == (new.amount is None):
            continue
        sheet, number, shown, index = given_at[indicator.pk, target.region_id]
        notes.append(
            f"{cell_place(sheet, number, index, shown)}：{target.region.name}“{indicator.name}”"
            f"原为{_target_said(indicator, target.amount, target.growth)}，"
            f"现为{_target_said(indicator, new.amount, new.growth)}"
        )
    return notes


def _keep(
    kept: _Kept,
    indicators: dict[int, Indicator],
    report: ImportReport,
    *,
    city: Region,
    year: int,
    user: User | None,
) -> None:
    record = None
    if not report.dry_run:
        record = record_import(report, city=city, kind=ImportRecord.Kind.TARGETS, user=user)
    for pk, inputs in kept.targets.items():
        indicator = indicators[pk]
        stored = Target.objects.filter(
            indicator=indicator, year=year, region__in=[each.region for each in inputs]
        ).select_related("region")
        existing = len(stored)
        # a stored target the sheet gives again as it is is 无变化, not 更新 (tryout 26 item 11)
        changed = len(targets_changed(indicator, year, inputs))
        report.notes += _kinds_changed(indicator, stored, inputs, kept.given_at)
        report.notes += _profiles_changed(indicator, stored, inputs)
        try:
            set_targets(
                indicator,
                year,
                inputs,
                user=user,
                source=services.Source.IMPORT,
                reason=import_reason(report.file),
            )
        except ValidationError as error:
            report.faults += [SheetFault("", None, indicator.name, m) for m in error.messages]
            continue
        report.updated += changed
        report.unchanged += existing - changed
        report.created += len(inputs) - existing
    if not report.ok:
        raise _Refused
    if record is not None:
        record.report, record.text = report.as_dict(), "\n".join(report.lines())
        record.save(update_fields=["report", "text"])
