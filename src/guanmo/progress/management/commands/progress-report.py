from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from guanmo.documents.services import letterhead, office_for
from guanmo.ledger.models import Level
from guanmo.progress.exporters import FILE_FORMATS, TEXT_FORMATS
from guanmo.progress.sections import bulletin_sections
from guanmo.progress.selectors import progress_report_for
from guanmo.regions.management.city import add_city_argument, city_for


class Command(BaseCommand):
    help = "计算某月重点项目进度通报的各项数字（完成率、时间进度、县区排名、通报语句）"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="年度，如 2025")
        parser.add_argument("--month", type=int, required=True, help="月份（1—12）")
        parser.add_argument("--level", choices=Level.values, help="只统计这一级重点项目")
        parser.add_argument(
            "--format", choices=[*TEXT_FORMATS, *FILE_FORMATS], default="text", help="输出格式"
        )
        parser.add_argument("-o", "--output", type=Path, help="输出文件（xlsx、docx 必填）")
        add_city_argument(parser)

    def handle(self, *args, year, month, level, format, output, city, **options):
        if not 1 <= month <= 12:
            raise CommandError(f"月份应为1至12，而不是{month}")
        if format in FILE_FORMATS and output is None:
            raise CommandError(f"{format} 格式须用 -o 指定输出文件")
        city_region = city_for(city)
        report = progress_report_for(
            city_region, year, month, level, with_projects=format in FILE_FORMATS
        )
        if format in FILE_FORMATS:
            sections = bulletin_sections(city_region, year, month)
            extra = {}
            if format == "docx":  # an unnumbered, undated draft under the city's office
                office = office_for(city_region)
                extra["head"] = letterhead(office, number=None, dated=None)
            FILE_FORMATS[format](report, city_region.name, output, sections=sections, **extra)
            self.stdout.write(self.style.SUCCESS(f"已写入 {output}"))
            return
        rendered = TEXT_FORMATS[format](report, city_region.name)
        if output is None:
            self.stdout.write(rendered)
        else:
            output.write_text(rendered + "\n", encoding="utf-8")
            self.stdout.write(self.style.SUCCESS(f"已写入 {output}"))
