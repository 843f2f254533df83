from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from guanmo.assessment.firm_register import import_firms
from guanmo.assessment.firm_sheet import read_firms
from guanmo.assessment.sheet_reading import Refused


class Command(BaseCommand):
    help = "由企业数据表导入企业底册（亩均效益评价）：全部正确才写入，否则逐处指出错误"

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="企业数据表（.xlsx/.xls/.ods/.csv）")
        parser.add_argument("--year", type=int, required=True, help="数据所属年度")
        parser.add_argument("--dry-run", action="store_true", help="只检查，不写入")

    def handle(self, *args, file, year, dry_run, **_):
        try:
            rows, report = read_firms(file)
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
        created, updated = import_firms(rows, year)
        self.stdout.write(
            self.style.SUCCESS(
                f"已导入{len(rows)}家企业{year}年度数据（新增{created}家，更新{updated}家）"
            )
        )
