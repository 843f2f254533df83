from dataclasses import replace
from decimal import Decimal, InvalidOperation
from functools import partial
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from guanmo import clock
from guanmo.assessment.bulletin import BulletinFacts, data_sources, opening_sentence
from guanmo.assessment.cycle_sheets import read_cycle
from guanmo.assessment.definition import Definition, Inputs
from guanmo.assessment.exporters import FILE_FORMATS, TEXT_FORMATS
from guanmo.assessment.exporters.docx import bulletin_title
from guanmo.assessment.outcome import compute
from guanmo.assessment.robustness import DEFAULT_NAMING_THRESHOLD, DEFAULT_RUNS
from guanmo.assessment.selectors import city_roll
from guanmo.assessment.sheet_reading import Refused
from guanmo.assessment.source_selectors import fill_from_sources
from guanmo.assessment.sources import SourceCycle, origin_lines, sources_of
from guanmo.assessment.values_sheet import target_names
from guanmo.assessment.what_if import parse_change, suppose
from guanmo.documents.commands import add_output_arguments, require_output, write_output
from guanmo.documents.models import IssuingOffice
from guanmo.documents.official import Letterhead
from guanmo.documents.services import letterhead, office_for
from guanmo.regions.management.city import add_city_argument, city_for
from guanmo.sheets.faults import ImportReport


class Command(BaseCommand):
    help = "由考核办法表和指标数值表计算综合考核结果：得分、排名、等次、稳健性检验与通报语句"

    def add_arguments(self, parser):
        parser.add_argument(
            "--scheme", type=Path, required=True, help="考核办法表（一级指标、权重、二级指标……）"
        )
        parser.add_argument(
            "--values",
            type=Path,
            help="指标数值表（每行一个单位，每列一个指标）；各指标都注明来源时可省略",
        )
        parser.add_argument("--previous", type=Path, help="上期位次表（单位、位次），可选")
        parser.add_argument(
            "--runs",
            type=int,
            default=DEFAULT_RUNS,
            help=f"稳健性检验的模拟次数（默认{DEFAULT_RUNS}；0为不检验）",
        )
        parser.add_argument("--seed", type=int, default=0, help="随机数种子（同一种子结果相同）")
        parser.add_argument(
            "--threshold",
            default=str(DEFAULT_NAMING_THRESHOLD),
            help="认定第一名或末位所需的概率（默认0.8）",
        )
        add_output_arguments(parser, [*TEXT_FORMATS, *FILE_FORMATS])
        parser.add_argument(
            "--what-if",
            action="append",
            default=[],
            metavar="UNIT:INDICATOR=VALUE",
            help="假设分析：某单位某指标改为某数值后的得分和位次（可重复）",
        )
        add_city_argument(parser)
        parser.add_argument(
            "--city-name", default="", help="通报标题中的城市名称（给出--city时取其名称）"
        )
        parser.add_argument(
            "--cycle", default="", help="考核周期，用于通报标题（如2025年前三季度）"
        )
        parser.add_argument("--name", default="综合考核", help="考核办法名称（默认综合考核）")
        parser.add_argument(
            "--document-number",
            default="",
            help="考核办法文号（可选，与 --format docx 同用），通报开头引用，如“焦政办〔2025〕3号”",
        )
        parser.add_argument("--year", type=int, help="考核周期的年度（考核办法注明来源时必填）")
        parser.add_argument(
            "--month", type=int, help="考核周期的最后一个月，如前三季度为9（注明来源时必填）"
        )

    def handle(
        self,
        *args,
        scheme,
        values,
        previous,
        runs,
        seed,
        threshold,
        format,
        output,
        what_if,
        city=None,
        year=None,
        month=None,
        city_name="",
        cycle="",
        name="综合考核",
        document_number="",
        **_,
    ):
        require_output(format, output, FILE_FORMATS)
        try:
            changes = [parse_change(typed) for typed in what_if]
        except ValueError as error:
            raise CommandError(str(error)) from None
        if runs < 0:
            raise CommandError("--runs 不能为负数")
        threshold = _threshold(threshold)
        # With a city (named, or the one a cycle's --year/--month sources are read from) every
        # unit named must be one of its units and every unit listed (issue 13).
        given_city = city is not None or year is not None or month is not None
        roll = city_roll(city_for(city)) if given_city else None
        try:
            sheets = read_cycle(scheme, values, previous, roll=roll)
        except Refused as refused:
            self._refuse(refused.report)
        definition, inputs = sheets.definition, sheets.inputs
        origins: list[str] = []
        if sheets.sourced:
            inputs, origins = self._fill(definition, inputs, values, city, year, month)
        elif inputs is None:
            raise CommandError("考核办法中的指标没有注明来源，须用 --values 指定指标数值表")
        if sheets.previous is not None:
            inputs = replace(inputs, previous=sheets.previous)
        for report in sheets.reports:  # every assumption and row left out is said, never silent
            for note in report.notes:
                self.stderr.write(f"提示：《{report.file}》{note}")
            for row in report.left_out:
                self.stderr.write(f"提示：《{report.file}》工作表「{row.sheet}」{row}")
        try:
            outcome = compute(definition, inputs, runs=runs, seed=seed, threshold=threshold)
        except ValueError as error:
            raise CommandError(f"无法计算考核结果：{error}") from error
        try:
            supposed = [suppose(definition, inputs, change).text for change in changes]
        except ValueError as error:
            raise CommandError(f"无法进行假设分析：{error}") from error
        if format != "text":  # the JSON and the files stay exactly as issued
            for line in supposed:
                self.stderr.write(f"假设分析：{line}")
            for line in origins:
                self.stderr.write(f"数据来源：{line}")
        named_city = city_for(city).name if city is not None else city_name
        title = bulletin_title(named_city, cycle, name)
        write_output(
            self,
            format,
            output,
            text=lambda: _text(TEXT_FORMATS[format](outcome), format, supposed, origins),
            files={
                "xlsx": partial(FILE_FORMATS["xlsx"], outcome),
                "docx": partial(
                    FILE_FORMATS["docx"],
                    outcome,
                    title=title,
                    head=_head(city, named_city),
                    facts=_opening(definition, name, cycle, document_number),
                ),
            },
        )

    def _fill(
        self,
        definition: Definition,
        inputs: Inputs | None,
        values: Path | None,
        city: str | None,
        year: int | None,
        month: int | None,
    ) -> tuple[Inputs, list[str]]:
        """The inputs with the scheme's sourced indicators filled in from the database, and
        one line per sourced value saying where it came from (`origin_lines`: an exempt
        unit's once, 不参评)."""
        named = "、".join(sources_of(definition))
        typed = [name for name in definition.names if name not in sources_of(definition)]
        if inputs is None and (typed or target_names(definition)):
            wanted = "、".join(typed + target_names(definition))
            raise CommandError(f"{wanted}没有注明来源，须用 --values 指定指标数值表")
        if year is None or month is None:
            raise CommandError(
                f"考核办法中的{named}注明了来源，须用 --year 和 --month 指明考核周期"
            )
        try:
            cycle = SourceCycle(year, month)
        except ValueError as error:
            raise CommandError(f"--month：{error}") from None
        given_by = f"数值表《{values.name}》" if values is not None else "数值表"
        try:
            filled = fill_from_sources(
                city_for(city), cycle, definition, inputs, today=clock.today(), given_by=given_by
            )
        except ValueError as error:
            raise CommandError(f"无法从系统取得指标数值：{error}") from error
        for note in filled.notes:
            self.stderr.write(f"提示：{note}")
        return filled.inputs, origin_lines(filled.inputs)

    def _refuse(self, report: ImportReport) -> None:
        name = f"《{report.file}》" if report.file else ""
        for fault in report.faults:
            self.stderr.write(f"{name}{report.describe(fault)}")
        raise CommandError(f"{name}中发现{len(report.faults)}处错误，未计算结果。")


