"""The assessment bulletin's sentences, in the speeches' words: "综合得分第一名为X（92.35分）",
"排名末位的是Y", "前移26个位次", "退位到第97位，下降幅度达到43位".

A unit is named first (or last) only when the robustness check puts it there in at least the
city's share of runs (P ≥ threshold, default 0.8); otherwise the sentence names every unit that
could be, with how often it was (issue 13). Units placed last by 一票否决 are named as such.
"""

from collections.abc import Sequence

from guanmo.assessment.outcome import Outcome, UnitLine, placed_last_by_veto
from guanmo.assessment.robustness import probability_shown, recognised
from guanmo.assessment.what_if import place_text
from guanmo.figures.formatting import rate

PLACES = "一二三"


def _score(line: UnitLine) -> str:
    return f"{line.score:f}分"


def _names(lines: Sequence[UnitLine]) -> str:
    return "、".join(line.unit for line in lines)


def _by_unit(outcome: Outcome) -> dict[str, UnitLine]:
    return {line.unit: line for line in outcome.lines}


def podium_sentence(outcome: Outcome) -> str:
    """综合得分第一名为X（92.35分），第二名为Y（90.10分），第三名为Z（88.00分）; 并列 shared."""
    ranked = [line for line in outcome.lines if line.rank is not None and not line.vetoed]
    parts = []
    for place, word in enumerate(PLACES, start=1):
        at = [line for line in ranked if line.rank == place]
        if not at:
            continue
        tie = "并列" if len(at) > 1 else ""
        parts.append(f"{tie}第{word}名为{_names(at)}（{_score(at[0])}）")
    return f"综合得分{'，'.join(parts)}。" if parts else ""


def _could_be(outcome: Outcome, units: Sequence[str], probability, place: str) -> str:
    lines = _by_unit(outcome)
    shares = "、".join(
        probability_shown(probability(lines[unit].spread), outcome.threshold) for unit in units
    )
    runs = outcome.robustness.runs if outcome.robustness else 0
    several = "均" if len(units) > 1 else ""
    each = "分别" if len(units) > 1 else ""
    return (
        f"{'、'.join(units)}{several}可能{place}（在{runs}次权重和方法变动的模拟中{place}的"
        f"比例{each}为{shares}）"
    )


FIRST_KIND, LAST_KIND = "居首概率", "末位概率"  # the probabilities as the tables head them


def _why_not(named: Sequence[str], could_be: Sequence[str], kind: str, outcome: Outcome) -> str:
    """Why the units ranked at a place on the published scores are not named as holding it,
    the check's `named` (probability at or above the threshold) and `could_be` given; `kind`
    the place's probability (居首概率, 末位概率): none reached the threshold
    (均未达到80.0%), several did (单位01、单位02居首概率均达到80.0%，不能只认定一个单位), or the
    one that did is not the one ranked there (tryout 27: 均未达到 was said of 50.7% against 50%)."""
    threshold = rate(outcome.threshold * 100)
    if not named:
        return f"{'均' if len(could_be) > 1 else ''}未达到{threshold}"
    if len(named) > 1:
        return f"{'、'.join(named)}{kind}均达到{threshold}，不能只认定一个单位"
    where = "最高" if kind == FIRST_KIND else "最低"
    return f"{named[0]}{kind}达到{threshold}，但其本期综合得分不是{where}的"


def first_sentence(outcome: Outcome) -> str:
    """The podium when the first is certain enough (or no robustness check was run); else
    the highest score and the units that could be first."""
    podium = podium_sentence(outcome)
    if outcome.robustness is None or not podium:
        return podium
    ranked_first = [line.unit for line in outcome.lines if line.rank == 1 and not line.vetoed]
    if recognised(ranked_first, outcome.first.named, checked=True):
        return podium
    top = _by_unit(outcome)[ranked_first[0]]
    could = _could_be(outcome, outcome.first.could_be, lambda s: s.p_first, "居第一")
    why = _why_not(outcome.first.named, outcome.first.could_be, FIRST_KIND, outcome)
    return (
        f"综合得分最高的是{'、'.join(ranked_first)}（{_score(top)}），但第一名经稳健性检验尚不能"
        f"认定：{could}，{why}。"
    )


