"""Reading an assessment from sheets: the scheme (考核办法), the cycle's values, the previous
cycle's ranks; through the ledger's sheet reading (`guanmo.sheets.workbook.read_workbook`), so
titles, units in headers, merged cells, hidden and struck rows, messy numbers and every format
(.xls too) are read as the ledger reads them, and a fault names its sheet, row and column.

All or nothing: any fault and nothing is computed. The scheme sheet's layout (README,
"Assessment"): one row per 二级指标 under the columns 一级指标, 权重, 二级指标, 权重/分值, 方向,
计分方法, 参数; rows whose 一级指标 is 加分 or 扣分 are 加分/扣分 items (权重/分值 the points per
occurrence, 参数 "上限=1" the item's cap, 权重 the cap of all bonuses or deductions), 一票否决
rows are veto items (参数 排在末位 or 不定等次), and 设置 rows set the method (二级指标 the setting,
参数 its value); an optional 来源 column names where an indicator's value comes from in Guanmo
(`sources`: 台账:年度计划完成率, 指标:固定资产投资:增速 …). The values sheet: units as rows, one
column per indicator (and per target, 加分/扣分 item and veto item), 不参评 marking exempt units.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum

from guanmo.assessment.aggregation import AdjustmentRule
from guanmo.assessment.definition import Definition, IndicatorRow, Weighting, shares
from guanmo.assessment.results import VetoEffect
from guanmo.assessment.scheme import Form
from guanmo.assessment.scheme_words import (
    DIRECTIONS,
    FORM_WORDS,
    FORMS,
    ONE_OF,
    PARAMETERS,
    REQUIRED,
    SETTINGS,
    VETO_EFFECTS,
    parse_pairs,
)
from guanmo.assessment.scoring import Direction
from guanmo.assessment.sources import parse_source
from guanmo.regions.names import clean_text
from guanmo.sheets import cells
from guanmo.sheets.advice import Channel
from guanmo.sheets.faults import ImportReport, LeftOut, SheetFault
from guanmo.sheets.formats import Source
from guanmo.sheets.header import Catalogue
from guanmo.sheets.header_model import Expected
from guanmo.sheets.table import Row
from guanmo.sheets.workbook import Reading, SheetSpec, read_workbook, source_name


class SchemeColumn(StrEnum):
    SERIAL = "序号"
    TOP = "一级指标"
    TOP_WEIGHT = "权重"
    NAME = "二级指标"
    WEIGHT = "权重/分值"
    DIRECTION = "方向"
    FORM = "计分方法"
    PARAMETERS = "参数"
    SOURCE = "来源"


S = SchemeColumn
SCHEME_COLUMNS = Catalogue(
    fields=tuple(SchemeColumn),
    synonyms={
        S.SERIAL: ["序号"],
        S.TOP: ["一级指标", "考核项目", "考核内容"],
        S.TOP_WEIGHT: ["权重", "一级指标权重", "一级权重", "一级指标分值"],
        S.NAME: ["二级指标", "指标名称", "考核指标", "具体指标"],
        S.WEIGHT: ["权重/分值", "权重(分值)", "分值", "二级指标权重", "二级权重", "二级指标分值"],
        S.DIRECTION: ["方向", "指标方向", "指标属性"],
        S.FORM: ["计分方法", "评分方法", "计分方式", "评分办法"],
        S.PARAMETERS: ["参数", "计分参数"],
        S.SOURCE: ["来源", "数据来源", "指标来源"],
    },
    serial=S.SERIAL,
    identity=(S.NAME,),
    name=S.NAME,
    marks=frozenset({S.NAME}),
    labels=frozenset({S.SERIAL, S.TOP, S.NAME}),
    parsers={
        S.TOP: cells.parse_line,
        S.TOP_WEIGHT: cells.parse_figure,
        S.NAME: cells.parse_line,
        S.WEIGHT: cells.parse_figure,
        S.DIRECTION: cells.parse_line,
        S.FORM: cells.parse_line,
        S.PARAMETERS: cells.parse_line,
        S.SOURCE: cells.parse_line,
    },
    row_word="指标",
    row_marks="二级指标",
    header_words="“一级指标”“二级指标”“权重/分值”",
)
SCHEME_SPEC = SheetSpec(
    SCHEME_COLUMNS, frozenset(SchemeColumn) - {S.SERIAL}, ((S.NAME,), (S.WEIGHT,))
)

BONUS, DEDUCTION, VETO, SETTING = "加分", "扣分", "一票否决", "设置"
SETTING_WORDS = {"设置", "考核设置", "计算设置"}
TOTALS = re.compile(r"^(?:合计|总计|小计|平均|平均值|全市平均|全市|总分)$")


class Refused(Exception):
    """The sheets could not be read: `report` holds every fault, with its place."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__(report.summary)
        self.report = report


