from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from guanmo.accounts.management.operator import add_user_argument, user_for
from guanmo.attraction.sheet_import import import_attraction
from guanmo.regions.management.city import add_city_argument, city_for
from guanmo.sheets.commands import print_report


class Command(BaseCommand):
    help = (
        "导入招商项目台账（.xlsx、.xls 等）：每行一个在谈或签约项目，投资方、来源地、行业、"
        "合同投资、各阶段日期和到位资金；已开工项目转入重点项目台账；每项改动记入修改记录"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="招商项目台账文件（.xlsx、.xls 等）")
        parser.add_argument("--year", type=int, required=True, help="登记年度，如 2025")
        parser.add_argument(
            "--month",
            type=int,
            help="到位资金截至的月份（表头和标题都未写明时必填），1—12",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="只检查，不写入；打印列对应和导入报告"
        )
        add_user_argument(parser)
        add_city_argument(parser)

    def handle(self, *args, file: Path, year, month, dry_run, city, user, **options):
        try:
            report = import_attraction(
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