def vetoed_cause(outcome: Outcome, units: list[str]) -> str:
    """Vetoed units with the items that vetoed them: 武陟县因“重大安全事故”一票否决，; without
    the items kept (a result frozen before them), 乙县因一票否决 (issue 13, tryout 30)."""
    items = {line.unit: line.vetoed_by for line in outcome.lines}
    if not all(items.get(unit) for unit in units):
        return f"{'、'.join(units)}因一票否决"
    said = "、".join(f"{unit}因{'、'.join(f'“{item}”' for item in items[unit])}" for unit in units)
    return f"{said}一票否决，"


def last_sentence(outcome: Outcome) -> str:
    """排名末位的是Y（45.20分） when P(last) reaches the threshold; else the units that could be
    last; units vetoed to last place are named for the veto."""
    vetoed = placed_last_by_veto(outcome)
    if vetoed:
        return f"{vetoed_cause(outcome, vetoed)}排在末位。"
    ranked = [line for line in outcome.lines if line.rank is not None]
    if len(ranked) < 2:
        return ""
    bottom = max(line.rank for line in ranked)  # type: ignore[type-var]
    last = [line for line in ranked if line.rank == bottom]
    if recognised((line.unit for line in last), outcome.last.named, outcome.robustness is not None):
        return f"排名末位的是{_names(last)}（{_score(last[0])}）。"
    could = _could_be(outcome, outcome.last.could_be, lambda s: s.p_last, "排在末位")
    why = _why_not(outcome.last.named, outcome.last.could_be, LAST_KIND, outcome)
    return (
        f"排名末位尚不能认定：本期得分最低的是{_names(last)}（{_score(last[0])}），{could}，"
        f"{why}，不作末位认定。"
    )


# A fall of this many places or more is said "下降幅度达到N位" (the speeches' "从第54位退位到
# 第97位，下降幅度达到43位"); a smaller one plainly, "下降N位": "达到" stresses a large move.
LARGE_MOVE = 10


def fall_sentence(unit: str, previous: int, rank: int, *, tied: bool = False) -> str:
    """A unit's fall in rank as the bulletin says it: 温县从第1位退位到第2位，下降1位。;
    某区从第54位退位到第97位，下降幅度达到43位。 (LARGE_MOVE places or more); a rank now
    shared says so, 第2位（并列） (`what_if.place_text`; tryout 30)."""
    places = rank - previous
    fell = f"下降幅度达到{places}位" if places >= LARGE_MOVE else f"下降{places}位"
    return f"{unit}从第{previous}位退位到{place_text(rank, tied)}，{fell}。"


def rank_change_sentences(outcome: Outcome) -> list[str]:
    """Each unit whose rank moved, the largest moves first: X由第54位进位到第28位，前移26个
    位次 / Y从第54位退位到第97位，下降幅度达到43位 (`fall_sentence`); a rank now shared
    with 并列: 温县由第9位进位到第6位（并列） (tryout 30)."""
    moved = [line for line in outcome.lines if line.rank_change]
    moved.sort(key=lambda line: -abs(line.rank_change))  # type: ignore[arg-type]
    sentences = []
    for line in moved:
        places = abs(line.rank_change)  # type: ignore[arg-type]
        if line.rank_change > 0:  # type: ignore[operator]
            sentences.append(
                f"{line.unit}由第{line.previous_rank}位进位到"
                f"{place_text(line.rank, line.tied)}，前移{places}个位次。"
            )
        else:
            sentences.append(
                fall_sentence(line.unit, line.previous_rank, line.rank, tied=line.tied)
            )
    return sentences


def negative_score_sentences(outcome: Outcome) -> list[str]:
    """Why a published score is below zero: its indicator points (0 for the worst unit under
    TOPSIS or min-max) less its deductions. The rule (issue 13): deductions have no floor; a
    floor at 0 would tie the unit with one not deducted and hide the deduction. So the
    bulletin says it rather than leaving −1.00 unexplained."""
    return [
        f"{line.unit}综合得分为负数（{line.score}分），系指标得分扣除扣分所致（扣分不设下限）"
        for line in outcome.lines
        if line.score is not None and line.score < 0
    ]


def bulletin_sentences(outcome: Outcome) -> list[str]:
    """The bulletin's sentences in order: first place, last place, changes of rank, and why a
    score is negative."""
    sentences = [first_sentence(outcome), last_sentence(outcome)]
    return (
        [s for s in sentences if s]
        + rank_change_sentences(outcome)
        + negative_score_sentences(outcome)
    )
