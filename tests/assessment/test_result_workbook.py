"""Issue 13 (last stop, item 2): the results page's .xlsx had one sheet while `guanmo assess
--format xlsx` wrote every intermediate. Both are now the one workbook: a result issued from
the command's own sheets downloads, sheet by sheet and cell by cell, what the command writes."""

from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook

from guanmo.assessment.cycle_sheets import read_cycle
from guanmo.assessment.services import issue_result, save_scheme
from tests.assessment.test_assess_command import arguments, run, sheets  # noqa: F401


def cells(book) -> dict[str, list[tuple]]:
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


def test_the_page_downloads_the_workbook_the_command_writes(client, world, sheets, tmp_path):  # noqa: F811
    read = read_cycle(sheets["scheme"], sheets["values"], sheets["previous"])
    inputs = read.complete_inputs()
    scheme = save_scheme(world.city, "2025年度", "综合考核", read.definition, list(inputs.values))
    result = issue_result(scheme, inputs, runs=40, seed=7)
    written = tmp_path / "命令.xlsx"
    run(*arguments(sheets), "--runs", "40", "--seed", "7", "--format", "xlsx", "-o", str(written))
    client.force_login(world.users["city"])
    response = client.get(reverse("assessment_result", args=[result.pk]), {"format": "xlsx"})
    downloaded = load_workbook(BytesIO(b"".join(response.streaming_content)))
    command = load_workbook(written)
    assert downloaded.sheetnames == command.sheetnames
    assert len(command.sheetnames) >= 10 and "原始数值" in command.sheetnames
    assert cells(downloaded) == cells(command)
