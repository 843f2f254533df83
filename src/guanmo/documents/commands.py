"""The one way a report command writes its report in the format asked for: the `--format` and
`-o` options, the refusal of a file format without `-o`, and the writing itself. Each command
states only its formats."""

from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser


def add_output_arguments(parser: CommandParser, formats: Iterable[str]) -> None:
    """`--format` (one of `formats`, text by default) and `-o`/`--output`."""
    parser.add_argument("--format", choices=list(formats), default="text", help="输出格式")
    parser.add_argument("-o", "--output", type=Path, help="输出文件（xlsx、docx 必填）")


def require_output(format: str, output: Path | None, file_formats: Collection[str]) -> None:
    """Stop (CommandError) when a file format is asked for without `-o`; a command calls it
    before any work, so that nothing is read or computed for a report it cannot write."""
    if format in file_formats and output is None:
        raise CommandError(f"{format} 格式须用 -o 指定输出文件")


def write_output(
    command: BaseCommand,
    format: str,
    output: Path | None,
    *,
    text: Callable[[], str],
    files: Mapping[str, Callable[[Path], None]],
) -> None:
    """Write a report as `--format` asks: a file format (xlsx, docx: `files`, each writing the
    file at the path given) to `-o`, which it needs; text or JSON (`text`) to `-o` or the
    terminal."""
    require_output(format, output, files)
    if format in files:
        files[format](output)
    elif output is None:
        command.stdout.write(text())
        return
    else:
        output.write_text(text() + "\n", encoding="utf-8")
    command.stdout.write(command.style.SUCCESS(f"已写入 {output}"))
