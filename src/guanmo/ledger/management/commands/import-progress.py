from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from guanmo.accounts.management.operator import add_user_argument, user_for
from guanmo.ledger.management.mapping import add_mapping_argument, mapping_for
from guanmo.ledger.services import import_progress
from guanmo.regions.management.city import add_city_argument, city_for
from guanmo.regions.names import region_named
from guanmo.regions.services import units_of
from guanmo.sheets.commands import print_report


class Command(BaseCommand):
    help = (
        "导入月度进度表（.xlsx、.xls 等）：本月完成投资、累计完成投资、形象进度、存在问题；"
        "每项改动记入修改记录"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="进度表文件（.xlsx、.xls 等）")
        parser.add_argument("--year", type=int, required=True, help="年度，如 2025")
        parser.add_argument("--month", type=int, required=True, help="月份，1—12")
        parser.add_argument("--county", help="县区上报时填其名称：表中其他县区的项目视为错误")
        parser.add_argument(
            "--dry-run", action="store_true", help="只检查，不写入；打印列对应和导入报告"
        )
        parser.add_argument(
            "--confirm-changes",
            action="store_true",
            help="确认修改：本月完成投资远低于该项目平常月份（疑为单位有误），或县区各项目累计"
            "与上月相同（疑为重复上报上月数据）时，核对无误后按表中数字导入",
        )
        add_mapping_argument(parser)
        add_user_argument(parser)
        add_city_argument(parser)

    def handle(
        self,
        *args,
        file: Path,
        year: int,
        month: int,
        county,
        dry_run,
        city,
        user,
        map,
        confirm_changes: bool = False,
        **options,
    ):
        city, operator = city_for(city), user_for(user)
        uploader = None
        if county:
            uploader = region_named(county, units_of(city))
            if uploader is None:
                raise CommandError(f"{county}不是{city.name}的县区或园区")
        try:
            report = import_progress(
                file,
                city=city,
                year=year,
                month=month,
                county=uploader,
                dry_run=dry_run,
                user=operator,
                mapping=mapping_for(map),
                confirm_changes=confirm_changes,
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        print_report(self, report)