@dataclass
class _SchemeReader:
    reading: Reading
    faults: list[SheetFault] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)

    def fault(self, row: Row, column: SchemeColumn | None, message: str) -> None:
        self.faults.append(SheetFault(row.sheet, row.number, column and column.value, message))

    def read(self) -> Definition | None:
        indicators: list[IndicatorRow] = []
        rules: list[AdjustmentRule] = []
        caps: dict[str, dict[tuple[str, int], Decimal | None]] = {BONUS: {}, DEDUCTION: {}}
        above = ""  # the kind of the row above: 加分/扣分/一票否决, or "" for an indicator
        vetoes: list[str] = []
        effects: dict[tuple[str, int], tuple[str, VetoEffect]] = {}
        settings: dict[str, tuple[Row, str]] = {}
        rows_of: dict[str, Row] = {}
        for row in self.reading.rows:
            if row.faults:
                self.faults += row.faults
                continue
            top = row.values.get(S.TOP, "")
            name = row.values.get(S.NAME, "")
            if TOTALS.match(clean_text(top)) or TOTALS.match(clean_text(name)):
                self.left_out.append(LeftOut(row.sheet, row.number, "合计行"))
                continue
            group = clean_text(top)
            if not group and above:
                # 一级指标 written once over a 加分/扣分/一票否决 block (README): the row below
                # continues that kind, never an indicator of the 一级指标 above the block
                # (issue 13, tryout 23).
                group = above
                self.notes.append(
                    f"第{row.number}行“{name}”一级指标空白，接上一行按{group}事项读取"
                )
            above = group if group in (BONUS, DEDUCTION, VETO) else ""
            if group in (BONUS, DEDUCTION):
                rule = self._adjustment(row, name, group)
                if rule is not None:
                    rules.append(rule)
                    caps[group][(row.sheet, row.number)] = row.values.get(S.TOP_WEIGHT)
            elif group == VETO:
                vetoes.append(name)
                effects[(row.sheet, row.number)] = (name, self._veto_effect(row))
            elif group in SETTING_WORDS:
                settings[clean_text(name)] = (row, row.values.get(S.PARAMETERS, ""))
            else:
                if not top and indicators and indicators[-1].top_weight is not None:
                    # A 一级指标 written once over its rows, unmerged: the rows below share it.
                    top = indicators[-1].top
                    row.values[S.TOP_WEIGHT] = indicators[-1].top_weight
                indicator = self._indicator(row, top, name)
                if indicator is not None:
                    indicators.append(indicator)
                    rows_of[indicator.name] = row
        self._z_scaled(indicators, rows_of)
        indicators = self._top_weights(indicators, rows_of)
        self._unique([r.name for r in indicators] + [r.item for r in rules] + vetoes)
        definition = Definition(
            tuple(indicators),
            tuple(rules),
            bonus_cap=self._cap(caps[BONUS], BONUS),
            deduction_cap=self._cap(caps[DEDUCTION], DEDUCTION),
            vetoes=tuple(vetoes),
            veto_effect=self._one_effect(effects),
        )
        definition = self._settings(definition, settings)
        if not indicators and not self.faults:
            self.faults.append(SheetFault("", None, None, "考核办法中没有任何二级指标"))
        return None if self.faults else definition

    def _z_scaled(self, indicators: list[IndicatorRow], rows_of: dict[str, Row]) -> None:
        """A Z分数 indicator beside indicators scored 0–100 must state its scale (中心 and
        离散: 中心=60；离散=10 scores 60 + 10 × z). Left at 0 and 1 its scores run about −2…+2
        against the others' 0–100, and its weight is nominal (issue 13, tryout13): refused,
        naming the row, rather than computed. A scheme scoring every indicator by Z分数 keeps
        the defaults (its scores are comparable among themselves)."""
        forms = {indicator.form for indicator in indicators}
        if Form.Z_SCORE not in forms or forms == {Form.Z_SCORE}:
            return
        for indicator in indicators:
            if indicator.form is Form.Z_SCORE and not {"centre", "spread"} <= set(
                indicator.parameters
            ):
                self.fault(
                    rows_of[indicator.name],
                    S.PARAMETERS,
                    f"“{indicator.name}”按Z分数计分，与按0—100分计分的指标同用时，须在参数中写明"
                    "中心和离散（如“中心=60；离散=10”，得分为60＋10×标准分）；否则其得分约在"
                    "−2至＋2之间，权重形同虚设",
                )

    def _indicator(self, row: Row, top: str, name: str) -> IndicatorRow | None:
        direction_word = clean_text(row.values.get(S.DIRECTION, ""))
        direction = DIRECTIONS.get(direction_word) if direction_word else Direction.POSITIVE
        if direction is None:
            self.fault(row, S.DIRECTION, f"「{direction_word}」不是指标方向；应填正向或负向")
        if not direction_word:
            self.notes.append(f"第{row.number}行“{name}”未填写方向，按正向计分")
        form_word = clean_text(row.values.get(S.FORM, "")).upper()
        form = FORMS.get(form_word) if form_word else Form.MIN_MAX
        if form is None:
            known = "、".join(dict.fromkeys(FORM_WORDS.values()))
            self.fault(row, S.FORM, f"「{form_word}」不是可用的计分方法；可用：{known}")
            return None
        if not form_word:
            self.notes.append(f"第{row.number}行“{name}”未填写计分方法，按极值法计分")
        parameters = self._parameters(row, form)
        weight = row.values.get(S.WEIGHT)
        top_weight = row.values.get(S.TOP_WEIGHT)
        for column, value in ((S.WEIGHT, weight), (S.TOP_WEIGHT, top_weight)):
            if value is not None and value < 0:
                self.fault(row, column, "权重不能为负数")
        source = self._source(row)
        if direction is None or parameters is None or source is None:
            return None
        return IndicatorRow(
            top or name,
            top_weight,
            name,
            weight,
            direction,
            form,
            parameters,  # type: ignore[arg-type]
            source,
        )

    def _source(self, row: Row) -> str | None:
        """The 来源 written back in its one spelling ("" for a value given or typed); None
        after a fault."""
        written = row.values.get(S.SOURCE, "")
        if not clean_text(written):
            return ""
        try:
            return parse_source(written).text
        except ValueError as error:
            self.fault(row, S.SOURCE, str(error))
            return None

    def _parameters(self, row: Row, form: Form) -> dict[str, Decimal] | None:
        written = parse_pairs(row.values.get(S.PARAMETERS, ""))
        if written is None:
            self.fault(row, S.PARAMETERS, "参数应写成“名称=数值”，多个用分号隔开，如“基准值=20”")
            return None
        keys = PARAMETERS[form]
        parameters: dict[str, Decimal] = {}
        for word, typed in written.items():
            if word not in keys:
                known = "、".join(keys) or "无"
                self.fault(
                    row, S.PARAMETERS, f"{FORM_WORDS[form]}没有参数“{word}”；可用参数：{known}"
                )
                return None
            try:
                value = cells.parse_figure(typed)
            except cells.CellError as error:
                self.fault(row, S.PARAMETERS, f"参数“{word}”：{error}")
                return None
            if value is None:
                self.fault(row, S.PARAMETERS, f"参数“{word}”没有数值")
                return None
            parameters[keys[word]] = value
        missing = [key for key in REQUIRED.get(form, ()) if key not in parameters]
        if missing:
            words = "、".join(w for w, key in keys.items() if key in missing)
            self.fault(row, S.PARAMETERS, f"{FORM_WORDS[form]}须在参数中写明{words}")
            return None
        alternatives = ONE_OF.get(form, ())
        if alternatives and sum(key in parameters for key in alternatives) != 1:
            words = "或".join(w for w, key in keys.items() if key in alternatives)
            self.fault(row, S.PARAMETERS, f"{FORM_WORDS[form]}须在参数中写明{words}（只写一项）")
            return None
        return parameters

    def _adjustment(self, row: Row, item: str, group: str) -> AdjustmentRule | None:
        points = row.values.get(S.WEIGHT)
        if points is None:
            self.fault(row, S.WEIGHT, f"{group}事项须在“权重/分值”中写明每次的分值")
            return None
        written = parse_pairs(row.values.get(S.PARAMETERS, ""))
        cap = None
        if written is None or set(written) - {"上限"}:
            self.fault(row, S.PARAMETERS, f"{group}事项的参数只有“上限”，如“上限=1”")
            return None
        if "上限" in written:
            try:
                cap = cells.parse_figure(written["上限"])
            except cells.CellError as error:
                self.fault(row, S.PARAMETERS, f"上限：{error}")
                return None
        size = abs(points)
        return AdjustmentRule(item, size if group == BONUS else -size, cap)

    def _veto_effect(self, row: Row) -> VetoEffect:
        word = clean_text(row.values.get(S.PARAMETERS, "")).removeprefix("否决后=")
        if not word:
            return VetoEffect.LAST
        if word not in VETO_EFFECTS:
            self.fault(
                row, S.PARAMETERS, f"一票否决的参数应为“排在末位”或“不定等次”，不是「{word}」"
            )
            return VetoEffect.LAST
        return VETO_EFFECTS[word]

    def _cap(self, caps: dict[tuple[str, int], Decimal | None], group: str) -> Decimal | None:
        """The 总上限 of the 加分 or 扣分 items, {(sheet, row number): cap as written, None when
        blank} → the cap: written once (on any row, the others blank) or the same on every row
        that writes it. Two different caps are refused naming the rows (issue 13, tryout 23)."""
        written = {number: cap for number, cap in caps.items() if cap is not None}
        if len(set(written.values())) > 1:
            shown = "，".join(f"第{at[1]}行为{cap.normalize():f}" for at, cap in written.items())
            sheet, number = max(written, key=lambda at: at[1])
            self.faults.append(
                SheetFault(
                    sheet,
                    number,
                    S.TOP_WEIGHT.value,
                    f"各{group}事项的总上限不一致：{shown}",
                )
            )
        return next(iter(written.values()), None)

    def _one_effect(self, effects: Mapping[tuple[str, int], tuple[str, VetoEffect]]) -> VetoEffect:
        """The one 否决后 treatment of every veto item, {(sheet, row number): (item, effect)}
        → the effect (排在末位 when there is no veto item). The engine places every vetoed
        unit one way, so items written with different treatments are refused, naming each
        row and its treatment (issue 13, tryout 30)."""
        if len({effect for _, effect in effects.values()}) > 1:
            shown = "，".join(
                f"第{at[1]}行“{item}”为{effect.value}" for at, (item, effect) in effects.items()
            )
            sheet, number = max(effects, key=lambda at: at[1])
            self.faults.append(
                SheetFault(
                    sheet,
                    number,
                    S.PARAMETERS.value,
                    f"各一票否决事项的否决后处理须一致：{shown}；请各项写同一处理",
                )
            )
        return next((effect for _, effect in effects.values()), VetoEffect.LAST)

    def _top_weights(
        self, indicators: list[IndicatorRow], rows_of: Mapping[str, Row]
    ) -> list[IndicatorRow]:
        """Rows naming the same 一级指标 are one group (cells unmerged repeat the name on each
        row): its weight written once, the other rows blank, or the same on every row that
        writes it, is every row's. Two different weights are refused naming the rows (issue 13,
        tryout 30)."""
        written: dict[str, list[tuple[Row, Decimal]]] = {}
        for indicator in indicators:
            if indicator.top_weight is not None:
                row = rows_of[indicator.name]
                written.setdefault(indicator.top, []).append((row, indicator.top_weight))
        for top, weights in written.items():
            if len({weight for _, weight in weights}) > 1:
                shown = "，".join(f"第{r.number}行为{w.normalize():f}" for r, w in weights)
                self.fault(weights[-1][0], S.TOP_WEIGHT, f"一级指标“{top}”的权重不一致：{shown}")
        return [
            replace(indicator, top_weight=written[indicator.top][0][1])
            if indicator.top_weight is None and indicator.top in written
            else indicator
            for indicator in indicators
        ]

    def _unique(self, names: list[str]) -> None:
        seen: set[str] = set()
        for name in names:
            if name in seen:
                self.faults.append(SheetFault("", None, S.NAME.value, f"“{name}”出现了不止一次"))
            seen.add(name)

    def _settings(
        self, definition: Definition, settings: Mapping[str, tuple[Row, str]]
    ) -> Definition:
        for word, (row, value) in settings.items():
            setter = SETTINGS.get(word)
            if setter is None:
                known = "、".join(SETTINGS)
                self.fault(row, S.NAME, f"「{word}」不是可用的设置；可用：{known}")
                continue
            try:
                definition = setter(definition, value)
            except ValueError as error:
                self.fault(row, S.PARAMETERS, str(error))
        return definition


