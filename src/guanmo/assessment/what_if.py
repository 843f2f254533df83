"""What-if (假设分析): one unit's indicator value changed and its new score and rank beside
the issued ones, the scheme held as issued (weights included: entropy or CRITIC weights are
not re-derived). Plain functions on a `Definition` and `Inputs`; `scheme.what_if` recomputes.

Shapes: a change is typed 'UNIT:INDICATOR=VALUE' (甲县:投资完成率=98.5); the sentence is
"甲县“投资完成率”改为98.5：综合得分由79.99分变为83.12分，位次由第2位变为第1位".
"""

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from guanmo.assessment.definition import Definition, Inputs, scheme_of, weights_of
from guanmo.assessment.scheme import UnitResult, assess, what_if
from guanmo.assessment.values_sheet import UnitRoll, parse_flag
from guanmo.sheets.cells import CellError


@dataclass(frozen=True)
class Change:
    """One value changed: the unit, the indicator and the value supposed."""

    unit: str
    indicator: str
    value: Decimal | bool  # True/False: a 一票否决 item supposed 是 or 否

    @property
    def typed(self) -> str:
        if isinstance(self.value, bool):
            return "是" if self.value else "否"
        return f"{self.value.normalize():f}"


def parse_change(text: str) -> Change:
    """'UNIT:INDICATOR=VALUE' (full-width ：＝ too) → Change; a VALUE of 是/否 (as the values
    sheet reads a 一票否决 column, `values_sheet.parse_flag`) is kept as True/False, for a
    veto item (`suppose` refuses it for any other). Raises ValueError in Chinese."""
    normalised = text.replace("：", ":").replace("＝", "=").strip()
    unit, colon, rest = normalised.partition(":")
    indicator, equals, typed = rest.rpartition("=")
    if not (colon and equals and unit.strip() and indicator.strip() and typed.strip()):
        raise ValueError(
            f"假设分析应写成“单位:指标=数值”，如“甲县:投资完成率=98.5”，不是「{text}」"
        )
    return Change(unit.strip(), indicator.strip(), parse_value(typed))


def parse_value(typed: str) -> Decimal | bool:
    """A supposed value as typed: a number (Decimal), or 是/否 (True/False, as the values sheet
    reads a 一票否决 column, `values_sheet.parse_flag`) for a veto item. The one reading of the
    command line's and the results page's what-if. Raises ValueError in Chinese."""
    try:
        value = Decimal(typed.strip())
    except InvalidOperation:
        try:
            flag = parse_flag(typed.strip())
        except CellError:
            flag = None
        if flag is None:
            raise ValueError(f"假设分析中的数值“{typed.strip()}”不是数") from None
        return flag
    if not value.is_finite():
        raise ValueError(f"假设分析中的数值“{typed.strip()}”不是数")
    return value


def supposable(definition: Definition) -> list[str]:
    """What a what-if may change, in the scheme's order: its indicators, its 加分/扣分 items
    (a count) and its 一票否决 items (是/否). The command line's and the page's one list."""
    return [
        *definition.names,
        *(rule.item for rule in definition.adjustment_rules),
        *definition.vetoes,
    ]


def place_text(rank: int, tied: bool) -> str:
    """A rank in a sentence of change (what-if, a correction's effect): 第3位, 第4位（并列）."""
    return f"第{rank}位" + ("（并列）" if tied else "")


def _place(result: UnitResult) -> str:
    if result.rank is None:
        return "不排名"
    return place_text(result.rank, result.tied)


def _score(result: UnitResult) -> str:
    return "无得分" if result.score is None else f"{result.score}分"


@dataclass(frozen=True)
class WhatIfLine:
    """A change with the unit's result as issued and as supposed, and the sentence saying it."""

    change: Change
    before: UnitResult
    after: UnitResult

    @property
    def text(self) -> str:
        c = self.change
        before, after = _place(self.before), _place(self.after)
        place = f"位次仍为{after}" if before == after else f"位次由{before}变为{after}"
        return (
            f"{c.unit}“{c.indicator}”改为{c.typed}：综合得分由{_score(self.before)}变为"
            f"{_score(self.after)}，{place}"
        )


def suppose(definition: Definition, inputs: Inputs, change: Change) -> WhatIfLine:
    """The unit's result with the one value changed, beside the issued one. The unit is named
    as the values sheets name it (`UnitRoll.named`, the one region-naming rule: 高新区, 武陟)
    and said by its full name. A 一票否决 item is supposed 是 or 否 (a count above 0 is 是, as
    the values sheet reads it): the unit vetoed or not, everything recomputed (tryout 27: =否
    was "not a number", =0 "not in the scheme"). Raises ValueError (in Chinese) for a unit or
    indicator the result does not have, an exempt (不参评) unit, or 是/否 for an item that is
    not a veto."""
    unit = UnitRoll("", tuple(inputs.values)).named(change.unit) or change.unit
    if unit in inputs.exempt:
        # its values are not scored: the sentence would read 由无得分变为无得分 (tryout 30)
        raise ValueError(f"{unit}不参评，没有得分和位次")
    change = replace(change, unit=unit, indicator=_indicator_named(definition, change.indicator))
    scheme = scheme_of(definition, weights_of(definition, inputs).weights)
    cycle = inputs.cycle()
    if change.indicator in definition.vetoes:
        if unit not in cycle.values:
            raise ValueError(f"本期考核没有单位“{unit}”")
        vetoed = change.value if isinstance(change.value, bool) else change.value > 0
        change = replace(change, value=vetoed)
        others = cycle.vetoed - {unit}
        changed = replace(cycle, vetoed=others | {unit} if vetoed else others)
        before = assess(scheme, cycle).result_of(unit)
        return WhatIfLine(change, before, assess(scheme, changed).result_of(unit))
    if isinstance(change.value, bool):
        raise ValueError(f"假设分析中的数值“{change.typed}”不是数；只有一票否决事项填“是”或“否”")
    found = what_if(scheme, cycle, change.unit, change.indicator, change.value)
    return WhatIfLine(change, found.before, found.after)


_UNIT_SUFFIX = re.compile(r"[（(][^（）()]*[）)]$")


def _indicator_named(definition: Definition, typed: str) -> str:
    """The scheme's name for the indicator or 加分/扣分 item `typed` names: itself, or the one
    name that reads the same without its unit (投资完成率 for 投资完成率（%）); else `typed`
    unchanged (`what_if` refuses it, listing the names)."""
    names = supposable(definition)
    if typed in names:
        return typed
    bare = [name for name in names if _UNIT_SUFFIX.sub("", name) == typed]
    return bare[0] if len(bare) == 1 else typed
