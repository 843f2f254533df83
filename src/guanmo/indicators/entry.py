"""Reading indicator figures and targets typed on the web forms (指标填报, 年度目标): plain
functions, no database.

A figure is read as the import reads a cell (`sheets.cells.parse_figure`: full-width digits,
thousands separators, a trailing %), then bounded by what can be kept exactly
(`models.figure_field`, `models.rate_field`) and by what the figure can be: a value or last
year's value is not negative, an amount or an average cannot fall by more than 100%. Each
refusal is a Chinese message naming the region, the indicator and the field.
"""

from dataclasses import dataclass
from decimal import Decimal

from guanmo.indicators.choices import Kind, Profile
from guanmo.sheets import cells

VALUE_PLACES = 6  # models.MAX_PLACES: the value is kept to six decimals
VALUE_LIMIT = Decimal(10) ** 12  # twelve digits before the point
RATE_PLACES = 4  # models.rate_field
RATE_LIMIT = Decimal(10) ** 6
LOWEST_GROWTH = Decimal(-100)

LABELS = {
    "value": "本期累计值",
    "last_year": "上年同期值",
    "growth": "同比增长（%）",
}


@dataclass(frozen=True)
class Typed:
    """One region's figures for one indicator as typed: text, blank for none."""

    indicator_id: int
    region_id: int
    value: str = ""
    last_year: str = ""
    growth: str = ""


@dataclass(frozen=True)
class Read:
    """The figures read, None where not given (never zero)."""

    value: Decimal | None
    last_year: Decimal | None
    growth: Decimal | None

    @property
    def given(self) -> bool:
        return self.value is not None or self.growth is not None


@dataclass(frozen=True)
class EntryFault:
    """Why a typed figure was refused: where (region·indicator), which field, what is wrong."""

    place: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"「{self.place}」{self.field}：{self.message}"


def read_amount(text: str) -> Decimal | None:
    """A value or last year's value in the indicator's unit; None when blank. Raises
    cells.CellError (in Chinese) for text that is no number, a negative figure, more than six
    decimals or twelve digits before the point."""
    figure = cells.parse_figure(text)
    if figure is None:
        return None
    if figure < 0:
        raise cells.CellError("不能为负数")
    if cells.decimal_places(figure.normalize()) > VALUE_PLACES:
        raise cells.CellError(f"最多{VALUE_PLACES}位小数")
    if figure >= VALUE_LIMIT:
        raise cells.CellError(f"数额过大：{cells.format_wan(figure)}")
    return figure


def read_growth(text: str, kind: Kind) -> Decimal | None:
    """A growth in % (a ratio's change in 个百分点); None when blank. Raises cells.CellError for
    text that is no number, more than four decimals, a figure out of range, or an amount's or
    average's fall of more than 100%."""
    figure = cells.parse_figure(text)
    if figure is None:
        return None
    if cells.decimal_places(figure.normalize()) > RATE_PLACES:
        raise cells.CellError(f"最多{RATE_PLACES}位小数")
    if abs(figure) >= RATE_LIMIT:
        raise cells.CellError(f"超出范围：{cells.format_wan(figure)}")
    if kind != Kind.RATIO and figure < LOWEST_GROWTH:
        raise cells.CellError(f"下降不能超过100%，而不是{cells.format_wan(figure)}")
    return figure


def read_typed(typed: Typed, kind: Kind, place: str) -> tuple[Read | None, list[EntryFault]]:
    """The typed figures read, or None with a fault for every field that cannot be read
    (`place` names the line: 武陟县·固定资产投资)."""
    faults, figures = [], {}
    for name, reader in (
        ("value", read_amount),
        ("last_year", read_amount),
        ("growth", lambda text: read_growth(text, kind)),
    ):
        try:
            figures[name] = reader(getattr(typed, name))
        except cells.CellError as error:
            faults.append(EntryFault(place, LABELS[name], str(error)))
    if faults:
        return None, faults
    return Read(**figures), []


TARGET_LABELS = {
    "amount": "目标数额",
    "growth": "目标增速（%）",
    "profile": "分解方式",
}


@dataclass(frozen=True)
class TypedTarget:
    """A region's annual target as typed on the targets page: text, blank for none; `months`
    the twelve monthly amounts of a breakdown by hand."""

    region_id: int
    amount: str = ""
    growth: str = ""
    profile: str = Profile.EQUAL
    months: tuple[str, ...] = ()

    @property
    def blank(self) -> bool:
        return not self.amount and not self.growth


@dataclass(frozen=True)
class ReadTarget:
    """The target read: amount in the indicator's unit or growth in %, None where not given;
    the profile; the monthly amounts when broken down by hand (else empty)."""

    amount: Decimal | None
    growth: Decimal | None
    profile: Profile
    months: tuple[Decimal, ...]


def read_target(typed: TypedTarget, kind: Kind, place: str) -> tuple[ReadTarget | None, list]:
    """The typed target read as the indicator figures are (`read_amount`, `read_growth`), or
    None with an EntryFault for every field that cannot be read (`place`: 武陟县·脱贫人口). Whether
    amount and growth are both or neither given, and whether hand nodes add up, is judged by
    `services.target_fault`."""
    faults, figures = [], {}
    for name, reader in (("amount", read_amount), ("growth", lambda t: read_growth(t, kind))):
        try:
            figures[name] = reader(getattr(typed, name))
        except cells.CellError as error:
            faults.append(EntryFault(place, TARGET_LABELS[name], str(error)))
    if typed.profile not in Profile.values:
        faults.append(EntryFault(place, TARGET_LABELS["profile"], f"无此方式：{typed.profile}"))
        return None, faults
    months = []
    if typed.profile == Profile.BY_HAND:
        for month, text in enumerate(typed.months, start=1):
            field = f"{month}月分解数额"
            try:
                figure = read_amount(text)
            except cells.CellError as error:
                faults.append(EntryFault(place, field, str(error)))
                continue
            if figure is None:
                faults.append(EntryFault(place, field, "手工分解须填写每个月"))
            months.append(figure)
    if faults:
        return None, faults
    return ReadTarget(profile=Profile(typed.profile), months=tuple(months), **figures), []
