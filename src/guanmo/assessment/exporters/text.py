"""An assessment's result as text: the ranking table, the weights, the sensitivity of the
choices and the bulletin's sentences; the tables also serve the .docx."""

from guanmo.assessment.outcome import Outcome, UnitLine
from guanmo.figures.formatting import UNDEFINED, half_up, rate

RESULT_HEADERS = (
    "位次",
    "单位",
    "综合得分",
    "等次",
    "位次变化",
    "中位位次",
    "90%位次区间",
    "居首概率",
    "末位概率",
)
CHOICE_NAMES = {
    "weights": "各指标权重",
    "normalisation": "标准化方法",
    "aggregation": "汇总方法",
    "weighting": "赋权口径",
}


def _change(line: UnitLine) -> str:
    if line.rank_change is None:
        return UNDEFINED
    if line.rank_change > 0:
        return f"进位{line.rank_change}位"
    if line.rank_change < 0:
        return f"退位{-line.rank_change}位"
    return "位次不变"


def result_rows(outcome: Outcome) -> list[list[str]]:
    """The ranking as table rows of text (RESULT_HEADERS)."""
    rows = []
    for line in outcome.lines:
        spread = line.spread
        rank = UNDEFINED if line.rank is None else f"{'并列' if line.tied else ''}{line.rank}"
        rows.append(
            [
                rank,
                line.unit + ("（一票否决）" if line.vetoed else ""),
                UNDEFINED if line.score is None else f"{line.score:f}",
                line.grade or UNDEFINED,
                _change(line),
                UNDEFINED if spread is None else f"{spread.median_rank.normalize():f}",
                UNDEFINED if spread is None else "{}—{}".format(*spread.rank_interval),
                UNDEFINED if spread is None else rate(spread.p_first * 100),
                UNDEFINED if spread is None else rate(spread.p_last * 100),
            ]
        )
    return rows


def choice_name(choice: str) -> str:
    if choice.startswith("weight:"):
        return f"权重：{choice.removeprefix('weight:')}"
    return CHOICE_NAMES.get(choice, choice)


def render_text(outcome: Outcome) -> str:
    lines = ["\t".join(RESULT_HEADERS)]
    lines += ["\t".join(row) for row in result_rows(outcome)]
    lines.append("")
    shown = (f"{name} {half_up(weight * 100, 2):f}%" for name, weight in outcome.weights.items())
    lines.append("权重：" + "，".join(shown))
    if outcome.robustness is not None:
        lines.append(f"稳健性检验：{outcome.robustness.runs}次模拟（一阶/总效应Sobol指数）")
        for choice, index in outcome.robustness.sensitivity.items():
            lines.append(f"  {choice_name(choice)}：{index.first_order:f} / {index.total_order:f}")
    lines.append("")
    lines += outcome.sentences
    return "\n".join(lines)
