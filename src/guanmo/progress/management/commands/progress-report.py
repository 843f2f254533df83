from functools import partial
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from guanmo.documents.commands import add_output_arguments, require_output, write_output
from guanmo.documents.services import letterhead, office_for
from guanmo.ledger.models import Level
from guanmo.progress.exporters import FILE_FORMATS, TEXT_FORMATS
from guanmo.progress.report import ProgressReport
from guanmo.progress.sections import bulletin_sections
from guanmo.progress.selectors import progress_report_for
from guanmo.regions.management.city import add_city_argument, city_for
from guanmo.regions.models import Region


class Command(BaseCommand):
    help = "计算某月重点项目进度通报的各项数字（完成率、时间进度、县区排名、通报语句）"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="年度，如 2025")
        parser.add_argument("--month", type=int, required=True, help="月份（1—12）")
        parser.add_argument("--level", choices=Level.values, help="只统计这一级重点项目")
        add_output_arguments(parser, [*TEXT_FORMATS, *FILE_FORMATS])
        add_city_argument(parser)

    def handle(self, *args, year, month, level, format, output, city, **options):
        if not 1 <= month <= 12:
            raise CommandError(f"月份应为1至12，而不是{month}")
        require_output(format, output, FILE_FORMATS)
        city_region = city_for(city)
        # The same options as the pages' (`progress.views`): the workbook's 位次较上月 and
        # 完成率较上月 come from `with_changes` (tryout 25 [4]: left 「—」 and blank).
        report = progress_report_for(
            city_region,
            year,
            month,
            level,
            with_projects=format in FILE_FORMATS,
            with_changes=True,
            with_columns=True,
        )
        write_output(
            self,
            format,
            output,
            text=lambda: TEXT_FORMATS[format](report, city_region.name),
            files={
                name: partial(_write_file, name, report, city_region, year, month)
                for name in FILE_FORMATS
            },
        )


def _write_file(
    format: str, report: ProgressReport, city: Region, year: int, month: int, output: Path
) -> None:
    """The workbook or the bulletin (an unnumbered, undated draft under the city's office),
    with the sections other apps add for the month."""
    sections = bulletin_sections(city, year, month)
    extra = {}
    if format == "docx":
        extra["head"] = letterhead(office_for(city), number=None, dated=None)
    FILE_FORMATS[format](report, city.name, output, sections=sections, **extra)
