"""The assessment bulletin (综合考核结果通报) through the common document builder: the opening
citing the scheme, the sentences, the ranking with rank intervals, each unit's score by 一级指标
(得分构成), the 公示 and objections, a firm scheme's classes with their 差别化政策, how the
result was tested for robustness and the scheme. The words that need the issued result
(opening, 公示, policies) come as `bulletin.BulletinFacts`; without them (`guanmo assess
--format docx`, a draft from sheets) the figures stand alone."""

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from guanmo.assessment.exporters.text import (
    BREAKDOWN_NOTE,
    RESULT_HEADERS,
    SOBOL_OUTPUT,
    adjustment_sentences,
    indices_of,
    rank_label,
    result_rows,
    robustness_sentence,
    sampling_note,
    sensitivity_rows,
    two_places,
    vetoed_cell,
)
from guanmo.assessment.outcome import Outcome, shown_breakdown
from guanmo.assessment.scheme_description import describe, robustness_notes
from guanmo.documents.official import Letterhead, OfficialDocument
from guanmo.documents.tables import column_layout
from guanmo.figures.formatting import UNDEFINED, rate

if TYPE_CHECKING:  # the facts are read from the database; this module is not
    from guanmo.assessment.bulletin import BulletinFacts

ISSUER = "重点项目建设办公室"
TITLE = "关于综合考核结果的通报"


def bulletin_title(city: str, cycle: str, name: str) -> str:
    """The bulletin's title naming the city and the cycle, as bulletins are titled:
    关于焦作市2025年前三季度县区综合评价结果的通报 (each part left out when not known)."""
    return f"关于{city}{cycle}{name}结果的通报"


NUMERALS = "一二三四五六七八九十"


def _headings() -> Iterator[str]:
    """The first-level headings' numbers in order: 一、, 二、, …"""
    for numeral in NUMERALS:
        yield f"{numeral}、"


def results_docx(
    outcome: Outcome, head: Letterhead, title: str = TITLE, facts: "BulletinFacts | None" = None
) -> bytes:
    """The bulletin as .docx bytes under `head`; with `facts` (`bulletin.facts_of`) the
    opening, the 公示 and objections and, for a firm scheme, the classes and their policies."""
    document = OfficialDocument(head, title)
    number = _headings()
    if facts is not None:
        document.body(facts.opening)
    document.heading(f"{next(number)}考核结果")
    for sentence in outcome.sentences:
        document.body(sentence)
    document.table(RESULT_HEADERS, result_rows(outcome), caption="综合得分排名")
    headers, rows = score_table(outcome)
    fitted_tables(document, headers, rows, caption="各单位得分构成", units="单位：分")
    document.body(BREAKDOWN_NOTE)
    if said := adjustment_sentences(outcome):
        document.body("加分/扣分情况：")
        for sentence in said:
            document.body(sentence)
    if facts is not None and facts.publicity:
        document.heading(f"{next(number)}公示及异议处理情况")
        document.body(facts.publicity)
        for sentence in facts.corrections:
            document.body(sentence)
    if facts is not None and facts.firm_classes:
        document.heading(f"{next(number)}企业分类及差别化政策")
        for kept in facts.firm_classes:
            document.body(f"{kept.label}（{len(kept.firms)}家）：{'、'.join(kept.firms)}。")
            if kept.policies:
                document.body(f"{kept.label}适用政策：{'；'.join(kept.policies)}。")
    if outcome.robustness is not None:
        document.heading(f"{next(number)}稳健性检验")
        document.body(
            f"{robustness_sentence(outcome)}位次区间为模拟中90%的位次所在范围；排在末位的概率达到"
            f"{rate(outcome.threshold * 100)}方认定末位。"
        )
        for note in robustness_notes(outcome.definition, outcome.inputs.vetoed):
            document.body(note)
        document.body(f"{SOBOL_OUTPUT}。")
        document.table(
            ("选择", "一阶指数", "总效应指数"),
            sensitivity_rows(indices_of(outcome)),
            caption="各项选择对排名的影响（Sobol指数）",
        )
        if note := sampling_note(indices_of(outcome)):
            document.body(note)
    scheme_section(document, outcome, f"{next(number)}考核办法")
    return document.finish()


