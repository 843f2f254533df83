"""The sentences speeches and bulletins say about indicators, from plain figures:

    1—6月，全市地区生产总值完成988.3亿元，同比增长9.0%，增速居全省第3位。
    赴京访18批31人次，同比批次下降33.3%、人次下降66.7%。
    脱贫人口完成4.98万人，占全年目标任务的67.5%。
    赴京访批次25批，已用全年控制数的83.3%，超序时进度33.3个百分点。
    固定资产投资增速居全市第2位，较上月前移1位。
    固定资产投资增速在全省有数据的3个中居第2位。
    未实现“双过半”的有：武陟县、温县。

Figures are shown through `guanmo.figures.formatting` (half-up, one decimal for rates, the
indicator's own decimals for its value, a value under 1 of its unit in the smaller one as
tables show it: 脱贫人口完成1200人); region names are joined as `regions.names` does.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from guanmo.figures.arithmetic import period_label
from guanmo.figures.changes import rank_change_text
from guanmo.figures.formatting import (
    Display,
    amount_text,
    growth_text,
    in_words,
    rank_text,
    rate,
    vs_pace_text,
)
from guanmo.indicators.choices import Frequency, Kind, RankBy, is_level
from guanmo.indicators.targets import HALF_YEAR_MONTH, Standing
from guanmo.regions.names import with_region


@dataclass(frozen=True)
class IndicatorLine:
    """One indicator of one region for a period, as a sentence needs it: the value in `unit`
    shown to `places` decimals; growth in % (an amount) or 个百分点 (a ratio); the rank in the
    peer group whose short name is `group` (全市, 全省, 同类县), said among the `among` with a
    figure when not all of the group have one."""

    name: str
    unit: str
    places: int
    value: Decimal | None
    growth: Decimal | None = None
    rank: int | None = None
    tied: bool = False
    group: str = ""
    rank_by: RankBy = RankBy.GROWTH
    kind: Kind = Kind.AMOUNT
    lower_is_better: bool = False  # 赴京访批次: a count kept down, never "完成"
    among: int | None = None  # how many of the group have a figure, when not all do
    previous_rank: int | None = None  # the rank of the earlier period, said after the place
    since: str = "上月"  # that period: 上季度 for a quarterly indicator (`previous_period_word`)
    # Said after the place instead of a move when the regions ranked differ between the periods
    # (`arithmetic.MOVES_NOT_COMPARABLE`).
    move_note: str = ""


@dataclass(frozen=True)
class Count:
    """One counted part of a subject (赴京访: 批次 in 批, 人次 in 人次) with its growth in %."""

    label: str
    value: Decimal
    unit: str
    places: int
    growth: Decimal | None


def rank_basis_word(rank_by: RankBy, kind: Kind, lower_is_better: bool = False) -> str:
    """What a place is of, said before it in every sentence (the page's, the text's, the
    .docx's, the dashboard's): 增速 (an amount's growth), 增幅 (a ratio's change); on the
    value, 完成量 for an amount done (脱贫人口完成量居全市第1位), 水平 for a level (a ratio, an
    average), 数量由少到多 for a count kept down (赴京访批次数量由少到多居全市第1位) — so that a
    place on the amount said after the growth is never read as a place on the growth (tryout
    17)."""
    if rank_by == RankBy.GROWTH:
        return "增幅" if kind == Kind.RATIO else "增速"
    if is_level(kind):
        return "水平"
    return "数量由少到多" if lower_is_better else "完成量"


def rank_basis_header(rank_by: RankBy, kind: Kind, lower_is_better: bool = False) -> str:
    """What a table's 位次 column is ranked on, for its header (`rank_header`): 按增速, 按增幅,
    按数值, with 越少越好 / 越低越好 when lower is better (赴京访批次: 位次（按数值，越少越好）)."""
    basis = "数值" if rank_by == RankBy.VALUE else "增幅" if kind == Kind.RATIO else "增速"
    if not lower_is_better:
        return f"按{basis}"
    return f"按{basis}，{'越低越好' if is_level(kind) or rank_by == RankBy.GROWTH else '越少越好'}"


def _value(value: Decimal, unit: str, places: int) -> str:
    """A figure with its unit by the tables' rule (`amount_text`): 0.12万人 is said 1200人."""
    return amount_text(value, unit, places)


