"""The supervision order (督办单) as an official .docx: title, number, addressee, the problem
in a form, the requirements, the issuing office and date."""

from typing import BinaryIO

from docx.enum.text import WD_ALIGN_PARAGRAPH

from guanmo.documents.docx import (
    BODY_FONT,
    SIZE_THREE,
    add_body,
    add_form_table,
    add_signature,
    add_title,
    new_official_document,
    save,
    set_run_font,
)
from guanmo.regions.names import with_region
from guanmo.supervision.models import SupervisionOrder


def issuer_of(order: SupervisionOrder) -> str:
    """The issuing office: the signer's unit, or the city's project office."""
    unit = order.issued_by.unit if order.issued_by else ""
    return unit or f"{order.city.name}重点项目办公室"


def _chinese_date(day) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def write_order(order: SupervisionOrder, output: BinaryIO) -> None:
    problem = order.problem
    project = problem.project
    issuer = issuer_of(order)
    named = with_region(project.county.name, project.name)
    document = new_official_document()
    add_title(document, f"{order.city.name}重点项目督办单")
    number = document.add_paragraph()
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_run_font(number.add_run(order.number), BODY_FONT, SIZE_THREE)
    addressee = document.add_paragraph()
    set_run_font(addressee.add_run(f"{problem.department}："), BODY_FONT, SIZE_THREE)
    add_body(
        document,
        f"{named}存在的{problem.get_problem_type_display()}问题，"
        f"已列入重点督办事项。请你单位于{_chinese_date(problem.deadline)}前办结，"
        f"并将办理情况书面报送{issuer}。",
    )
    add_form_table(
        document,
        [
            ("督办编号", order.number),
            ("项目名称", project.name),
            ("所在县区", project.county.name),
            ("问题类型", problem.get_problem_type_display()),
            ("存在问题", problem.text),
            ("责任部门", problem.department.name),
            ("交办日期", _chinese_date(problem.raised_on)),
            ("办理时限", _chinese_date(problem.deadline)),
            ("督办要求", order.requirements),
        ],
    )
    signer = order.issued_by.get_full_name() if order.issued_by else ""
    if signer:
        add_body(document, f"签发人：{signer}")
    add_signature(document, issuer, _chinese_date(order.issued_on))
    save(document, output)


def order_filename(order: SupervisionOrder) -> str:
    return f"督办单{order.number}.docx"
