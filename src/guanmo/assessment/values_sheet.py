"""Reading a cycle's values sheet (units as rows, indicators as columns) and the previous
cycle's ranks, through the ledger's sheet reading, with columns the scheme names.

The columns are the scheme's: one per indicator (a 目标完成 indicator also "<指标>目标"), one per
加分/扣分 item (occurrences) and veto item (是/否, or a count), and 不参评 (是 marks an exempt
unit). An indicator named with a money unit ("固定资产投资（亿元）") is read as money: a header
giving another unit (万元) is converted exactly into the scheme's. A rated unit missing a value
the scheme needs, a unit named twice or a value that cannot be read stops the reading, naming
its sheet, row and column; a 合计 or 平均 row is left out and listed.
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from guanmo.assessment.definition import TARGET_SUFFIX, Definition, Inputs, Missing
from guanmo.assessment.scheme import Form
from guanmo.assessment.sheet_reading import TOTALS, Refused
from guanmo.regions.names import clean_text, naming, region_named
from guanmo.sheets import cells
from guanmo.sheets.advice import Channel
from guanmo.sheets.faults import ImportReport, LeftOut, SheetFault
from guanmo.sheets.formats import Source
from guanmo.sheets.header import Catalogue
from guanmo.sheets.header_model import Expected
from guanmo.sheets.table import Row
from guanmo.sheets.workbook import Reading, SheetSpec, read_workbook, source_name


@dataclass(frozen=True)
class _Unit:
    name: str


@dataclass(frozen=True)
class UnitRoll:
    """The units a city assesses (`names`, full names in the city's order, as
    `regions.services.units_of` gives them) and the city's name, for checking a sheet's units.

    A sheet's unit is one of them only by its full, short or spoken name
    (`regions.names.region_named`: 武陟县, 武陟, 示范区), never by containment or a shared prefix:
    马村镇 is not 马村区 (issue 13, tryout13)."""

    city: str
    names: tuple[str, ...]

    def named(self, text: str) -> str | None:
        """The full name of the unit `text` names; None when it names none of the city's."""
        found = region_named(text, [_Unit(name) for name in self.names])
        return found.name if found else None

    def checked(self, text: str, row: Row, report: ImportReport) -> str | None:
        """The full name of the unit `text` (in sheet row `row`) names; None, with a fault
        naming the row and listing the city's units added to `report`, when none; a unit named
        otherwise than by its full name is said in the report's notes (“武陟”按简称识别为武陟县)."""
        named = naming(text, [_Unit(name) for name in self.names])
        if named is not None and named.note:
            report.notes.append(f"工作表「{row.sheet}」第{row.number}行{named.note}")
        if (full := self.named(text)) is None:
            units = "、".join(self.names)
            why = f"“{text}”不是{self.city}的考核单位；{self.city}的考核单位为：{units}"
            report.faults.append(SheetFault(row.sheet, row.number, UNIT, why))
        return full


UNIT_WORDS = [
    "单位",
    "单位名称",
    "参评单位",
    "被考核单位",
    "考核单位",
    "县区",
    "县(市、区)",
    "县市区",
    "地区",
    "企业",
    "企业名称",
    "园区",
    "名称",
]
UNIT, SERIAL, EXEMPT, RANK = "单位", "序号", "不参评", "位次"
RANK_WORDS = ["位次", "排名", "名次", "上期位次", "上年位次", "上期排名", "上年排名"]
YES = {"是", "√", "✓", "有", "否决", "Y", "YES", "1"}
NO = {"否", "无", "0", "N", "NO", "-", "/", "—"}
# Units a header may add after an indicator's name ("投资完成率（%）"), read as the same column.
MEASURES = (
    "%",
    "个",
    "项",
    "次",
    "天",
    "分",
    "人",
    "家",
    "亩",
    "吨",
    "万元/亩",
    "元/亩",
    "万元/人",
    "万元/吨标准煤",
)
_MEASURE_NAME = re.compile(r"[(（]([^()（）]{1,6})[)）]$")
_MONEY_NAME = re.compile(r"[(（]\s*(亿元|万元|千元|百万元|元)\s*[)）]$")
_MONEY_NAMES = ("元", "千元", "万元", "亿元")
_MONEY_PER = re.compile(r"^(亿元|万元|千元|元)/(.+)$")  # 万元/亩: money per a measure


def parse_flag(value: object) -> bool | None:
    """是/否 as offices type it (是, √, 1, 有; 否, 无, 0, blank), or a count (2 accidents: yes).
    CellError for anything else."""
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value < 0:
            raise cells.CellError("不能为负数")
        return value > 0
    text = clean_text(value).upper()
    if text in YES:
        return True
    if not text or text in NO:
        return False
    raise cells.CellError(f"应填“是”或“否”，不是「{cells.parse_line(value)}」")


