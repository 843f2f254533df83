"""What the import and report commands share: the --map option, printing an ImportReport
(every fault, then the whole report: file, sheets, rows, counts, column map, rows left out,
notes), and writing a report in the format asked for."""

from argparse import ArgumentParser
from collections.abc import Callable
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from guanmo.ledger.columns import Field, parse_mapping
from guanmo.sheets.faults import ImportReport


def add_mapping_argument(parser: ArgumentParser) -> None:
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="Excel列名=字段",
        help="指定某列读作哪个字段（可多次使用），如 --map '区域=所在县区'；"
        "字段写“忽略”则不读该列。导入成功后本市下次导入沿用；"
        "字段写“按系统识别”则不再沿用以前指定的对应",
    )


def mapping_for(texts: list[str]) -> dict[str, Field | None]:
    """The --map options as a mapping; a bad one stops the command with its message."""
    try:
        return parse_mapping(texts)
    except ValueError as error:
        raise CommandError(str(error)) from error


def print_report(command: BaseCommand, report: ImportReport) -> None:
    """Print the report; with faults, exit with status 1 after printing each of them."""
    if not report.ok:
        for fault in report.faults:
            command.stderr.write(report.describe(fault))
        for line in report.lines():
            command.stderr.write(line)
        raise CommandError(report.summary)
    for line in report.lines():
        command.stdout.write(line)
    command.stdout.write(command.style.SUCCESS(report.summary))


def write_output(
    command: BaseCommand,
    format: str,
    output: Path | None,
    *,
    text: Callable[[], str],
    files: dict[str, Callable[[], bytes]],
) -> None:
    """Write a report as `--format` asks: a file format (xlsx, docx: `files`) to `-o`, which it
    needs; text or JSON (`text`) to `-o` or the terminal."""
    if format in files:
        if output is None:
            raise CommandError(f"--format {format} 需要用 -o 指定输出文件")
        output.write_bytes(files[format]())
        command.stdout.write(f"已写入 {output}")
        return
    if output is not None:
        output.write_text(text() + "\n", encoding="utf-8")
        command.stdout.write(f"已写入 {output}")
    else:
        command.stdout.write(text())
