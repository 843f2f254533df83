"""The assessment bulletin (综合考核结果通报) through the common document builder: the
sentences, the ranking with rank intervals, and how the result was tested for robustness."""

from pathlib import Path
from typing import BinaryIO

from guanmo.assessment.exporters.text import (
    RESULT_HEADERS,
    SOBOL_OUTPUT,
    adjustment_sentences,
    indices_of,
    result_rows,
    robustness_sentence,
    sampling_note,
    sensitivity_rows,
)
from guanmo.assessment.outcome import Outcome
from guanmo.assessment.scheme_description import describe, robustness_notes
from guanmo.documents.official import Letterhead, OfficialDocument
from guanmo.figures.formatting import rate

ISSUER = "重点项目建设办公室"
TITLE = "关于综合考核结果的通报"


def bulletin_title(city: str, cycle: str, name: str) -> str:
    """The bulletin's title naming the city and the cycle, as bulletins are titled:
    关于焦作市2025年前三季度县区综合评价结果的通报 (each part left out when not known)."""
    return f"关于{city}{cycle}{name}结果的通报"


def results_docx(outcome: Outcome, head: Letterhead, title: str = TITLE) -> bytes:
    """The bulletin as .docx bytes under `head`."""
    document = OfficialDocument(head, title)
    document.heading("一、考核结果")
    for sentence in outcome.sentences:
        document.body(sentence)
    document.table(RESULT_HEADERS, result_rows(outcome), caption="综合得分排名")
    if said := adjustment_sentences(outcome):
        document.body("加分/扣分情况：")
        for sentence in said:
            document.body(sentence)
    if outcome.robustness is not None:
        document.heading("二、稳健性检验")
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
    scheme_section(document, outcome, "三、考核办法" if outcome.robustness else "二、考核办法")
    return document.finish()


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
) -> None:
    """The bulletin as a draft, unnumbered, under `head` (the command gives the city office's
    letterhead, `documents.services.letterhead`), else under a bare issuer's name."""
    head = head or Letterhead(issuer=ISSUER, mark=f"{ISSUER}文件", number=None, dated=None)
    content = results_docx(outcome, head, title)
    if isinstance(output, str | Path):
        Path(output).write_bytes(content)
    else:
        output.write(content)