def parse_count(value: object) -> Decimal | None:
    count = cells.parse_figure(value)
    if count is not None and count < 0:
        raise cells.CellError("次数不能为负数")
    return count


def _money_unit(name: str) -> str:
    match = _MONEY_NAME.search(cells.normalise(name))
    return match.group(1) if match else ""


def target_names(definition: Definition) -> list[str]:
    """The target columns a scheme needs: "<指标>目标" for each 目标完成 indicator."""
    return [r.name + TARGET_SUFFIX for r in definition.indicators if r.form is Form.TARGET_MET]


def _stated_measure(name: str) -> str:
    """The measure a name states in its closing brackets (万元/亩), "" for none."""
    match = _MEASURE_NAME.search(cells.normalise(name))
    stated = match.group(1) if match else ""
    return stated if stated in MEASURES or _MONEY_PER.match(stated) else ""


def _convertible(measure: str) -> list[str]:
    """The measures a figure in `measure` converts from exactly: 万元/亩 from 元/亩, 亿元/亩."""
    match = _MONEY_PER.match(measure)
    if not match:
        return []
    return [f"{money}/{match.group(2)}" for money in _MONEY_NAMES if money != match.group(1)]


def measure_factor(given: str, wanted: str) -> Decimal:
    """What a figure in `given` (元/亩) is multiplied by to be in `wanted` (万元/亩): 0.0001.
    Only for the pairs `_convertible` names; 1 for the same measure."""
    if given == wanted:
        return Decimal(1)
    have, want = _MONEY_PER.match(given), _MONEY_PER.match(wanted)
    assert have and want and have.group(2) == want.group(2), (given, wanted)
    return cells.MONEY_UNITS[have.group(1)] / cells.MONEY_UNITS[want.group(1)]


def header_words(name: str) -> list[str]:
    """The headers naming an indicator: its name, alone or with a measure in brackets. A name
    stating its measure (亩均税收（万元/亩）) is found only with that measure or one converting
    exactly into it (元/亩, converted by `_inputs`): 185000元/亩 is never 185000万元/亩 (issue 9,
    tryout 8 S03)."""
    bare = _MEASURE_NAME.sub("", cells.normalise(name))
    stated = _stated_measure(name)
    measures = [stated, *_convertible(stated)] if stated else MEASURES
    return list(dict.fromkeys([name, bare, *(f"{bare}({measure})" for measure in measures)]))


def target_header_words(indicator: str) -> list[str]:
    """The headers naming a 目标完成 indicator's target column: 目标 after the indicator as its
    own column may be headed (`header_words`), or after its bare name with the measure after
    目标 or none: 按期开工率（%）目标, 按期开工率目标（%）, 按期开工率目标 (tryout 27: the last two
    were refused, with advice to put the unit in the middle of the name)."""
    bare = _MEASURE_NAME.sub("", cells.normalise(indicator))
    with_target = [word + TARGET_SUFFIX for word in header_words(indicator)]
    after = [
        f"{bare}{TARGET_SUFFIX}{word.removeprefix(bare)}"
        for word in header_words(indicator)
        if word.startswith(bare)
    ]
    return list(dict.fromkeys([*with_target, *after]))


def values_catalogue(definition: Definition) -> tuple[Catalogue, dict[str, StrEnum], StrEnum]:
    """The values sheet's columns for a scheme: the catalogue, the field of each name the
    scheme uses (indicators, "<指标>目标", items, 不参评), and the unit column's field."""
    names = [SERIAL, UNIT, *definition.names]
    names += target_names(definition)
    names += [rule.item for rule in definition.adjustment_rules] + list(definition.vetoes)
    names.append(EXEMPT)
    column = StrEnum("ValuesColumn", [(f"C{i}", name) for i, name in enumerate(names)])
    fields = {name: column(name) for name in names}
    synonyms = {fields[name]: [name] for name in names}
    synonyms[fields[UNIT]] = UNIT_WORDS
    synonyms[fields[EXEMPT]] = [EXEMPT, "是否不参评", "免于考核"]
    money = set()
    parsers = {fields[UNIT]: cells.parse_line, fields[EXEMPT]: parse_flag}
    targets = {r.name + TARGET_SUFFIX: r.name for r in definition.indicators}
    for name in names[2:-1]:
        parsers[fields[name]] = cells.parse_figure
        if name in targets and name not in definition.names:
            synonyms[fields[name]] = target_header_words(targets[name])
            continue
        if _money_unit(name):
            money.add(fields[name])
            synonyms[fields[name]] = [_MONEY_NAME.sub("", cells.normalise(name))]
        else:
            synonyms[fields[name]] = header_words(name)
    for rule in definition.adjustment_rules:
        parsers[fields[rule.item]] = parse_count
    for veto in definition.vetoes:
        parsers[fields[veto]] = parse_flag
    catalogue = Catalogue(
        fields=tuple(column),
        synonyms=synonyms,
        money=frozenset(money),
        serial=fields[SERIAL],
        identity=(fields[UNIT],),
        name=fields[UNIT],
        marks=frozenset({fields[UNIT]}),
        labels=frozenset({fields[SERIAL], fields[UNIT]}),
        parsers={name: parser for name, parser in parsers.items() if name not in money},
        row_word="单位",
        row_marks="单位名称",
        header_words="“单位”“县区”和各指标",
    )
    return catalogue, fields, fields[UNIT]


