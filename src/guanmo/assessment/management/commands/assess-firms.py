import json
from collections.abc import Mapping, Sequence
from decimal import Decimal
from functools import partial
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from guanmo.assessment.exporters import FILE_FORMATS, TEXT_FORMATS
from guanmo.assessment.firm_register import firm_inputs, issue_firm_result
from guanmo.assessment.firms import EXAMPLE_SCHEME, LAND_THRESHOLD, policies
from guanmo.assessment.objections import DEFAULT_PUBLICATION_DAYS
from guanmo.assessment.outcome import Outcome, compute
from guanmo.assessment.robustness import DEFAULT_RUNS
from guanmo.assessment.selectors import class_policies
from guanmo.assessment.sheet_reading import Refused, read_scheme
from guanmo.documents.commands import add_output_arguments, require_output, write_output
from guanmo.documents.official import chinese_date
from guanmo.regions.services import UnknownDivision, resolve_city


class Command(BaseCommand):
    help = "由企业底册计算亩均效益评价：得分、排名、A/B/C/D等次及差别化政策"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="评价年度")
        parser.add_argument(
            "--scheme", type=Path, default=EXAMPLE_SCHEME, help="评价办法表（默认随附的示例办法）"
        )
        parser.add_argument(
            "--land-threshold",
            default=str(LAND_THRESHOLD),
            help=f"用地面积低于此数（亩）的企业不参评（默认{LAND_THRESHOLD}）",
        )
        parser.add_argument("--runs", type=int, default=DEFAULT_RUNS, help="稳健性检验模拟次数")
        parser.add_argument("--seed", type=int, default=0, help="随机数种子")
        add_output_arguments(parser, [*TEXT_FORMATS, *FILE_FORMATS])
        parser.add_argument("--city", help="城市的区划代码（只有一个城市时可省略）")
        parser.add_argument(
            "--issue",
            action="store_true",
            help="发布公示结果（保存评价办法和结果，可提出异议、定稿、印发通报）",
        )
        parser.add_argument(
            "--days", type=int, default=DEFAULT_PUBLICATION_DAYS, help="公示天数（与 --issue 同用）"
        )

    def handle(
        self,
        *args,
        year,
        scheme,
        land_threshold,
        runs,
        seed,
        format,
        output,
        city,
        issue,
        days,
        **_,
    ):
        require_output(format, output, FILE_FORMATS)
        try:
            definition, _report = read_scheme(scheme)
        except Refused as refused:
            for fault in refused.report.faults:
                self.stderr.write(f"《{refused.report.file}》{refused.report.describe(fault)}")
            raise CommandError("评价办法表有错误，未计算结果。") from None
        try:
            city = resolve_city(city)
        except UnknownDivision as error:
            raise CommandError(str(error)) from None
        if issue:
            self._issue(city, year, definition, Decimal(land_threshold), days, runs, seed)
            return
        try:
            cycle = firm_inputs(definition, year, city=city, land_threshold=Decimal(land_threshold))
            outcome = compute(cycle.definition, cycle.inputs, runs=runs, seed=seed)
        except ValueError as error:
            raise CommandError(f"无法计算亩均效益评价结果：{error}") from error
        write_output(
            self,
            format,
            output,
            text=lambda: _rendered(outcome, format, cycle.tax_per_mu, class_policies(city)),
            files={name: partial(write, outcome) for name, write in FILE_FORMATS.items()},
        )

    def _issue(self, city, year, definition, land_threshold, days, runs, seed) -> None:
        try:
            result = issue_firm_result(
                city,
                year,
                definition,
                land_threshold=land_threshold,
                days=days,
                runs=runs,
                seed=seed,
            )
        except ValueError as error:
            raise CommandError(f"无法发布亩均效益评价结果：{error}") from error
        rated = sum(1 for unit in result.output["units"] if unit["rank"] is not None)
        self.stdout.write(
            self.style.SUCCESS(
                f"已发布公示{result.scheme}结果（编号{result.pk}）：{len(result.output['units'])}家企业，"
                f"{rated}家参评，公示至{chinese_date(result.published_until)}"
            )
        )


def _rendered(
    outcome: Outcome,
    format: str,
    tax_per_mu: Mapping[str, Decimal | None],
    by_class: Mapping[str, Sequence[str]],
) -> str:
    """The result as JSON or text, each firm with the policies of its class (and 长垣's rule by
    its 亩均税收): in JSON an extra key `policies`, the issue's keys kept as they are; in text
    a 差别化政策 list after the ranking."""
    data = outcome.as_json()
    for unit in data["units"]:
        unit["policies"] = policies(unit["class"], tax_per_mu[unit["unit"]], by_class)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2)
    lines = [TEXT_FORMATS["text"](outcome), "", "差别化政策："]
    for unit in data["units"]:
        grade = unit["class"] or "不定等次"
        lines.append(f"{unit['unit']}（{grade}）：{'；'.join(unit['policies']) or '无'}")
    return "\n".join(lines)
