"""What every import command shares: printing its `ImportReport` (every fault, then the whole
report: file, sheets, rows, counts, column map, rows left out, notes)."""

from django.core.management.base import BaseCommand, CommandError

from guanmo.sheets.faults import ImportReport


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
