from django.core.management.base import BaseCommand

from guanmo.indicators.catalogue import CATALOGUE
from guanmo.indicators.services import entries_to_install, install_indicator_catalogue
from guanmo.regions.management.city import add_city_argument, city_for


class Command(BaseCommand):
    help = "为城市安装起始指标目录：补充尚无的指标，城市已有（可能已修改）的同名指标一律不动"

    def add_arguments(self, parser):
        add_city_argument(parser)
        parser.add_argument("--dry-run", action="store_true", help="只列出将新增的指标，不写入")

    def handle(self, *args, city, dry_run, **options):
        region = city_for(city)
        added = [entry.name for entry in entries_to_install(region, CATALOGUE)]
        kept = [entry.name for entry in CATALOGUE if entry.name not in added]
        if not dry_run:
            install_indicator_catalogue(region, CATALOGUE)
        verb = "将新增" if dry_run else "新增"
        self.stdout.write(f"{region.name}：{verb} {len(added)} 项：{'、'.join(added) or '无'}")
        self.stdout.write(f"已有同名指标，保留不动 {len(kept)} 项：{'、'.join(kept) or '无'}")
