"""A result's history (issue 13: "the history shows why"): each objection and its decision, and
for an accepted one what the correction changed, result by result up to the one asked about."""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.utils.timezone import localdate

from guanmo.assessment.definition import VETO, Definition, Inputs
from guanmo.assessment.firms import FIGURE_PLACES
from guanmo.assessment.models import LIFTED, Objection, Result, ResultChange
from guanmo.assessment.objections import chain_of, subject
from guanmo.assessment.what_if import place_text
from guanmo.documents.official import chinese_date
from guanmo.figures.formatting import number


@dataclass(frozen=True)
class Step:
    """One step of a result's history: what was decided and what it changed."""

    result: Result
    objection: Objection | None
    text: str


def tied_units(units: list[dict]) -> set[str]:
    """The units of an issued JSON's `units` that share their rank with another (并列)."""
    ranks = Counter(u["rank"] for u in units if u["rank"] is not None)
    return {u["unit"] for u in units if u["rank"] is not None and ranks[u["rank"]] > 1}


def moved(
    unit: str, before: dict | None, after: dict, tied: tuple[bool, bool] = (False, False)
) -> str:
    """A unit's score and rank before and after a correction, as the what-if says them
    (`what_if.place_text`): 甲县综合得分由78.57分变为88.57分，位次由第2位变为第1位, 位次由第4位
    （并列）变为第3位 (`tied`: 并列 before, after; 仍为 where one is unchanged; 位次仍为第6位，
    变为并列 / 不再并列 where only the tie changed; — for a unit without a score or rank)."""
    before = before or {"score": None, "rank": None}

    def said(value, form: str) -> str:
        return "—" if value is None else form.format(value)

    def place(rank: int | None, shared: bool) -> str:
        return "—" if rank is None else place_text(rank, shared)

    score = [said(before["score"], "{}分"), said(after["score"], "{}分")]
    rank = [place(before["rank"], tied[0]), place(after["rank"], tied[1])]
    scored = (
        f"综合得分仍为{score[0]}" if score[0] == score[1] else f"综合得分由{score[0]}变为{score[1]}"
    )
    if rank[0] == rank[1]:
        placed = f"位次仍为{rank[1]}"
    elif before["rank"] == after["rank"]:
        # the place kept, only 并列 changed (tryout 30: 由第6位变为第6位（并列）)
        placed = f"位次仍为{place(after['rank'], False)}，{'变为并列' if tied[1] else '不再并列'}"
    else:
        placed = f"位次由{rank[0]}变为{rank[1]}"
    return f"{unit}{scored}，{placed}"


def correction_effect(unit: str, before: dict, after: dict) -> str:
    """What recomputing after a correction of `unit`'s value did (issue 13: the history shows
    why), from the issued JSON before and after: the unit's score and rank before → after, then
    every other unit whose score or rank changed, in its new order (tryout 15: rank steps moved
    others by points and only ranks were said), or that no other unit changed."""
    was = {line["unit"]: line for line in before["units"]}
    tied_before, tied_after = tied_units(before["units"]), tied_units(after["units"])

    def said_of(name: str, other: dict | None, line: dict) -> str:
        return moved(name, other, line, (name in tied_before, name in tied_after))

    said = [said_of(unit, was.get(unit), next(u for u in after["units"] if u["unit"] == unit))]
    for line in after["units"]:
        other = was.get(line["unit"])
        if line["unit"] == unit or (
            other is not None
            and (other["score"], other["rank"]) == (line["score"], line["rank"])
            and (line["unit"] in tied_before) == (line["unit"] in tied_after)
        ):
            continue
        said.append(said_of(line["unit"], other, line))
    if len(said) == 1:
        said.append("其他单位得分和位次未变")
    return "；".join(said)


