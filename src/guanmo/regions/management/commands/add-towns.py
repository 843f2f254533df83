from django.core.management.base import BaseCommand, CommandError

from guanmo.regions.services import RefusedRegion, add_towns, served_county


class Command(BaseCommand):
    help = "在一个县（市、区）下按名称添加乡镇（街道）；已有的同名乡镇不重复添加"

    def add_arguments(self, parser):
        parser.add_argument("county", help="县（市、区）名称或区划代码，如 武陟县、410823")
        parser.add_argument("names", nargs="+", help="乡镇（街道）名称")

    def handle(self, *args, county: str, names: list[str], **options):
        try:
            found = served_county(county)
            towns = add_towns(found, names)
        except RefusedRegion as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{found.name}（{found.code}）：{len(towns)} 个乡镇（街道）")
        for town in towns:
            self.stdout.write(f"  {town.code}  {town.name}")