def _report(reading: Reading, subject: str, source: Source) -> ImportReport:
    report = reading.report(subject, dry_run=True)
    report.file = source_name(source)
    return report


def proportion_notes(definition: Definition) -> list[str]:
    """What is said when written weights do not total 100 (or 1): they are taken in proportion."""
    rows = definition.indicators
    if all(row.top_weight is None for row in rows):
        groups = {"二级指标": [row.weight for row in rows]}
    else:
        tops = {row.top: row.top_weight for row in rows}
        groups = {"一级指标": list(tops.values())}
    notes = []
    for level, weights in groups.items():
        total = sum((weight for weight in weights if weight is not None), Decimal(0))
        if total not in (1, 100):
            notes.append(f"{level}的权重合计为{total.normalize():f}，按各自占比折算为100分")
    return notes


def read_scheme(source: Source) -> tuple[Definition, ImportReport]:
    """The scheme sheet as a Definition, with the reading's report. Raises Refused naming
    every fault (sheet, row, column) when anything cannot be read."""
    reading = read_workbook(source, SCHEME_SPEC, Expected(channel=Channel.HEADER))
    report = _report(reading, "个指标", source)
    if not report.ok:
        raise Refused(report)
    reader = _SchemeReader(reading)
    definition = reader.read()
    report.faults += reader.faults
    report.notes += reader.notes
    report.left_out += reader.left_out
    if definition is not None and definition.weighting is Weighting.BY_HAND:
        try:
            shares(definition)
        except ValueError as error:
            report.faults.append(SheetFault("", None, S.WEIGHT.value, str(error)))
        else:
            report.notes += proportion_notes(definition)
    if definition is None or not report.ok:
        raise Refused(report)
    report.rows_read = len(definition.indicators)
    return definition, report