def recomputed_values(unit: str, corrected: Result) -> str:
    """The unit's values a corrected register figure changed, each computed again from the
    figures (`firms.with_figure_corrected`): 亩均税收由4.75变为5.02，单位能耗税收由…变为…， to
    the two decimals the firm pages show; "" when the correction was of a value itself."""
    before = Inputs.from_dict(corrected.supersedes.inputs)
    after = Inputs.from_dict(corrected.inputs)
    if before.figures.get(unit) == after.figures.get(unit):
        return ""
    said = [
        f"{name}由{number(was, FIGURE_PLACES)}变为{number(now, FIGURE_PLACES)}"
        for name, now in after.values[unit].items()
        if (was := before.values[unit].get(name)) != now
    ]
    return "".join(f"{each}，" for each in said)


def _day(moment) -> str:
    """The local day of a moment as every page says a date: 2025年12月15日 (`chinese_date`;
    tryout 19: the history alone said 2025-12-15)."""
    return chinese_date(localdate(moment))


def _clause(text: str) -> str:
    """A typed reason as a clause inside a history sentence: its closing punctuation dropped
    (予以采纳。 → 予以采纳), so the sentence never reads "。；"."""
    return text.strip().rstrip("。．.；;，,、 ")


def chain_to(result: Result) -> list[Result]:
    """The results from the first issued up to `result` (`chain_of` cut at it)."""
    whole = chain_of(result)
    return whole[: [r.pk for r in whole].index(result.pk) + 1]


def change_text(change: ResultChange) -> str:
    """A `ResultChange` as the history says it: 通报《关于…的通报》成文日期为2025年12月8日;
    2025年12月9日印发通报，发文字号焦作项目办〔2025〕1号."""
    if change.field == ResultChange.DATED:
        title = f"《{change.document.title}》" if change.document else ""
        return f"通报{title}成文日期为{chinese_date(date.fromisoformat(change.new_value))}"
    if change.field == ResultChange.ISSUED:
        return f"{_day(change.at)}印发通报，发文字号{change.new_value}"
    return f"{_day(change.at)}{change.field}：{change.new_value}"


def history(result: Result) -> list[Step]:
    """The result's history, first issue first, up to its own end: each objection and its
    decision, and for an accepted one the value corrected and the ranks it moved (the why of
    every change); a superseded result's ends with the result correcting it, the standing
    one's with its 定稿 (tryout 15: not with a later result's), then its bulletin's 成文日期
    and 印发 (`ResultChange`, tryout 19)."""
    whole = chain_of(result)
    chain = chain_to(result)
    steps = [Step(chain[0], None, f"{_day(chain[0].issued_at)}发布公示")]
    objections = (
        Objection.objects.filter(result__in=chain)
        .select_related("result", "corrected_result__supersedes")
        .order_by("raised_at", "pk")
    )
    for objection in objections:
        named = subject(Definition.from_dict(objection.result.definition), objection.indicator)
        veto = objection.indicator == VETO
        claim = "请求撤销" if veto else f"认为应为{objection.claimed}"
        said = f"{objection.objector}对{named}提出异议，{claim}（{objection.reason}）"
        if objection.status == Objection.Status.PENDING:
            steps.append(Step(objection.result, objection, f"{said}，待处理"))
            continue
        if objection.status == Objection.Status.REJECTED:
            steps.append(
                Step(
                    objection.result,
                    objection,
                    f"{said}；不予采纳：{_clause(objection.decision_reason)}"
                    + (f"，维持{VETO}" if veto else ""),
                )
            )
            continue
        corrected = objection.corrected_result
        changed = correction_effect(objection.unit, corrected.supersedes.output, corrected.output)
        made = f"{LIFTED}，" if veto else recomputed_values(objection.unit, corrected)
        steps.append(
            Step(
                corrected,
                objection,
                f"{said}；采纳：{_clause(objection.decision_reason)}；{made}重新计算后{changed}",
            )
        )
    final = chain[-1]
    if final.pk != whole[-1].pk:
        later = whole[len(chain)]
        steps.append(Step(later, None, f"{_day(later.issued_at)}更正为编号{later.pk}的结果"))
    elif final.status == Result.Status.FINAL:
        steps.append(Step(final, None, f"{_day(final.finalised_at)}定稿"))
    changes = ResultChange.objects.filter(result__in=chain).select_related("result", "document")
    steps += [Step(change.result, None, change_text(change)) for change in changes]
    return steps
