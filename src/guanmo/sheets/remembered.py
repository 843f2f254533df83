"""Whether a column mapping remembered from a city's earlier import fits a later sheet (issue 9
§2): figures that happen to pass every check are no proof that it does, so it is applied only
to the header it was given for, and a column whose header names a period (6月, 1—6月, 2025年)
only in an import of the period it was given for."""

from dataclasses import dataclass
from enum import StrEnum

from guanmo.sheets.advice import Channel, name_column
from guanmo.sheets.faults import NOT_USED, REMEMBERED

# How a sheet's header is kept with a mapping and compared: every column's text, in order.
HEADER_JOIN = "｜"


@dataclass(frozen=True)
class Remembered:
    """A mapping as an earlier import gave it: when and by whom ("2025年6月30日，王某"), for the
    import of which year (and month, for a month's progress), and the header it was given on
    (HEADER_JOIN between column texts; "" when kept before these were)."""

    given: str
    year: int | None
    month: int | None
    sheet_header: str

    @property
    def applied(self) -> str:
        """How the column map names a column read through it: 沿用上次导入的对应（…）."""
        return f"{REMEMBERED}（{self.given}）"

    @property
    def not_used(self) -> str:
        """How the column map names a column it was not applied to: 未沿用上次导入的对应（…）."""
        return f"{NOT_USED}（{self.given}）"


def period_label(year: int | None, month: int | None) -> str:
    """ "2025年6月", "2025年" (a ledger's), "" for none."""
    if year is None:
        return ""
    return f"{year}年{month}月" if month else f"{year}年"


def misfit(
    remembered: Remembered,
    *,
    sheet_header: str,
    period_word: str,
    year: int | None,
    month: int | None,
) -> str:
    """Why `remembered` does not fit a column of a sheet whose header is `sheet_header` in an
    import of (`year`, `month`); "" when it fits. `period_word` is the period the column's own
    header names ("6月", "2025年"; "" for none)."""
    if remembered.year is None:
        return "该对应是旧版记下的，未记下指定时的表头和时期，无法确认仍适用于本表"
    if not remembered.sheet_header:
        return "指定该对应的那次导入中表头没有这一列，无法确认适用于本表"
    if remembered.sheet_header != sheet_header:
        return "本表表头与指定该对应时的表头不同，该列的含义可能已变"
    given, now = period_label(remembered.year, remembered.month), period_label(year, month)
    if period_word and given != now:
        return f"表头写明了时期（{period_word}），该对应是为{given}的表指定的，本次导入的是{now}"
    return ""


def misfit_note(
    shown: str,
    key: str,
    named: StrEnum | str | None,
    why: str,
    channel: Channel = Channel.COMMAND,
) -> str:
    """The report's note on a column a remembered mapping was not applied to, saying how to
    name it again if it does fit, as the `channel` advises (`guanmo.sheets.advice`: the page's
    column map on the web, --map on the command line; issue 9). `named` is what it named the
    column as (a field, or the words of another import's --map: 固定资产投资:增速), None for
    忽略."""
    label = named.value if isinstance(named, StrEnum) else named or "忽略"
    again = f"如确为{label}" if named else "如仍应忽略"
    advice = name_column(shown if channel == Channel.WEB else key, label, channel)
    return f"「{shown}」{NOT_USED}（读作{label}）：{why}；{again}，请{advice}"
