"""Issue 13 leftover: `guanmo assess` takes --document-number as `assess-firms` does, the 文号
of the scheme the bulletin's opening cites (根据《…》（文号），经对…审核计分，现将…通报如下：)."""

from docx import Document

from tests.assessment.test_assess_command import (
    arguments,
    run,
    sheets,  # noqa: F401
)


def opening(path) -> list[str]:
    return [p.text for p in Document(path).paragraphs if p.text.startswith("根据《")]


def test_the_draft_bulletin_cites_the_schemes_document_number(sheets, tmp_path):  # noqa: F811
    output = tmp_path / "通报.docx"
    given = ["--runs", "0", "--cycle", "2025年度", "--name", "县区综合考核"]
    run(
        *arguments(sheets),
        *given,
        "--document-number",
        " 焦政办〔2025〕3号 ",
        "--format",
        "docx",
        "-o",
        str(output),
    )
    assert opening(output) == [
        "根据《县区综合考核办法》（焦政办〔2025〕3号），经对各单位报送的指标数据审核计分，"
        "现将2025年度县区综合考核结果通报如下："
    ]


def test_without_a_document_number_the_draft_has_no_opening(sheets, tmp_path):  # noqa: F811
    output = tmp_path / "通报.docx"
    run(*arguments(sheets), "--runs", "0", "--format", "docx", "-o", str(output))
    assert opening(output) == []


def test_the_text_output_leaves_the_document_number_out(sheets):  # noqa: F811
    text = run(*arguments(sheets), "--runs", "0", "--document-number", "焦政办〔2025〕3号")
    assert "焦政办〔2025〕3号" not in text
