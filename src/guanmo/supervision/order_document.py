"""The supervision order (督办单) as an official document: the letterhead, the title, the
department it is addressed to, the problem in a form, the requirements, the 签发人, the
issuing office and date."""

from guanmo.documents.official import Letterhead, OfficialDocument, chinese_date
from guanmo.regions.names import with_region
from guanmo.supervision.models import SupervisionOrder


def order_title(order: SupervisionOrder) -> str:
    return f"{order.city.name}重点项目督办单"


def order_docx(order: SupervisionOrder, head: Letterhead) -> bytes:
    """The order as .docx bytes. The deadline it states is the order's own, never before its
    date (the problem's first deadline, when passed, is shown beside it)."""
    problem = order.problem
    project = problem.project
    document = OfficialDocument(head, order_title(order))
    document.body(
        f"{with_region(project.county.name, project.name)}存在的"
        f"{problem.get_problem_type_display()}问题，"
        f"已列入重点督办事项。请你单位于{chinese_date(order.deadline)}前办结，"
        f"并将办理情况书面报送{head.issuer}。",
    )
    rows = [
        ("督办编号", head.number or ""),
        ("项目名称", project.name),
        ("所在县区", project.county.name),
        ("问题类型", problem.get_problem_type_display()),
        ("存在问题", problem.text),
        ("责任部门", problem.department.name),
        ("交办日期", chinese_date(problem.raised_on)),
    ]
    if problem.deadline != order.deadline:
        rows.append(("原办理时限", chinese_date(problem.deadline)))
    rows += [("办结时限", chinese_date(order.deadline)), ("督办要求", order.requirements)]
    document.form(rows)
    if head.signer:
        document.line(f"签发人：{head.signer}")
    return document.finish()


def order_filename(order: SupervisionOrder) -> str:
    return f"督办单{order.number}.docx"
