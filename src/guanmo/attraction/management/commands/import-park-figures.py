from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from guanmo.accounts.management.operator import add_user_argument, user_for
from guanmo.attraction.park_import import import_park_figures
from guanmo.regions.management.city import add_city_argument, city_for
from guanmo.sheets.commands import print_report


class Command(BaseCommand):
    help = (
        "导入园区（产业集聚区）主要指标（.xlsx、.xls 等）：每行一个园区，"
        "主营业务收入及其中主导产业、主导产业占比目标、规上企业、高新技术企业、公共服务平台、从业人员、规划面积和建成面积；"
        "空白单元格不改变已有数字，每项改动记入修改记录"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="园区主要指标文件（.xlsx、.xls 等）")
        parser.add_argument("--year", type=int, required=True, help="年度，如 2025")
        parser.add_argument(
            "--month",
            type=int,
            help="数字截至的月份（1—M月；标题未写明时必填），1—12",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="只检查，不写入；打印列对应和导入报告"
        )
        add_user_argument(parser)
        add_city_argument(parser)

    def handle(self, *args, file: Path, year, month, dry_run, city, user, **options):
        try:
            report = import_park_figures(
                file,
                city=city_for(city),
                year=year,
                month=month,
                dry_run=dry_run,
                user=user_for(user),
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        print_report(self, report)
