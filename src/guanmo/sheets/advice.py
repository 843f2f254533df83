"""How a message tells the user to name a column as a field, by where he imports.

On the command line he types `--map '表头=字段'`; on the web upload's preview he picks the field
in the column map's “指定为” and reads the sheet again (“重新识别”). A refusal shown on the
page must say the page's step, never the command's option (tryout 14, W2: a county office was
told to type --map). Every such advice is built here, for the channel the import came by.
"""

from collections.abc import Sequence
from decimal import Decimal
from enum import StrEnum

from guanmo.regions.names import clean_text
from guanmo.sheets.cells import CellError, parse_money

COLUMN_MAP = "“列对应”"  # the upload page's column map, as the web's advice names it


def mapping_may_help(message: str) -> bool:
    """Whether a refusal is one naming a column differently may cure: it advises the page's
    column map, or it is about the header (a column missing, a header unreadable). A cell
    error, a figure, another county's project are not (tryout 20 F6: every refusal on the
    page said “或在下面指定列后重新识别”)."""
    return COLUMN_MAP in message or "表头" in message


class Channel(StrEnum):
    """Where an import came from, deciding how its messages advise naming a column."""

    COMMAND = "命令行"
    WEB = "网页"
    # a command without `--map`, or an upload without a column map (`guanmo assess`, the
    # assessment upload): the header itself is renamed (issue 13, tryout 23)
    HEADER = "表头"


def name_column(column: str, field: str, channel: Channel, *, said: bool = True) -> str:
    """How to name the column headed `column` as `field`, after "请": on the command line
    "将该列指定为「开工累计完成投资」（--map '累计完成投资=开工累计完成投资'）" (with `said` False,
    the field being named just before, "指定（--map '…'）"), on the web "在“列对应”中把「累计完成
    投资」一列的“指定为”改为「开工累计完成投资」", without a column map at all (Channel.HEADER)
    "将该列的表头改为「开工累计完成投资」"."""
    if channel == Channel.WEB:
        which = f"「{column}」一列" if column else "该列"
        return f"在{COLUMN_MAP}中把{which}的“指定为”改为「{field}」"
    if channel == Channel.HEADER:
        return f"将该列的表头改为「{field}」"
    named = f"将该列指定为「{field}」" if said else "指定"
    return f"{named}（--map '{column or '表头'}={field}'）"


# Header words telling what a figure column holds, by kind; a column's kind is the first whose
# words its header holds, a field's the first whose words its label holds (tryout 31, finding 2).
_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("上年底", ("上年底", "上年末", "至上年")),
    ("计划", ("计划",)),
    ("累计", ("累计", "年度", "开累")),
    ("本月", ("本期", "本月", "当月")),
    ("总投资", ("总投资", "总额")),
)


def _kind(text: str) -> str | None:
    return next((kind for kind, words in _KINDS if any(word in text for word in words)), None)


def _fits(values: Sequence[object], money: bool) -> bool:
    """Whether a column's cells could be the field's: numbers (typed or as text) for money,
    some text that is not a number for any other field; an empty column fits nothing."""
    filled = [value for value in values if value is not None and clean_text(str(value))]
    if not filled:
        return False
    if not money:
        return any(not isinstance(value, int | float | Decimal) for value in filled)
    try:
        for value in filled:
            parse_money(value, signed=True)
    except CellError:
        return False
    return True


def likely_column(
    field: str, money: bool, columns: Sequence[tuple[str, Sequence[object]]]
) -> str | None:
    """Of the columns not understood (header text, cells below it, in sheet order), the one a
    refusal may suggest naming as the missing `field` (its label), or None to list them only.

    Only a column whose cells fit the field is suggested (`money`: numbers); among those, the
    first whose header word names the field's kind (累计/年度 → 累计完成投资, 本期/本月/当月 →
    本月完成投资, 总额 → 总投资), else the first whose header names no other kind. Source:
    tryout 31, finding 2 (主管部门, holding 市体育局, was suggested for 总投资; 本期完成额,
    the month, for 累计完成投资)."""
    wanted = _kind(field)
    fitting = [text for text, values in columns if _fits(values, money)]
    named = [text for text in fitting if _kind(text) == wanted]
    plain = [text for text in fitting if _kind(text) is None]
    return next(iter(named or plain), None)


def read_again(channel: Channel) -> str:
    """How to import once the columns are named: "重新导入" on the command line, "点“重新识别”"
    on the web."""
    return "点“重新识别”" if channel == Channel.WEB else "重新导入"


# How a refusal the user may override asks him to confirm, on each channel (import-ledger,
# import-progress and their pages; `guanmo.ledger.unit_doubts.CONFIRM_CHANGES`): the page's
# tick box, the command's option. A line shown on the page keeps only the page's (tryout 24 F5:
# the ledger page said 命令行加 --confirm-changes).
CONFIRM_MARK = "勾选“确认修改”"  # in every such refusal: a page shows its checkbox on seeing it
CONFIRM_WHERE = f"（导入页{CONFIRM_MARK}，命令行加 --confirm-changes）"
_CONFIRM_ON_WEB = f"（{CONFIRM_MARK}）"


def for_channel(text: str, channel: Channel) -> str:
    """A line of a report as the `channel` shows it: on the web, the confirmation advice says
    only the page's tick box ("…请核对后确认修改（勾选“确认修改”）再导入")."""
    if channel == Channel.WEB:
        return text.replace(CONFIRM_WHERE, _CONFIRM_ON_WEB)
    return text
