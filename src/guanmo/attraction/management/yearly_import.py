"""What `import-attraction` and `import-park-figures` share: a sheet for a year and the month
its figures stand at, read all or nothing by an import function, the report printed."""

from collections.abc import Callable
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from guanmo.accounts.management.operator import add_user_argument, user_for
from guanmo.regions.management.city import add_city_argument, city_for
from guanmo.sheets.commands import print_report
from guanmo.sheets.faults import ImportReport


class YearlySheetImport(BaseCommand):
    """A command `FILE --year Y [--month M] [--dry-run] [--user U] [--city C]`; a subclass
    names its file, year and month in `file_help`, `year_help` and `month_help`, and its import
    in `import_sheet` (keyword arguments city, year, month, dry_run, user; ValueError for a
    refusal the command prints)."""

    file_help: str
    year_help: str
    month_help: str
    import_sheet: Callable[..., ImportReport]
    # --confirm-changes, for an import that refuses to overwrite what was corrected on a page
    # unless confirmed (import_sheet then takes confirm_changes); None: no such option.
    confirm_help: str | None = None

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help=self.file_help)
        parser.add_argument("--year", type=int, required=True, help=self.year_help)
        parser.add_argument("--month", type=int, help=self.month_help)
        parser.add_argument(
            "--dry-run", action="store_true", help="只检查，不写入；打印列对应和导入报告"
        )
        if self.confirm_help:
            parser.add_argument("--confirm-changes", action="store_true", help=self.confirm_help)
        add_user_argument(parser)
        add_city_argument(parser)

    def handle(self, *args, file: Path, year, month, dry_run, city, user, **options):
        confirmed = {"confirm_changes": options["confirm_changes"]} if self.confirm_help else {}
        try:
            report = type(self).import_sheet(
                file,
                city=city_for(city),
                year=year,
                month=month,
                dry_run=dry_run,
                user=user_for(user),
                **confirmed,
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        print_report(self, report)
