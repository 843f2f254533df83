from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from guanmo.assessment.firm_register import import_firms
from guanmo.assessment.firm_sheet import read_firms
from guanmo.assessment.sheet_reading import Refused
from guanmo.regions.services import UnknownDivision, resolve_city, units_of


class Command(BaseCommand):
    help = "由企业数据表导入企业底册（亩均效益评价）：全部正确才写入，否则逐处指出错误"

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="企业数据表（.xlsx/.xls/.ods/.csv）")
        parser.add_argument("--year", type=int, required=True, help="数据所属年度")
        parser.add_argument("--dry-run", action="store_true", help="只检查，不写入")
        parser.add_argument("--city", help="城市的区划代码（只有一个城市时可省略）")

    def handle(self, *args, file, year, dry_run, city, **_):
        try:
            city = resolve_city(city)
        except UnknownDivision as error:
            raise CommandError(str(error)) from None
        try:
            rows, report = read_firms(file, units_of(city))
        except Refused as refused:
            name = f"《{refused.report.file}》"
            for fault in refused.report.faults:
                self.stderr.write(f"{name}{refused.report.describe(fault)}")
            raise CommandError(
                f"{name}中发现{len(refused.report.faults)}处错误，未导入任何企业。"
            ) from None
        for note in report.notes:
            self.stderr.write(f"提示：《{report.file}》{note}")
        for row in report.left_out:
            self.stderr.write(f"提示：《{report.file}》工作表「{row.sheet}」{row}")
        if dry_run:
            self.stdout.write(f"检查通过：{len(rows)}家企业{year}年度数据，未写入（--dry-run）")
            return
        try:
            created, updated = import_firms(rows, year, city=city)
        except ValueError as error:
            raise CommandError(f"未导入任何企业：{error}") from None
        self.stdout.write(
            self.style.SUCCESS(
                f"已导入{len(rows)}家企业{year}年度数据（新增{created}家，更新{updated}家）"
            )
        )
