from pathlib import Path

from django.core.management.base import BaseCommand

from guanmo.accounts.management.operator import add_user_argument, user_for
from guanmo.attraction.land_import import import_land
from guanmo.regions.management.city import add_city_argument, city_for
from guanmo.sheets.commands import print_report


class Command(BaseCommand):
    help = (
        "导入用地台账（.xlsx、.xls 等）：每行一个地块，用地单位、所在县区和园区、面积（亩）、"
        "供地日期、约定和实际动工日期、容积率、建筑密度、投资和税收，以及经度、纬度（可选，用于地块分布图）"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="用地台账文件（.xlsx、.xls 等）")
        parser.add_argument(
            "--dry-run", action="store_true", help="只检查，不写入；打印列对应和导入报告"
        )
        add_user_argument(parser)
        add_city_argument(parser)

    def handle(self, *args, file: Path, dry_run, city, user, **options):
        report = import_land(file, city=city_for(city), dry_run=dry_run, user=user_for(user))
        print_report(self, report)
