from django.core.management.base import BaseCommand, CommandError

from guanmo.regions.models import Region
from guanmo.regions.names import region_named, regions_near
from guanmo.regions.services import RefusedRegion, add_towns, served_cities, units_of


class Command(BaseCommand):
    help = "在一个县（市、区）下按名称添加乡镇（街道）；已有的同名乡镇不重复添加"

    def add_arguments(self, parser):
        parser.add_argument("county", help="县（市、区）名称或区划代码，如 武陟县、410823")
        parser.add_argument("names", nargs="+", help="乡镇（街道）名称")

    def handle(self, *args, county: str, names: list[str], **options):
        found = _county(county)
        try:
            towns = add_towns(found, names)
        except RefusedRegion as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{found.name}（{found.code}）：{len(towns)} 个乡镇（街道）")
        for town in towns:
            self.stdout.write(f"  {town.code}  {town.name}")


def _county(typed: str) -> Region:
    """The county of a served top named by its code or name (武陟县, 武陟)."""
    by_code = Region.objects.filter(code=typed.strip(), kind=Region.Kind.COUNTY).first()
    if by_code is not None:
        return by_code
    counties = [
        region
        for top in served_cities()
        for region in ([top] if top.kind == Region.Kind.COUNTY else units_of(top))
        if region.kind == Region.Kind.COUNTY
    ]
    found = region_named(typed, counties)
    if found is None:
        if near := "、".join(county.name for county in regions_near(typed, counties)):
            raise CommandError(f"没有名为“{typed}”的县（市、区）；是否为{near}？请写全称")
        raise CommandError(f"没有名为“{typed}”的县（市、区）；请先用 init-city 或 init-county 建立")
    return found
