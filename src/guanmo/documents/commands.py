"""The one way a report command writes its report in the format asked for (`--format`, `-o`)."""

from collections.abc import Callable
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


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