def read_values(
    source: Source,
    definition: Definition,
    *,
    sourced: frozenset[str] = frozenset(),
    roll: UnitRoll | None = None,
) -> tuple[Inputs, ImportReport]:
    """The cycle's inputs from the values sheet. The `sourced` indicators (their values come
    from Guanmo, `sources`) need no column and may be blank: a value given overrides the
    source. With a city's `roll`, every unit must be one of the city's (kept by its full name)
    and every unit of the city listed; one absent is refused, unless the scheme's 缺失数据 is
    不参评: then it is exempt and the report says "未参评：…" (issue 13). Raises Refused with
    every fault."""
    catalogue, fields, unit_field = values_catalogue(definition)
    typed = [name for name in definition.names if name not in sourced]
    needed = [(fields[name],) for name in [UNIT, *typed, *target_names(definition)]]
    spec = SheetSpec(catalogue, frozenset(catalogue.fields) - {fields[SERIAL]}, tuple(needed))
    reading = read_workbook(source, spec, Expected(channel=Channel.HEADER))
    report = reading.report("个单位", dry_run=True)
    report.file = source_name(source)
    if not report.ok:
        raise Refused(report)
    inputs = _inputs(reading, definition, fields, unit_field, report, sourced, roll)
    if not report.ok:
        raise Refused(report)
    report.rows_read = len(inputs.values)
    return inputs, report


def _inputs(
    reading: Reading,
    definition: Definition,
    fields: dict[str, StrEnum],
    unit_field: StrEnum,
    report: ImportReport,
    sourced: frozenset[str] = frozenset(),
    roll: UnitRoll | None = None,
) -> Inputs:
    values: dict[str, dict[str, Decimal | None]] = {}
    targets: dict[str, dict[str, Decimal | None]] = {}
    counts: dict[str, dict[str, Decimal]] = {}
    vetoed, exempt = set(), set()
    vetoed_by: dict[str, tuple[str, ...]] = {}
    target_rows = [r for r in definition.indicators if r.form is Form.TARGET_MET]
    factors = _measure_factors(reading, definition, fields, report)
    for row in reading.rows:
        if row.faults:
            report.faults += row.faults
            continue
        unit = row.values.get(unit_field, "")
        if TOTALS.match(clean_text(unit)):
            report.left_out.append(LeftOut(row.sheet, row.number, "合计行"))
            continue
        if roll is not None:
            if (full := roll.checked(unit, row, report)) is None:
                continue
            unit = full
        if unit in values:
            report.faults.append(
                SheetFault(row.sheet, row.number, UNIT, f"单位“{unit}”出现了不止一次")
            )
            continue
        if row.values.get(fields[EXEMPT]):
            exempt.add(unit)
        if items := tuple(veto for veto in definition.vetoes if row.values.get(fields[veto])):
            vetoed.add(unit)
            vetoed_by[unit] = items
        own = {}
        for indicator in definition.indicators:
            value = row.values.get(fields[indicator.name])
            if value is not None and (stated := _money_unit(indicator.name)):
                value = value / cells.MONEY_UNITS[stated]  # read in 万元, kept in the scheme's
            elif value is not None:
                value = value * factors.get((row.sheet, indicator.name), Decimal(1))
            own[indicator.name] = value
            if value is None and unit not in exempt and indicator.name not in sourced:
                report.faults.append(
                    SheetFault(
                        row.sheet,
                        row.number,
                        indicator.name,
                        f"{unit}没有填写“{indicator.name}”；参评单位的每项指标都须填写"
                        "（免于考核的单位在“不参评”列填“是”）",
                    )
                )
        for indicator in target_rows:
            name = indicator.name + TARGET_SUFFIX
            target = row.values.get(fields[name])
            targets.setdefault(unit, {})[indicator.name] = target
            if target is None and unit not in exempt:
                report.faults.append(
                    SheetFault(row.sheet, row.number, name, f"{unit}没有填写“{name}”")
                )
        counts[unit] = {
            rule.item: row.values[fields[rule.item]]
            for rule in definition.adjustment_rules
            if row.values.get(fields[rule.item]) is not None
        }
        values[unit] = own
    if not values and report.ok:
        report.faults.append(SheetFault("", None, None, "数值表中没有任何参评单位"))
    if roll is not None and report.ok:
        _absent_units(roll, definition, values, exempt, report)
    return Inputs(
        values, targets, counts, frozenset(vetoed), frozenset(exempt), vetoed_by=vetoed_by
    )


