from django.core.management.base import BaseCommand, CommandError

from guanmo.attraction.report import Picked, build_picked_report
from guanmo.attraction.report_output import FORMATS, as_docx, as_json, as_text, as_xlsx
from guanmo.attraction.selectors import report_units
from guanmo.documents.commands import add_output_arguments, write_output
from guanmo.regions.management.city import add_city_argument, city_for


class Command(BaseCommand):
    help = (
        "招商引资报告：各县（市、区）、园区及按来源地、行业的签约、落地、开工、投产、达产情况，"
        "签约率、履约率、开工率、投产率、达产率、资金到位率，阶段用时、预警和表述"
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="年度，如 2025")
        parser.add_argument("--month", type=int, required=True, help="月份，1—12（1—M月）")
        parser.add_argument("--unit", default="", help="只看一个县区或园区，如 武陟县")
        parser.add_argument(
            "--source", default="", help="只看一个投资方来源，如 长三角、江苏省、境外"
        )
        parser.add_argument(
            "--industry", default="", help="只看一个行业门类或大类，如 C、C36、制造业、“C 制造业”"
        )
        add_output_arguments(parser, FORMATS)
        add_city_argument(parser)

    def handle(self, *args, year, month, format, output, city, unit, source, industry, **options):
        city = city_for(city)
        picked = None
        if unit:
            picked = next((u for u in report_units(city) if unit in (u.name, u.short_name)), None)
            if picked is None:
                raise CommandError(f"没有名为“{unit}”的县区或园区")
        try:
            report = build_picked_report(city, year, month, Picked.named(picked, source, industry))
        except ValueError as error:
            raise CommandError(str(error)) from error
        write_output(
            self,
            format,
            output,
            text=lambda: as_json(report) if format == "json" else as_text(report),
            files={
                "xlsx": lambda path: path.write_bytes(as_xlsx(report)),
                "docx": lambda path: path.write_bytes(as_docx(report, city)),
            },
        )