def node_text(
    node: Decimal | None,
    exact: Decimal | None,
    unit: str,
    places: int,
    display: Display | None = None,
) -> str:
    """A node with its unit, and beside it the exact share it was rounded away from where there
    is one (`targets.exact_beside`): 2批（按序时应为2.5批）; — for no node. With a column's
    `display`, in its unit (a table's one unit per indicator)."""
    said = display.with_unit(node) if display else amount_text(node, unit, places)
    if node is None or exact is None:
        return said
    exponent = exact.normalize().as_tuple().exponent
    finer = max(places, -exponent if isinstance(exponent, int) else 0)
    beside = display.with_unit(exact, finer) if display else amount_text(exact, unit, finer)
    return f"{said}（按序时应为{beside}）"


def performance_sentence(month: int, subject: str, line: IndicatorLine) -> str:
    """1—6月，全市地区生产总值完成988.3亿元，同比增长9.0%，增速居全省第3位。

    `subject` is 全市 for the city's own figure or the region's name; a ratio 达到41.3%，同比
    提高2.3个百分点; a level (`choices.is_level`, by the indicator's kind: an average) 达到
    (城镇居民人均可支配收入达到21673元); a count kept down is not "完成" (赴京访批次18批); a
    growth published without its amount is said alone (规模以上工业增加值同比增长8.5%); the
    place once, with its move since `line.since` when the earlier rank is known (增速居全市第4
    位，较上月后移1位). Clauses without their figure are left out; "" with neither value nor
    growth."""
    name = with_region(subject, line.name)
    if line.kind == Kind.RATIO:
        change = in_words(line.growth, "提高{}个百分点", "下降{}个百分点", "持平")
    else:
        change = growth_text(line.growth)
    if line.value is None and not change:
        return ""
    clauses = []
    if line.value is not None:
        verb = "达到" if is_level(line.kind) else "" if line.lower_is_better else "完成"
        clauses.append(f"{verb}{_value(line.value, line.unit, line.places)}")
    if change:
        clauses.append(f"同比{change}")
    if line.rank is not None:
        basis = rank_basis_word(line.rank_by, line.kind, line.lower_is_better)
        placed = rank_text(line.rank, line.group, tied=line.tied, among=line.among)
        clauses.append(f"{basis}{placed}")
        if moved := rank_change_text(line.previous_rank, line.rank, since=line.since):
            clauses.append(moved)
        elif line.move_note:
            clauses.append(line.move_note)
    return f"{period_label(month)}，{name}{'，'.join(clauses)}。"


def counts_sentence(subject: str, parts: Sequence[Count]) -> str:
    """赴京访18批31人次，同比批次下降33.3%、人次下降66.7%。 (parts without growth are counted
    but not compared)."""
    counted = "".join(_value(part.value, part.unit, part.places) for part in parts)
    changes = "、".join(
        f"{part.label}{growth_text(part.growth)}" for part in parts if part.growth is not None
    )
    return f"{subject}{counted}，同比{changes}。" if changes else f"{subject}{counted}。"


def ceiling_used(completion_rate: Decimal | None, vs_pace: Decimal | None, node: str = "") -> str:
    """How much of a ceiling is used and against its pace (`vs_pace_text`, 个百分点):
    已用全年控制数的83.3%，超序时进度33.3个百分点 — for a ceiling, above the pace is behind
    (`targets.Pace`); with the node it is judged against when given (`node`, the amount with
    its unit as the table's 序时目标 shows it: 已用全年控制数的100.0%（序时控制数1批），超序时进度
    50.0个百分点, tryout 17: a rounded-down node of a small ceiling is far from time progress);
    without the pace when undefined, "" without the share."""
    if completion_rate is None:
        return ""
    used = f"已用全年控制数的{rate(completion_rate)}"
    against = vs_pace_text(vs_pace, ceiling=True)
    if not against:
        return used
    if not node:
        return f"{used}，{against}"
    # 5批（按序时应为5.8批） said in the one bracket: （序时控制数5批，按序时应为5.8批） (tryout 26
    # item 13: brackets nested)
    amount, bracket, exact = node.partition("（")
    said = f"{amount}，{exact.removesuffix('）')}" if bracket else node
    return f"{used}（序时控制数{said}），{against}"