def _measure_factors(
    reading: Reading, definition: Definition, fields: dict[str, StrEnum], report: ImportReport
) -> dict[tuple[str, str], Decimal]:
    """(sheet, indicator) → factor into the scheme's measure, for each column whose header
    states another that converts exactly (元/亩 for 万元/亩), each said in a note."""
    factors = {}
    for sheet, header in reading.headers:
        for column in header.readings:
            indicator = next((n for n in definition.names if column.field == fields[n]), None)
            wanted = _stated_measure(indicator) if indicator else ""
            given = _stated_measure(column.text.split("／")[-1])
            if indicator and wanted and given and given != wanted:
                factors[sheet, indicator] = measure_factor(given, wanted)
                report.notes.append(
                    f"工作表「{sheet}」「{column.text}」以{given}填报，已换算为{wanted}"
                )
    return factors


def _absent_units(
    roll: UnitRoll,
    definition: Definition,
    values: dict[str, dict[str, Decimal | None]],
    exempt: set[str],
    report: ImportReport,
) -> None:
    """The city's units the sheet leaves out: refused, or exempt and said when the scheme's
    缺失数据 is 不参评 — never silently left out (issue 13)."""
    absent = [name for name in roll.names if name not in values]
    if not absent:
        return
    listed = "、".join(absent)
    if definition.missing is not Missing.EXEMPT:
        report.faults.append(
            SheetFault(
                "",
                None,
                UNIT,
                f"数值表缺少{roll.city}的{listed}；免于考核的单位也须列出，"
                "在“不参评”列填“是”（或考核办法设置“缺失数据”为不参评）",
            )
        )
        return
    for name in absent:
        values[name] = {indicator: None for indicator in definition.names}
        exempt.add(name)
    report.notes.append(f"未参评：{listed}（数值表未列，考核办法缺失数据为不参评）")


PREVIOUS = StrEnum("PreviousColumn", [("SERIAL", SERIAL), ("UNIT", UNIT), ("RANK", RANK)])
PREVIOUS_COLUMNS = Catalogue(
    fields=tuple(PREVIOUS),
    synonyms={PREVIOUS.SERIAL: [SERIAL], PREVIOUS.UNIT: UNIT_WORDS, PREVIOUS.RANK: RANK_WORDS},
    serial=PREVIOUS.SERIAL,
    identity=(PREVIOUS.UNIT,),
    name=PREVIOUS.UNIT,
    marks=frozenset({PREVIOUS.UNIT}),
    labels=frozenset({PREVIOUS.SERIAL, PREVIOUS.UNIT}),
    parsers={PREVIOUS.UNIT: cells.parse_line, PREVIOUS.RANK: cells.parse_rank},
    row_word="单位",
    row_marks="单位名称",
    header_words="“单位”“位次”",
)


def read_previous(
    source: Source, *, roll: UnitRoll | None = None, units: frozenset[str] | None = None
) -> tuple[dict[str, int], ImportReport]:
    """The previous cycle's ranks {unit: rank} (units without a rank left out). With a city's
    `roll`, a unit must be one of the city's (kept by its full name); without one, given the
    values sheet's `units`, one of those. Refused for any fault, an unknown unit naming its
    row, never dropped (issue 13)."""
    spec = SheetSpec(
        PREVIOUS_COLUMNS,
        frozenset({PREVIOUS.UNIT, PREVIOUS.RANK}),
        ((PREVIOUS.UNIT,), (PREVIOUS.RANK,)),
    )
    reading = read_workbook(source, spec, Expected(channel=Channel.HEADER))
    report = reading.report("个单位", dry_run=True)
    report.file = source_name(source)
    ranks: dict[str, int] = {}
    for row in reading.rows:
        report.faults += row.faults
        unit, rank = row.values.get(PREVIOUS.UNIT, ""), row.values.get(PREVIOUS.RANK)
        if row.faults or not unit or TOTALS.match(clean_text(unit)):
            continue
        if roll is not None:
            if (full := roll.checked(unit, row, report)) is None:
                continue
            unit = full
        elif units is not None and unit not in units:
            known = "、".join(sorted(units))
            report.faults.append(
                SheetFault(
                    row.sheet,
                    row.number,
                    UNIT,
                    f"“{unit}”不是数值表中的单位；数值表的单位为：{known}",
                )
            )
            continue
        if rank is not None:
            if unit in ranks:
                report.faults.append(
                    SheetFault(row.sheet, row.number, UNIT, f"单位“{unit}”出现了不止一次")
                )
            ranks[unit] = rank
    if not report.ok:
        raise Refused(report)
    return ranks, report
