"""Reading an assessment from sheets: the scheme (考核办法), the cycle's values, the previous
cycle's ranks; through the ledger's sheet reading (`guanmo.sheets.workbook.read_workbook`), so
titles, units in headers, merged cells, hidden and struck rows, messy numbers and every format
(.xls too) are read as the ledger reads them, and a fault names its sheet, row and column.

All or nothing: any fault and nothing is computed. The scheme sheet's layout (README,
"Assessment"): one row per 二级指标 under the columns 一级指标, 权重, 二级指标, 权重/分值, 方向,
计分方法, 参数; rows whose 一级指标 is 加分 or 扣分 are 加分/扣分 items (权重/分值 the points per
occurrence, 参数 "上限=1" the item's cap, 权重 the cap of all bonuses or deductions), 一票否决
rows are veto items (参数 排在末位 or 不定等次), and 设置 rows set the method (二级指标 the setting,
参数 its value). The values sheet: units as rows, one column per indicator (and per target,
加分/扣分 item and veto item), 不参评 marking exempt units.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum

from guanmo.assessment.aggregation import AdjustmentRule
from guanmo.assessment.definition import Definition, IndicatorRow, Weighting, shares
from guanmo.assessment.results import ShareClasses, ThresholdClasses, VetoEffect
from guanmo.assessment.scheme import Aggregation, Form
from guanmo.assessment.scoring import Direction
from guanmo.assessment.weights import (
    EntropyDirection,
    EntropyNormalisation,
    EntropyVariant,
    ZeroRule,
)
from guanmo.regions.names import clean_text
from guanmo.sheets import cells
from guanmo.sheets.faults import ImportReport, LeftOut, SheetFault
from guanmo.sheets.formats import Source
from guanmo.sheets.header import Catalogue
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

DIRECTIONS = {
    "正向": Direction.POSITIVE,
    "正": Direction.POSITIVE,
    "越大越好": Direction.POSITIVE,
    "负向": Direction.NEGATIVE,
    "逆向": Direction.NEGATIVE,
    "反向": Direction.NEGATIVE,
    "负": Direction.NEGATIVE,
    "越小越好": Direction.NEGATIVE,
}
FORMS = {
    "极值法": Form.MIN_MAX,
    "极差法": Form.MIN_MAX,
    "极差标准化": Form.MIN_MAX,
    "MIN-MAX": Form.MIN_MAX,
    "功效系数": Form.EFFICACY_COEFFICIENT,
    "功效系数法": Form.EFFICACY_COEFFICIENT,
    "基准比值": Form.BENCHMARK_RATIO,
    "比值法": Form.BENCHMARK_RATIO,
    "对标计分": Form.BENCHMARK_RATIO,
    "目标完成": Form.TARGET_MET,
    "完成目标": Form.TARGET_MET,
    "目标完成率": Form.TARGET_MET,
    "位次递减": Form.RANK_STEPS,
    "排名计分": Form.RANK_STEPS,
    "名次递减": Form.RANK_STEPS,
    "阈值法": Form.GOALPOSTS,
    "目标值法": Form.GOALPOSTS,
    "上下限": Form.GOALPOSTS,
    "Z分数": Form.Z_SCORE,
    "标准分": Form.Z_SCORE,
    "Z-SCORE": Form.Z_SCORE,
}
FORM_WORDS = {form: word for word, form in reversed(FORMS.items())}  # the first word of each
# Each form's parameters by the words a scheme writes them in (参数 "基准值=20；步长=10%").
PARAMETERS: dict[Form, dict[str, str]] = {
    Form.MIN_MAX: {"满分": "top"},
    Form.EFFICACY_COEFFICIENT: {"起点": "floor", "基础分": "floor", "跨度": "span"},
    Form.BENCHMARK_RATIO: {"基准值": "benchmark", "基准": "benchmark"},
    Form.TARGET_MET: {},
    Form.RANK_STEPS: {"步长": "step_percent", "每位递减": "step_percent"},
    Form.GOALPOSTS: {"下限": "low", "上限": "high", "满分": "top"},
    Form.Z_SCORE: {"中心": "centre", "均值": "centre", "离散": "spread", "标准差": "spread"},
}
REQUIRED = {
    Form.BENCHMARK_RATIO: ("benchmark",),
    Form.RANK_STEPS: ("step_percent",),
    Form.GOALPOSTS: ("low", "high"),
}
AGGREGATIONS = {
    "加权算术": Aggregation.ARITHMETIC,
    "加权算术平均": Aggregation.ARITHMETIC,
    "加权求和": Aggregation.ARITHMETIC,
    "加权几何": Aggregation.GEOMETRIC,
    "加权几何平均": Aggregation.GEOMETRIC,
    "TOPSIS": Aggregation.TOPSIS,
}
WEIGHTINGS = {
    "手工": Weighting.BY_HAND,
    "按表中权重": Weighting.BY_HAND,
    "等权": Weighting.EQUAL,
    "熵权": Weighting.ENTROPY,
    "熵权法": Weighting.ENTROPY,
    "CRITIC": Weighting.CRITIC,
}
VETO_EFFECTS = {effect.value: effect for effect in VetoEffect}
_SEPARATORS = re.compile(r"[;；,，、\s]+")


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
        caps: dict[str, set[Decimal | None]] = {BONUS: set(), DEDUCTION: set()}
        vetoes: list[str] = []
        effects: set[VetoEffect] = set()
        settings: dict[str, tuple[Row, str]] = {}
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
            if group in (BONUS, DEDUCTION):
                rule = self._adjustment(row, name, group)
                if rule is not None:
                    rules.append(rule)
                    caps[group].add(row.values.get(S.TOP_WEIGHT))
            elif group == VETO:
                vetoes.append(name)
                effects.add(self._veto_effect(row))
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
        if direction is None or parameters is None:
            return None
        return IndicatorRow(
            top or name,
            top_weight,
            name,
            weight,
            direction,
            form,
            parameters,  # type: ignore[arg-type]
        )

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

    def _cap(self, caps: set[Decimal | None], group: str) -> Decimal | None:
        if len(caps) > 1:
            shown = "、".join("空" if cap is None else f"{cap}" for cap in caps)
            self.faults.append(
                SheetFault("", None, S.TOP_WEIGHT.value, f"各{group}事项的总上限不一致：{shown}")
            )
        return next(iter(caps), None)

    def _one_effect(self, effects: set[VetoEffect]) -> VetoEffect:
        if len(effects) > 1:
            self.faults.append(
                SheetFault("", None, S.PARAMETERS.value, "各一票否决事项的否决后处理不一致")
            )
        return next(iter(effects), VetoEffect.LAST)

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


def parse_pairs(text: str) -> dict[str, str] | None:
    """ "基准值=20；上限=1" → {"基准值": "20", "上限": "1"}; None for text not in that form."""
    pairs: dict[str, str] = {}
    for part in _SEPARATORS.split(cells.normalise(text)):
        if not part:
            continue
        key, sep, value = part.partition("=")
        if not sep or not key or not value:
            return None
        pairs[key] = value
    return pairs


def _aggregation(definition: Definition, value: str) -> Definition:
    word = clean_text(value).upper()
    if word not in AGGREGATIONS:
        raise ValueError(f"汇总方法应为{'、'.join(AGGREGATIONS)}之一，不是「{value}」")
    chosen = AGGREGATIONS[word]
    others = tuple(a for a in definition.aggregations if a is not chosen)
    return replace(definition, aggregation=chosen, aggregations=(chosen, *others))


def _floor(definition: Definition, value: str) -> Definition:
    floor = _number(value, "几何下限")
    if floor <= 0:
        raise ValueError("几何下限应大于零")
    return replace(definition, geometric_floor=floor)


def _weighting(definition: Definition, value: str) -> Definition:
    word = clean_text(value).upper()
    if word not in WEIGHTINGS:
        raise ValueError(f"赋权方法应为{'、'.join(WEIGHTINGS)}之一，不是「{value}」")
    return replace(definition, weighting=WEIGHTINGS[word])


ENTROPY_WORDS = {
    "标准化": (
        "normalisation",
        {"极差": EntropyNormalisation.MIN_MAX, "占比": EntropyNormalisation.SHARE},
    ),
    "零值": ("zero_rule", {"计为0": ZeroRule.ZERO_TERM, "不允许": ZeroRule.REFUSE}),
    "方向": ("direction", {"反向": EntropyDirection.REVERSED, "不计": EntropyDirection.IGNORED}),
}


def _entropy(definition: Definition, value: str) -> Definition:
    pairs = parse_pairs(value)
    if pairs is None:
        raise ValueError("熵权口径应写成“标准化=极差；平移=0.01；零值=计为0；方向=反向”")
    chosen: dict[str, object] = {}
    for key, word in pairs.items():
        if key == "平移":
            chosen["shift"] = _number(word, "平移")
        elif key in ENTROPY_WORDS and word in ENTROPY_WORDS[key][1]:
            attribute, words = ENTROPY_WORDS[key]
            chosen[attribute] = words[word]
        else:
            raise ValueError(f"熵权口径中的“{key}={word}”无法识别")
    return replace(definition, entropy_variant=replace(EntropyVariant(), **chosen))


def _classes(definition: Definition, value: str) -> Definition:
    pairs = parse_pairs(value)
    if not pairs:
        raise ValueError("等次应写成“优秀=90；良好=80；合格=60；其余=不合格”或“A=20%；B=40%…”")
    if all(typed.endswith("%") for typed in pairs.values()):
        shares = tuple((name, _number(typed, name)) for name, typed in pairs.items())
        return replace(definition, classes=ShareClasses(shares))
    below = pairs.pop("其余", "不合格")
    bounds = tuple((name, _number(typed, name)) for name, typed in pairs.items())
    return replace(definition, classes=ThresholdClasses(bounds, below))


def _alternatives(definition: Definition, value: str) -> Definition:
    forms = []
    for word in _SEPARATORS.split(clean_text(value).upper()):
        if word and FORMS.get(word) not in (Form.MIN_MAX, Form.EFFICACY_COEFFICIENT, Form.Z_SCORE):
            raise ValueError(f"标准化备选只能是极值法、功效系数或Z分数，不是「{word}」")
        if word:
            forms.append((FORMS[word], {}))
    return replace(definition, alternatives=tuple(forms))


def _robust_aggregations(definition: Definition, value: str) -> Definition:
    chosen = []
    for word in _SEPARATORS.split(clean_text(value).upper()):
        if word and word not in AGGREGATIONS:
            raise ValueError(f"汇总备选应为{'、'.join(AGGREGATIONS)}，不是「{word}」")
        if word and AGGREGATIONS[word] is not definition.aggregation:
            chosen.append(AGGREGATIONS[word])
    return replace(definition, aggregations=(definition.aggregation, *chosen))


def _variation(definition: Definition, value: str) -> Definition:
    percent = _number(value, "权重浮动")
    if not 0 <= percent < 100:
        raise ValueError("权重浮动应在0%至100%之间")
    return replace(definition, weight_variation=percent / 100)


def _number(typed: str, what: str) -> Decimal:
    try:
        value = cells.parse_figure(typed)
    except cells.CellError as error:
        raise ValueError(f"{what}：{error}") from None
    if value is None:
        raise ValueError(f"{what}没有数值")
    return value


SETTINGS: dict[str, Callable[[Definition, str], Definition]] = {
    "汇总方法": _aggregation,
    "几何下限": _floor,
    "赋权方法": _weighting,
    "熵权口径": _entropy,
    "等次": _classes,
    "标准化备选": _alternatives,
    "汇总备选": _robust_aggregations,
    "权重浮动": _variation,
}


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
    reading = read_workbook(source, SCHEME_SPEC)
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