def target_sentence(
    name: str,
    done: Decimal,
    unit: str,
    places: int,
    completion_rate: Decimal | None,
    *,
    kind: Kind = Kind.AMOUNT,
    lower_is_better: bool = False,
    vs_target: Decimal | None = None,
    vs_pace: Decimal | None = None,
    node_target: Decimal | None = None,
    node_exact: Decimal | None = None,
) -> str:
    """脱贫人口完成4.98万人，占全年目标任务的67.5%。 (without the share when undefined); a
    ceiling's with its pace (`ceiling_used`, `vs_pace` in 个百分点): 赴京访批次25批，已用全年
    控制数的83.3%，超序时进度33.3个百分点。; a ratio's level against its target in 个百分点:
    城镇化率达到55.2%，低于目标0.8个百分点。 A ceiling's `node_target` (its breakdown's node to
    date, in the unit) is said as the pace it is judged against (`ceiling_used`)."""
    if kind == Kind.RATIO:
        against = in_words(vs_target, "高于目标{}个百分点", "低于目标{}个百分点", "与目标持平")
        reached = f"{name}达到{_value(done, unit, places)}"
        return f"{reached}，{against}。" if against else f"{reached}。"
    if lower_is_better:
        node = "" if node_target is None else node_text(node_target, node_exact, unit, places)
        used = ceiling_used(completion_rate, vs_pace, node)
        counted = f"{name}{_value(done, unit, places)}"
        return f"{counted}，{used}。" if used else f"{counted}。"
    done_text = f"{name}{'达到' if is_level(kind) else '完成'}{_value(done, unit, places)}"
    if completion_rate is None:
        return f"{done_text}。"
    return f"{done_text}，占全年目标任务的{rate(completion_rate)}。"


def forecast_sentence(subject: str, standing: Standing) -> str:
    """The year-end forecast as the speeches say it (issue 12: "按以往进度推算，全年预计完成目标的
    X%"): 温县脱贫人口按以往进度推算，全年预计完成目标的80.0%。; a ceiling heading over it
    赴京访批次按以往进度推算，全年预计突破全年控制数，达到控制数的166.7%。, one under it
    …全年预计为控制数的83.3%。; "" without a forecast. The dashboard's warnings say it so too."""
    if standing.forecast_rate is None:
        return ""
    forecast = rate(standing.forecast_rate)
    if standing.lower_is_better and standing.forecast_missed:
        said = f"全年预计突破全年控制数，达到控制数的{forecast}"
    elif standing.lower_is_better:
        said = f"全年预计为控制数的{forecast}"
    else:
        said = f"全年预计完成目标的{forecast}"
    return f"{subject}按以往进度推算，{said}。"


def growth_target_sentence(subject: str, standing: Standing) -> str:
    """A growth target against the growth made: 温县固定资产投资目标增长10.0%，同比增长0.9%，低于
    目标9.1个百分点。 (tryout 21 (8): said only in the table); "" without both figures."""
    if standing.target_growth is None or standing.growth is None:
        return ""
    against = in_words(
        standing.vs_target_growth, "高于目标{}个百分点", "低于目标{}个百分点", "与目标持平"
    )
    target = in_words(standing.target_growth, "增长{}%", "下降{}%", "持平")
    return f"{subject}目标{target}，同比{growth_text(standing.growth)}，{against}。"


def previous_period_word(frequency: Frequency) -> str:
    """The period a rank change compares with: 上季度 for a quarterly indicator (its figures
    come every third month), else 上月."""
    return "上季度" if frequency == Frequency.QUARTERLY else "上月"


