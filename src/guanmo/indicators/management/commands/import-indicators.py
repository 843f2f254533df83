from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from guanmo.accounts.management.operator import add_user_argument, user_for
from guanmo.indicators.sheet_import import import_indicators
from guanmo.regions.management.city import add_city_argument, city_for
from guanmo.sheets.commands import print_report


class Command(BaseCommand):
    help = (
        "导入统计部门的指标表（.xlsx、.xls 等）：各地区本期累计值、上年同期值、增速和位次；"
        "每项改动记入修改记录"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="指标表文件（.xlsx、.xls 等）")
        parser.add_argument("--year", type=int, required=True, help="年度，如 2025")
        parser.add_argument("--month", type=int, required=True, help="月份，1—12（1—M月累计）")
        parser.add_argument(
            "--group",
            help="比较组名称：表中地区组成该比较组（已有则加入），如“全省18个省辖市”“同类县”",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="只检查，不写入；打印列对应和导入报告"
        )
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            dest="mapping",
            metavar="表头=指标名称:度量",
            help="指定某列读作哪个指标的哪一项（可多次使用），如 --map "
            "'固投增速（%%）=固定资产投资:增速'；度量为累计、上年同期、增速或位次，"
            "写“忽略”则不读该列",
        )
        parser.add_argument(
            "--confirm-changes",
            action="store_true",
            help="确认修改：数值疑为单位有误（如1—2月累计是1月的10倍以上）时，核对无误后按表中"
            "数字导入",
        )
        add_user_argument(parser)
        add_city_argument(parser)

    def handle(
        self,
        *args,
        file: Path,
        year,
        month,
        group,
        dry_run,
        city,
        user,
        mapping,
        confirm_changes: bool = False,
        **options,
    ):
        try:
            report = import_indicators(
                file,
                city=city_for(city),
                year=year,
                month=month,
                group=group,
                dry_run=dry_run,
                user=user_for(user),
                mapping=mapping,
                confirm_changes=confirm_changes,
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        print_report(self, report)
