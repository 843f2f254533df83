from pathlib import Path

from django.core.management.base import BaseCommand

from guanmo.accounts.management.operator import add_user_argument, user_for
from guanmo.indicators.target_import import import_targets
from guanmo.regions.management.city import add_city_argument, city_for
from guanmo.sheets.commands import print_report


class Command(BaseCommand):
    help = (
        "导入各地区年度目标（地区为行、指标为列；数额目标或增速目标，按表头和单位读取），按平均分解"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="目标表文件（.xlsx、.xls 等）")
        parser.add_argument("--year", type=int, required=True, help="年度，如 2025")
        parser.add_argument("--dry-run", action="store_true", help="只检查，不写入")
        add_user_argument(parser)
        add_city_argument(parser)

    def handle(self, *args, file: Path, year, dry_run, city, user, **options):
        report = import_targets(
            file, city=city_for(city), year=year, dry_run=dry_run, user=user_for(user)
        )
        print_report(self, report)