def rank_change_sentence(
    name: str,
    rank_by: RankBy,
    group: str,
    rank: int | None,
    previous_rank: int | None,
    *,
    tied: bool = False,
    kind: Kind = Kind.AMOUNT,
    since: str = "上月",
    among: int | None = None,
    lower_is_better: bool = False,
    move_note: str = "",
) -> str:
    """固定资产投资增速居全市第2位，较上月前移1位。 ("" when unranked; without the change when
    the earlier period had no rank, `move_note` in its place when given (上期参与排名的单位不同，
    位次变化不可比); `since` the earlier period: "上季度" for a quarterly
    indicator (`previous_period_word`), "去年同期" against last year; `among` those with a
    figure when not all of the group have one: 固定资产投资增速在全市有数据的3个中居第2位); the
    place's basis by `rank_basis_word` (一般公共预算收入完成量居全市第4位)."""
    if rank is None:
        return ""
    place = rank_text(rank, group, tied=tied, among=among)
    placed = f"{name}{rank_basis_word(rank_by, kind, lower_is_better)}{place}"
    change = rank_change_text(previous_rank, rank, since=since) or move_note
    return f"{placed}，{change}。" if change else f"{placed}。"


def places_sentence(region: str, places: Sequence[str]) -> str:
    """A region's places among its group in one sentence, one clause per indicator (each a
    `rank_change_sentence`): 武陟县固定资产投资增速居全市第7位，较上月前移1位；地区生产总值
    增速居全市第3位，位次与上月相同。 "" when it has no place."""
    clauses = [place.removesuffix("。") for place in places if place]
    return f"{region}{'；'.join(clauses)}。" if clauses else ""


