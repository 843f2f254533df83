from django.core.management.base import BaseCommand, CommandError

from guanmo.regions.services import RefusedRegion, add_park, served_county


class Command(BaseCommand):
    help = (
        "在一个县（市、区）下添加该县的园区（如武陟县产业集聚区），项目和地块按所在县区统计；"
        "已有的同名园区不重复添加。与县区并列排名的园区用 init-city --zone 添加"
    )

    def add_arguments(self, parser):
        parser.add_argument("county", help="县（市、区）名称或区划代码，如 武陟县、410823")
        parser.add_argument("name", help="园区名称，如 武陟县产业集聚区")

    def handle(self, *args, county: str, name: str, **options):
        try:
            found = served_county(county)
            park = add_park(found, name)
        except RefusedRegion as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{found.name}（{found.code}）的园区：{park.code}  {park.name}")
