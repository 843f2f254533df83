from decimal import Decimal, InvalidOperation
from functools import partial
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from guanmo.documents.commands import add_output_arguments, require_output, write_output
from guanmo.observation.bulletin import TourFacts, TourReport
from guanmo.observation.exporters import FILE_FORMATS, TEXT_FORMATS
from guanmo.observation.results import Method, Trim, tour_results
from guanmo.observation.rubric import SCORE_STEP, step_fault
from guanmo.observation.score_sheet import read_score_sheet
from guanmo.regions.models import Region
from guanmo.regions.services import UnknownDivision, resolve_city, units_of

TRIMMING_METHODS = (Method.TRIMMED, Method.ZSCORE)


class Command(BaseCommand):
    help = "由纸质评分表计算观摩评比结果：观摩点和县区得分、排名、评委一致性与结果通报"

    def add_arguments(self, parser):
        parser.add_argument(
            "--scores",
            type=Path,
            required=True,
            help="评分表（.xlsx、.xls、.ods、.csv 等；读取每个有评分表头的工作表）",
        )
        parser.add_argument(
            "--step", default=str(SCORE_STEP), help="打分单位（默认0.5分；一位小数打分用0.1）"
        )
        parser.add_argument(
            "--city",
            help="城市区划代码：县区和园区按其区划识别（默认数据库中唯一的城市；"
            "未建立城市时按GB/T 2260识别县区）",
        )
        parser.add_argument("--drop-high", type=int, help="每个观摩点去掉几个最高分")
        parser.add_argument("--drop-low", type=int, help="每个观摩点去掉几个最低分")
        parser.add_argument(
            "--method",
            choices=[method.value for method in Method],
            default=Method.TRIMMED.value,
            help="计分方法（默认 trimmed：5位及以上评委时去掉一个最高分和一个最低分后平均）",
        )
        parser.add_argument(
            "--no-recusal", action="store_true", help="不实行回避：评委可为本县区观摩点打分"
        )
        add_output_arguments(parser, [*TEXT_FORMATS, *FILE_FORMATS])

    def handle(
        self,
        *args,
        scores,
        step,
        city,
        drop_high,
        drop_low,
        method,
        no_recusal,
        format,
        output,
        **options,
    ):
        method = Method(method)
        trim = Trim(drop_high=drop_high, drop_low=drop_low)
        for option, count in (("--drop-high", drop_high), ("--drop-low", drop_low)):
            if count is not None and count < 0:
                raise CommandError(f"{option} 不能为负数")
            if count is not None and method not in TRIMMING_METHODS:
                raise CommandError(f"{option} 只用于 trimmed 或 zscore 计分方法")
        require_output(format, output, FILE_FORMATS)
        step = _step(step)
        recusal = not no_recusal
        top = _top(city)
        sheet = read_score_sheet(
            scores,
            recusal=recusal,
            step=step,
            regions=None if top is None else units_of(top),
            top_name=top.name if top else "",
        )
        if not sheet.ok:
            for fault in sheet.faults:
                self.stderr.write(sheet.describe(fault))
            if any("分为单位" in fault.message for fault in sheet.faults):
                self.stderr.write(
                    f"提示：打分单位为{step:f}分；如评分表以0.1分为单位，请加 --step 0.1"
                )
            raise CommandError(f"评分表中发现{len(sheet.faults)}处错误，未计算结果。")
        self.stderr.write(sheet.reading)
        for note in sheet.notes:
            self.stderr.write(f"提示：{note}")
        report = TourReport(
            facts=TourFacts.from_cards(sheet.tour_name, sheet.cards, city=top.name if top else ""),
            rubric=sheet.rubric,
            cards=sheet.cards,
            results=tour_results(sheet.cards, method=method, trim=trim, recusal=recusal),
            trim=trim,
            recusal=recusal,
            unrecused=tuple(sheet.unrecused),
        )
        write_output(
            self,
            format,
            output,
            text=lambda: TEXT_FORMATS[format](report),
            files={name: partial(write, report) for name, write in FILE_FORMATS.items()},
        )


def _step(typed: str) -> Decimal:
    try:
        step = Decimal(typed)
    except InvalidOperation:
        raise CommandError(f"--step 应为数字，而填的是{typed}") from None
    if fault := step_fault(step):
        raise CommandError(f"--step：{fault}")
    return step


def _top(code: str | None) -> Region | None:
    """The top named (or the only one: a city, or a county at the top), whose units the sheet's
    counties are and whose level the results are said at (全市, 全县); None when no city is
    built (or no database made: the command also serves a paper tour alone) and none is named,
    so that the sheet's counties are found in GB/T 2260."""
    built = Region._meta.db_table in connection.introspection.table_names()
    if code is None and not (built and Region.objects.filter(kind=Region.Kind.CITY).exists()):
        return None
    try:
        return resolve_city(code)
    except UnknownDivision as error:
        raise CommandError(str(error)) from error