def not_both_over_half_sentence(
    regions: Sequence[str],
    units: str = "各县（市、区）",
    *,
    missed: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """未实现“双过半”的有：武陟县（固定资产投资、一般公共预算收入）、温县（脱贫人口）。, each region
    with the indicators it missed when `missed` names them (tryout 17: the city's sentence
    named units only), or 各县（市、区）均实现“双过半”。 when none."""
    if not regions:
        return f"{units}均实现“双过半”。"
    missed = missed or {}
    named = [
        f"{region}（{'、'.join(missed[region])}）" if missed.get(region) else region
        for region in regions
    ]
    return f"未实现“双过半”的有：{'、'.join(named)}。"


def half_note(seen: Standing) -> str:
    """Why a target shows "—" for 双过半 at the half year (`targets.judged_by_half`, the rule
    applied): 按分解到6月底应完成49.8%，不足一半，不评双过半 for an amount broken down to fall
    due mostly after June (`targets.due_by_half`), 控制数（越低越好），不评双过半 for a ceiling,
    达到类指标（比率、人均值），不评双过半 for a level, 缺本期数据，无法评价双过半 for one judged
    without its figure; "" when it is judged (是/否) or outside June (issue 12, tryout 12)."""
    if seen.month != HALF_YEAR_MONTH:
        return ""
    if seen.judged_by_half:
        return "" if seen.both_over_half is not None else "缺本期数据，无法评价双过半"
    if seen.ceiling:
        return "控制数（越低越好），不评双过半"
    under_half = seen.node_target is not None and seen.target is not None
    if under_half and seen.node_target * 2 < seen.target:
        due = rate(seen.node_progress)
        return f"按分解到{HALF_YEAR_MONTH}月底应完成{due}，不足一半，不评双过半"
    return "达到类指标（比率、人均值），不评双过半"


def rank_disagreement(reported: int | None, computed: int | None) -> str:
    """A reported 位次 that differs from the rank computed from the figures (the import's
    位次不符 note, `arithmetic.rank_disagreements`): 上报位次第3位，按数据计算第2位, or
    上报位次第3位，按数据无法排名 (no figure, or no place); "" when they agree or none was
    reported."""
    if reported is None or reported == computed:
        return ""
    said = f"计算第{computed}位" if computed is not None else "无法排名"
    return f"上报位次第{reported}位，按数据{said}"


def rank_disagreement_reason(rank_by: RankBy, kind: Kind, group: str) -> str:
    """Why a reported 位次 is marked: the rank Guanmo shows is computed from the stored figures
    (按增速在全省18个省辖市中排列), which the reported one contradicts: a figure or the group's
    members differ from the source's."""
    basis = rank_basis_header(rank_by, kind).removeprefix("按")
    return (
        f"位次按{basis}在“{group}”中由报送数据计算；上报位次与之不符，"
        "说明上报数据或比较组成员与来源不一致，请核对"
    )


HALF_MISSES = ("时间过半、任务未过半", "增速未达目标")


def half_missed_lines(
    entries: Sequence[tuple[str, str, Standing]], order: Sequence[str]
) -> list[str]:
    """Per region that missed 双过半 (`targets.not_over_half` names them), what it missed, in
    `order` (the group's): 武陟县：时间过半、任务未过半：固定资产投资（完成48.2%）；增速未达目标：
    一般公共预算收入（增长8.0%，目标增长10.0%）. `entries` are (region, indicator, standing);
    only targets judged and missed are said."""
    missed: dict[str, dict[str, list[str]]] = {}
    for region, name, seen in entries:
        if not seen.judged_by_half or seen.both_over_half is not False:
            continue
        if seen.target_growth is not None:
            said = f"{name}（{growth_text(seen.growth)}，目标{growth_text(seen.target_growth)}）"
            heading = "增速未达目标"
        else:
            said, heading = f"{name}（完成{rate(seen.completion_rate)}）", "时间过半、任务未过半"
        missed.setdefault(region, {}).setdefault(heading, []).append(said)
    place = {region: at for at, region in enumerate(order)}
    return [
        f"{region}："
        + "；".join(
            f"{heading}：{'、'.join(kinds[heading])}" for heading in HALF_MISSES if heading in kinds
        )
        for region, kinds in sorted(
            missed.items(), key=lambda item: (place.get(item[0], len(order)), item[0])
        )
    ]


PODIUM = 3  # 居前三位


class Placed(Protocol):
    rank: int | None
    rank_change: int | None


def places_summary(group: str, lines: Sequence[tuple[Placed, int | None]]) -> str:
    """What a county's page says of its places in one peer group before the table:
    在焦作市各县（市、区）中，12项指标有位次，其中居前三位3项；较上期前移2项、后移1项。 (a
    zero move left out: 较上期前移2项, tryout 17; none moved: 较上期位次均未变化)
    `lines` are the county's lines (`table.PeerFigures`), one per indicator, each with the
    number of the group with a figure when not all have one (`IndicatorTable.among`, else None).
    A place is counted only with places among the same members: places among those with a
    figure (第2位 of the 6 rural counties) are summed up in their own sentence per number,
    在焦作市各县（市、区）有数据的6个中，…, never with places among the whole group."""
    said = []
    for among in sorted({among for _, among in lines}, key=lambda n: (n is not None, -(n or 0))):
        ranked = [line for line, each in lines if each == among and line.rank is not None]
        if not ranked and among is not None:
            continue
        top = sum(line.rank <= PODIUM for line in ranked)
        up = sum(line.rank_change is not None and line.rank_change > 0 for line in ranked)
        down = sum(line.rank_change is not None and line.rank_change < 0 for line in ranked)
        members = group if among is None else f"{group}有数据的{among}个"
        moves = "、".join(
            f"{word}{count}项" for word, count in (("前移", up), ("后移", down)) if count
        )
        moved = f"较上期{moves}" if moves else "较上期位次均未变化"
        if among is not None and among <= PODIUM:
            # first of two with data is no top-three place (tryout 21 (7))
            said.append(
                f"在{group}中，{len(ranked)}项指标只有{among}个单位有数据，不计前三位；{moved}。"
            )
            continue
        said.append(f"在{members}中，{len(ranked)}项指标有位次，其中居前三位{top}项；{moved}。")
    return "".join(said)
