from datetime import date

from django.core.management.base import BaseCommand, CommandError

from guanmo.assessment.models import Result
from guanmo.assessment.objections import (
    ObjectionError,
    current,
    finalise_result,
    issue_bulletin,
    issue_date_refusal,
)
from guanmo.documents.services import DocumentError


class Command(BaseCommand):
    help = "考核结果定稿（公示期满、异议均已处理后），可同时印发通报"

    def add_arguments(self, parser):
        parser.add_argument("result", type=int, help="考核结果编号（结果页面地址中的数字）")
        parser.add_argument(
            "--issue",
            type=date.fromisoformat,
            metavar="YYYY-MM-DD",
            help="定稿后印发通报，成文日期为所给日期（编发文字号，印发后不再改变）",
        )

    def handle(self, *args, result, issue, **_):
        found = Result.objects.filter(pk=result).first()
        if found is None:
            raise CommandError(f"没有编号为{result}的考核结果")
        if (standing := current(found)).pk != found.pk:
            raise CommandError(
                f"编号{found.pk}的结果已被更正，现行的是编号{standing.pk}的结果，"
                f"请对编号{standing.pk}的结果执行本命令"
            )
        if issue and (refusal := issue_date_refusal(found, issue)):
            raise CommandError(refusal)  # before finalising: a refused command changes nothing
        if not (issue and found.status == Result.Status.FINAL):
            try:
                found = finalise_result(found)
            except ObjectionError as error:
                raise CommandError(str(error)) from None
            self.stdout.write(self.style.SUCCESS(f"{found.scheme}结果（编号{found.pk}）已定稿"))
        if issue:
            try:
                document = issue_bulletin(found, dated=issue)
            except DocumentError as error:
                raise CommandError(str(error)) from None
            self.stdout.write(self.style.SUCCESS(f"已印发{document.number}：{document.title}"))
