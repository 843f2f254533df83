from pathlib import Path

from django.core.management.base import BaseCommand

from guanmo.ledger.models import Level
from guanmo.ledger.services import export_ledger
from guanmo.regions.management.city import add_city_argument, city_for


class Command(BaseCommand):
    help = "按观摩的台账模板导出某年度重点项目台账（.xlsx），可用 import-ledger 原样导回"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="年度，如 2025")
        parser.add_argument(
            "--level", choices=Level.values, help="只导出这一级名录（省、市、县；默认全部）"
        )
        parser.add_argument("-o", "--output", type=Path, required=True, help="输出文件（.xlsx）")
        add_city_argument(parser)

    def handle(self, *args, year: int, level: str | None, output: Path, city, **options):
        written = export_ledger(output, city=city_for(city), year=year, level=level)
        self.stdout.write(self.style.SUCCESS(f"已导出{written}个项目到 {output}"))
