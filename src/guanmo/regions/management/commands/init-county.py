from django.core.management.base import BaseCommand, CommandError

from guanmo.indicators.services import install_starting_indicators
from guanmo.regions.services import RefusedRegion, UnknownDivision, init_county


class Command(BaseCommand):
    help = (
        "按 GB/T 2260 区划代码建立以县（市、区）为顶层的安装，添加其乡镇（街道），可另加园区，"
        "并安装起始指标目录（已有同名指标不动）和本县各乡镇（街道）的默认比较组"
    )

    def add_arguments(self, parser):
        parser.add_argument("code", help="县（市、区）区划代码，如 410823")
        parser.add_argument(
            "--town", action="append", default=[], help="乡镇（街道）名称（可重复）"
        )
        parser.add_argument(
            "--zone", action="append", default=[], help="园区、示范区名称（可重复）"
        )

    def handle(self, *args, code: str, town: list[str], zone: list[str], **options):
        try:
            county = init_county(code, town, zone)
        except (UnknownDivision, RefusedRegion) as error:
            raise CommandError(str(error)) from error
        units = county.children.order_by("sort_order", "code")
        self.stdout.write(f"{county.name}（{county.code}）：{units.count()} 个乡镇（街道）、园区")
        for unit in units:
            self.stdout.write(f"  {unit.code}  {unit.name}")
        for line in install_starting_indicators(county):
            self.stdout.write(line)
