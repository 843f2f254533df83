from datetime import date

from django.core.management.base import BaseCommand, CommandError

from guanmo.documents.commands import add_output_arguments, write_output
from guanmo.documents.services import DocumentError
from guanmo.indicators.issuing import issue_report, report_docx
from guanmo.indicators.report import ReportError, build_report
from guanmo.indicators.report_output import FORMATS, as_json, as_text, as_xlsx
from guanmo.regions.management.city import add_city_argument, city_for


class Command(BaseCommand):
    help = "指标调度报告：各地区各指标的数值、增速、位次和位次变化，目标完成情况，以及表述"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="年度，如 2025")
        parser.add_argument("--month", type=int, required=True, help="月份，1—12")
        parser.add_argument("--group", help="比较组名称（默认本市各县（市、区））")
        parser.add_argument("--region", help="只列这一地区")
        parser.add_argument(
            "--issue",
            type=date.fromisoformat,
            metavar="YYYY-MM-DD",
            help="以此成文日期印发（编发文字号并存档）；此后 docx 即为印发的文件",
        )
        add_output_arguments(parser, FORMATS)
        add_city_argument(parser)

    def handle(self, *args, year, month, group, region, issue, format, output, city, **options):
        city = city_for(city)
        try:
            report = build_report(city, year, month, group=group, region=region)
        except ReportError as error:
            raise CommandError(str(error)) from error
        if issue is not None:
            try:
                document = issue_report(city, report, dated=issue, user=None, today=None)
            except DocumentError as refusal:
                raise CommandError(str(refusal)) from refusal
            self.stdout.write(self.style.SUCCESS(f"已印发{document.number}"))
        write_output(
            self,
            format,
            output,
            text=lambda: as_json(report) if format == "json" else as_text(report),
            files={
                "xlsx": lambda path: path.write_bytes(as_xlsx(report)),
                "docx": lambda path: path.write_bytes(report_docx(city, report)),
            },
        )
