from pathlib import Path

from django.core.management.base import BaseCommand

from guanmo.accounts.management.operator import add_user_argument, user_for
from guanmo.ledger.management.mapping import add_mapping_argument, mapping_for
from guanmo.ledger.models import Level
from guanmo.ledger.services import import_ledger
from guanmo.regions.management.city import add_city_argument, city_for
from guanmo.sheets.commands import print_report


class Command(BaseCommand):
    help = (
        "导入重点项目台账（.xlsx、.xls 等）：新增或更新项目，列入该年度重点项目名录，"
        "设置年度计划投资；"
        "已有项目的每项改动记入修改记录"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="台账文件（.xlsx、.xls 等）")
        parser.add_argument("--year", type=int, required=True, help="台账年度，如 2025")
        parser.add_argument(
            "--month",
            type=int,
            choices=range(1, 13),
            metavar="M",
            help="导入月份（1—12）：新增项目自该月起报送进度；默认为正在填报的月份",
        )
        parser.add_argument(
            "--level",
            choices=Level.values,
            default=Level.CITY,
            help="列入哪一级重点项目名录（省、市、县；默认市）；表中“重点级别”列有值时以该列为准",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="只检查，不写入；打印列对应和导入报告"
        )
        parser.add_argument(
            "--confirm-changes",
            action="store_true",
            help="确认修改：已有项目的总投资或年度计划投资改为原数的10倍以上或十分之一以下时，"
            "不加此项视为疑似单位有误而不导入；年度计划投资的修改会改变已关账月份的完成率时，"
            "不加此项列出各月变化而不导入",
        )
        add_mapping_argument(parser)
        add_user_argument(parser)
        add_city_argument(parser)

    def handle(
        self,
        *args,
        file: Path,
        year: int,
        month: int | None,
        level: str,
        dry_run: bool,
        confirm_changes: bool,
        city,
        user,
        map,
        **options,
    ):
        report = import_ledger(
            file,
            city=city_for(city),
            year=year,
            month=month,
            level=level,
            dry_run=dry_run,
            user=user_for(user),
            mapping=mapping_for(map),
            confirm_changes=confirm_changes,
        )
        print_report(self, report)
