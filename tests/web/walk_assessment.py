"""An assessment result for the permission walk: its page for those who see the city's
ranking (the city office, the leader) and the county offices it ranks; no one else. Objecting
is the units' (the county offices'), deciding the city office's; uploading a cycle's sheets or
the firm register and their previews the city office's alone (sheets not held send it back to
the upload: 302), and the city's 差别化政策 page too. The
firm register's pages: every firm for those who see the city, a county office's own county's."""

from decimal import Decimal

from django.core.files.base import ContentFile
from django.urls import reverse

from guanmo.assessment.definition import Definition, IndicatorRow, Inputs
from guanmo.assessment.firms import credit_code_check
from guanmo.assessment.models import Firm, FirmYear, Objection
from guanmo.assessment.services import issue_result, save_scheme
from tests.web.walk_disclosure import CITY_OFFICE_ONLY
from tests.web.walk_imports import UNKNOWN_TOKEN
from tests.web.walks import Walk

ROLES = ("admin", "city", "wuzhi", "wenxian", "leader", "commissioner", "department")
READERS = {**dict.fromkeys(ROLES, 200), "commissioner": 404, "department": 404}
OBJECTING = {"admin": 403, "city": 403, "leader": 403, "commissioner": 404, "department": 404}
WUZHI_FIRM = {**READERS, "wenxian": 404}
UPLOADING = {role: status for role, status in CITY_OFFICE_ONLY.items() if status == 403}
PREVIEW = f"{reverse('assessment_preview')}?scheme={UNKNOWN_TOKEN}&values={UNKNOWN_TOKEN}"
FIRM_PREVIEW = f"{reverse('assessment_firm_preview')}?token={UNKNOWN_TOKEN}&year=2025"
DECIDING = {"wuzhi": 403, "wenxian": 403, "leader": 403, "commissioner": 404, "department": 404}


def _firms(world) -> tuple[Firm, Firm]:
    """A firm in each county, with a 2025 year: each county office sees its own only."""
    firms = []
    for county, name, serial in (
        (world.wuzhi, "武陟钢构有限公司", 1),
        (world.wenxian, "温县食品有限公司", 2),
    ):
        first17 = f"91410800MA{serial:07d}"
        firm = Firm.objects.create(
            city=world.city,
            name=name,
            credit_code=first17 + credit_code_check(first17),
            county=county,
        )
        FirmYear.objects.create(
            firm=firm, year=2025, land_area=10, tax=100, sales=1000, value_added=200, energy=50,
            emissions=1, rd_spending=5, employees=20,
        )  # fmt: skip
        firms.append(firm)
    return firms[0], firms[1]


def walk(world) -> Walk:
    wuzhi_firm, wenxian_firm = _firms(world)
    definition = Definition((IndicatorRow("项目建设", None, "投资完成率", Decimal(1)),))
    inputs = Inputs({"武陟县": {"投资完成率": Decimal(80)}, "温县": {"投资完成率": Decimal(90)}})
    scheme = save_scheme(world.city, "2025年度", "综合考核", definition, list(inputs.values))
    result = issue_result(scheme, inputs, runs=10)
    objection = Objection.objects.create(
        result=result, unit="温县", indicator="投资完成率", value=Decimal(95), reason="数据有误"
    )
    objection.attachment.save("统计局函.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    return Walk(
        pages={
            "assessment_results": (reverse("assessment_results"), READERS),
            "assessment_result": (reverse("assessment_result", args=[result.pk]), READERS),
            "assessment_upload": (reverse("assessment_upload"), CITY_OFFICE_ONLY),
            # 温县's objection's attachment: the office deciding it, the leader and 温县 only
            "assessment_objection_attachment": (
                reverse("assessment_objection_attachment", args=[objection.pk]),
                {**READERS, "wuzhi": 404},
            ),
            "assessment_firms": (reverse("assessment_firms"), READERS),
            "assessment_firm": (reverse("assessment_firm", args=[wuzhi_firm.pk]), WUZHI_FIRM),
            "assessment_firm_of_wenxian": (
                reverse("assessment_firm", args=[wenxian_firm.pk]),
                {**WUZHI_FIRM, "wuzhi": 404, "wenxian": 200},
            ),
            "assessment_preview": (PREVIEW, {**CITY_OFFICE_ONLY, "admin": 302, "city": 302}),
            "assessment_firm_upload": (reverse("assessment_firm_upload"), CITY_OFFICE_ONLY),
            # the city's 差别化政策, kept by the city office as its other settings
            "assessment_class_policies": (
                reverse("assessment_class_policies"),
                CITY_OFFICE_ONLY,
            ),
            "assessment_firm_preview": (
                FIRM_PREVIEW,
                {**CITY_OFFICE_ONLY, "admin": 302, "city": 302},
            ),
        },
        actions={
            "assessment_object": (reverse("assessment_object", args=[result.pk]), OBJECTING),
            "assessment_decide": (reverse("assessment_decide", args=[objection.pk]), DECIDING),
            # 定稿 and 印发 are the city office's: county offices cannot (tryout 15)
            "assessment_finalise": (reverse("assessment_finalise", args=[result.pk]), DECIDING),
            "assessment_issue": (reverse("assessment_issue", args=[result.pk]), DECIDING),
            "assessment_upload": (reverse("assessment_upload"), UPLOADING),
            "assessment_firm_object": (
                reverse("assessment_firm_object", args=[wuzhi_firm.pk, 2025]),
                {**OBJECTING, "wenxian": 404},
            ),
            "assessment_preview": (PREVIEW, UPLOADING),
            "assessment_firm_upload": (reverse("assessment_firm_upload"), UPLOADING),
            "assessment_firm_preview": (FIRM_PREVIEW, UPLOADING),
            "assessment_class_policies": (reverse("assessment_class_policies"), UPLOADING),
        },
    )
