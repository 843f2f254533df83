from django.core.management.base import BaseCommand, CommandError

from guanmo.indicators.services import install_starting_indicators
from guanmo.regions.services import RefusedRegion, UnknownDivision, init_city


class Command(BaseCommand):
    help = (
        "按 GB/T 2260 区划代码建立城市及其所辖县（市、区），可另加园区、示范区，"
        "并安装起始指标目录（已有同名指标不动）和本市各县（市、区）的默认比较组"
    )

    def add_arguments(self, parser):
        parser.add_argument("code", help="地级市区划代码，如 410800")
        parser.add_argument(
            "--zone", action="append", default=[], help="园区、示范区名称（可重复）"
        )

    def handle(self, *args, code: str, zone: list[str], **options):
        try:
            city = init_city(code, zone)
        except (UnknownDivision, RefusedRegion) as error:
            raise CommandError(str(error)) from error
        units = city.children.order_by("sort_order", "code")
        self.stdout.write(f"{city.name}（{city.code}）：{units.count()} 个县区、园区")
        for unit in units:
            self.stdout.write(f"  {unit.code}  {unit.name}")
        for line in install_starting_indicators(city):
            self.stdout.write(line)
