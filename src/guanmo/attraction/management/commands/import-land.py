from pathlib import Path

from django.core.management.base import BaseCommand

from guanmo.attraction.land_import import import_land
from guanmo.ledger.management.report import print_report
from guanmo.regions.management.city import add_city_argument, city_for


class Command(BaseCommand):
    help = (
        "导入用地台账（.xlsx、.xls 等）：每行一个地块，用地单位、所在县区和园区、面积（亩）、"
        "供地日期、约定和实际动工日期、容积率、建筑密度、投资和税收"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="用地台账文件（.xlsx、.xls 等）")
        parser.add_argument(
            "--dry-run", action="store_true", help="只检查，不写入；打印列对应和导入报告"
        )
        add_city_argument(parser)

    def handle(self, *args, file: Path, dry_run, city, **options):
        print_report(self, import_land(file, city=city_for(city), dry_run=dry_run))
