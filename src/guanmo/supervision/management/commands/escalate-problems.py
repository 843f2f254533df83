from datetime import date

from django.core.management.base import BaseCommand, CommandError

from guanmo import clock
from guanmo.documents.official import chinese_date
from guanmo.regions.management.city import add_city_argument, city_for
from guanmo.regions.models import Region
from guanmo.sheets.cells import CellError, parse_date
from guanmo.supervision.services import escalate_overdue


class Command(BaseCommand):
    help = (
        "逾期问题逐级升级督办：逾期次日升至县区项目办，此后每满一个升级周期再升一级"
        "（市项目办、包抓领导），每级留有记录。可重复运行，同一天再运行不会重复升级。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="按哪一天计算（YYYY-MM-DD 或 2025年5月17日，默认今天）")
        add_city_argument(parser)

    def handle(self, *args, today: str | None, city: str | None, **options):
        day = self._day(today)
        cities = (
            [city_for(city)]
            if city
            else Region.objects.filter(city_projects__supervised_problems__isnull=False)
            .distinct()
            .order_by("code")
        )
        climbed = set()
        for each in cities:
            for step in escalate_overdue(each, today=day):
                climbed.add(step.problem_id)
                self.stdout.write(f"{step.problem.project}：{step.note}（{chinese_date(step.on)}）")
        if climbed:
            self.stdout.write(self.style.SUCCESS(f"共{len(climbed)}个问题升级督办"))
        else:
            self.stdout.write(f"截至{chinese_date(day)}，没有需要升级的问题")

    def _day(self, typed: str | None) -> date:
        """The day typed after --today as a register's date cell is read
        (`sheets.cells.parse_date`: 2025-05-17, 2025年5月17日, 2025/5/17, 2025.5.17, 20250517);
        the application's today when none is typed. CommandError for anything else."""
        if not typed:
            return clock.today()
        try:
            day = parse_date(typed)
        except CellError:
            day = None
        if day is None:
            raise CommandError(f"--today：「{typed}」不是 YYYY-MM-DD 或 2025年5月17日 格式的日期")
        return day