def _text(rendered: str, format: str, supposed: list[str], origins: list[str]) -> str:
    """The text or JSON rendered, with the what-if answers and the sources after the text;
    the JSON stays exactly as issued."""
    if format == "text" and supposed:
        rendered += "\n\n假设分析（其余数值及权重不变）：\n" + "\n".join(supposed)
    if format == "text" and origins:
        rendered += "\n\n数据来源：\n" + "\n".join(origins)
    return rendered


def _threshold(typed: str) -> Decimal:
    try:
        value = Decimal(typed)
    except InvalidOperation:
        raise CommandError(f"--threshold 应为0至1之间的数，而填的是{typed}") from None
    if not 0 < value <= 1:
        raise CommandError(f"--threshold 应在0（不含）至1之间，而填的是{typed}")
    return value


def _opening(
    definition: Definition, name: str, cycle: str, document_number: str
) -> BulletinFacts | None:
    """The draft bulletin's opening citing the scheme by name and 文号 (`bulletin.
    opening_sentence`, as an issued result's: 根据《县区综合考核办法》（焦政办〔2025〕3号），经对…
    审核计分，现将2025年度县区综合考核结果通报如下：); None without a 文号, as before it was given
    (the values' sources are the sheet's, `bulletin.data_sources`)."""
    number = document_number.strip()
    if not number:
        return None
    scheme_name = name if name.endswith("办法") else f"{name}办法"
    sources = data_sources(definition, firms=False)
    return BulletinFacts(opening_sentence(scheme_name, number, sources, cycle))


def _head(city: str | None, city_name: str) -> Letterhead:
    """The draft bulletin's letterhead as the bulletins have it (`documents.services.
    letterhead`: the office's full name, 主送机关 and 抄送), dated today (the installation's
    clock), unnumbered: the city's own office with --city, else one named from --city-name
    (the office's names a city has before it sets its own, `office_for`)."""
    if city is not None:
        office = office_for(city_for(city))
    else:
        office = IssuingOffice(
            full_name=f"{city_name}重点项目建设办公室",
            short_name=f"{city_name}项目办",
            number_prefix=f"{city_name}项目办",
        )
    return letterhead(office, number=None, dated=clock.today())
