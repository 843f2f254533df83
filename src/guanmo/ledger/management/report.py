"""How the import commands print an ImportReport: every fault, or the notes and a summary."""

from django.core.management.base import BaseCommand, CommandError

from guanmo.sheets.faults import ImportReport


def print_report(command: BaseCommand, report: ImportReport) -> None:
    """Print the report; with faults, exit with status 1 after printing each of them."""
    if not report.ok:
        for fault in report.faults:
            command.stderr.write(report.describe(fault))
        raise CommandError(report.summary)
    for note in report.notes:
        command.stdout.write(f"提示：{note}")
    command.stdout.write(command.style.SUCCESS(report.summary))