def fitted_tables(
    document: OfficialDocument,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    caption: str,
    units: str,
    kept: int = 2,
) -> None:
    """The table as one where it fits the A4 text area (`tables.column_layout`), else split
    by columns into tables that do, each repeating the first `kept` columns (位次, 单位), the
    later ones captioned （续表）. Raises ValueError when even one column beside the kept
    ones does not fit."""
    parts = [list(range(kept, len(headers)))]
    fitted = []
    while parts:
        columns = [*range(kept), *parts.pop(0)]
        try:
            column_layout(
                [headers[i] for i in columns], [[row[i] for i in columns] for row in rows]
            )
        except ValueError:
            if len(columns) - kept <= 1:
                raise
            extra = columns[kept:]
            parts[:0] = [extra[: len(extra) // 2], extra[len(extra) // 2 :]]
            continue
        fitted.append(columns)
    for number, columns in enumerate(fitted):
        document.table(
            [headers[i] for i in columns],
            [[row[i] for i in columns] for row in rows],
            caption=caption if number == 0 else f"{caption}（续表）",
            units=units,
        )


def score_table(outcome: Outcome) -> tuple[list[str], list[list[str]]]:
    """得分构成: each unit's score by 一级指标 (the sum of its 二级指标's points as
    `shown_breakdown` rounds them, so a row adds up to its score), 加分, 扣分, 一票否决 (a
    column only when the scheme has veto items), the score, the rank (并列) and the class,
    every figure to two decimals; — where a unit has none (a non-additive composite has no
    points by indicator). Headers and rows as text."""
    definition = outcome.definition
    tops: dict[str, list[str]] = {}
    for row in definition.indicators:
        tops.setdefault(row.top or row.name, []).append(row.name)
    vetoes = bool(definition.vetoes)
    headers = [
        "位次",
        "单位",
        *tops,
        "加分",
        "扣分",
        *(["一票否决"] if vetoes else []),
        "综合得分",
        "等次",
    ]
    rows = []
    for line in outcome.lines:
        shown = shown_breakdown(line)
        by_top = [
            two_places(sum(shown.points[name] for name in names)) if shown.points else UNDEFINED
            for names in tops.values()
        ]
        rows.append(
            [
                rank_label(line),
                line.unit,
                *by_top,
                two_places(shown.bonus),
                two_places(shown.deduction),
                *([vetoed_cell(line.vetoed_by) if line.vetoed else "否"] if vetoes else []),
                two_places(line.score),
                line.grade or UNDEFINED,
            ]
        )
    return headers, rows


def scheme_section(document: OfficialDocument, outcome: Outcome, heading: str) -> None:
    """The scheme the result was computed under (`scheme_description.describe`): the indicators
    with their weights, forms and parameters, how each form scores, then the other rules."""
    described = describe(outcome.definition, outcome.weights)
    document.heading(heading)
    document.table(
        ("一级指标", "二级指标", "权重（占比）", "方向", "计分方法", "参数"),
        [
            [line.top, line.name, line.share, line.direction, line.form, line.parameters]
            for line in described.indicators
        ],
        caption="指标、权重与计分方法",
    )
    formulas = dict.fromkeys((line.form, line.formula) for line in described.indicators)
    for form, formula in formulas:
        document.body(f"{form}：{formula}。")
    document.form(described.rules)


def write_docx(
    outcome: Outcome,
    output: str | Path | BinaryIO,
    *,
    title: str = TITLE,
    head: Letterhead | None = None,
    facts: "BulletinFacts | None" = None,
) -> None:
    """The bulletin as a draft, unnumbered, under `head` (the command gives the city office's
    letterhead, `documents.services.letterhead`), else under a bare issuer's name; with
    `facts` (the command's opening citing the scheme's 文号) as `results_docx`."""
    head = head or Letterhead(issuer=ISSUER, mark=f"{ISSUER}文件", number=None, dated=None)
    content = results_docx(outcome, head, title, facts)
    if isinstance(output, str | Path):
        Path(output).write_bytes(content)
    else:
        output.write(content)
