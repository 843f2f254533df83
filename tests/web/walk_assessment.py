"""An assessment result for the permission walk: its page for those who see the city's
ranking (the city office, the leader) and the county offices it ranks; no one else. Objecting
is the units' (the county offices'), deciding the city office's; uploading a cycle's sheets and
their preview the city office's alone (sheets not held send it back to the upload: 302)."""

from decimal import Decimal

from django.urls import reverse

from guanmo.assessment.definition import Definition, IndicatorRow, Inputs
from guanmo.assessment.models import Objection
from guanmo.assessment.services import issue_result, save_scheme
from tests.web.walk_disclosure import CITY_OFFICE_ONLY
from tests.web.walk_imports import UNKNOWN_TOKEN
from tests.web.walks import Walk

ROLES = ("admin", "city", "wuzhi", "wenxian", "leader", "commissioner", "department")
READERS = {**dict.fromkeys(ROLES, 200), "commissioner": 404, "department": 404}
OBJECTING = {"admin": 403, "city": 403, "leader": 403, "commissioner": 404, "department": 404}
UPLOADING = {role: status for role, status in CITY_OFFICE_ONLY.items() if status == 403}
PREVIEW = f"{reverse('assessment_preview')}?scheme={UNKNOWN_TOKEN}&values={UNKNOWN_TOKEN}"
DECIDING = {"wuzhi": 403, "wenxian": 403, "leader": 403, "commissioner": 404, "department": 404}


def walk(world) -> Walk:
    definition = Definition((IndicatorRow("项目建设", None, "投资完成率", Decimal(1)),))
    inputs = Inputs({"武陟县": {"投资完成率": Decimal(80)}, "温县": {"投资完成率": Decimal(90)}})
    scheme = save_scheme(world.city, "2025年度", "综合考核", definition, list(inputs.values))
    result = issue_result(scheme, inputs, runs=10)
    objection = Objection.objects.create(
        result=result, unit="温县", indicator="投资完成率", value=Decimal(95), reason="数据有误"
    )
    return Walk(
        pages={
            "assessment_results": (reverse("assessment_results"), READERS),
            "assessment_result": (reverse("assessment_result", args=[result.pk]), READERS),
            "assessment_upload": (reverse("assessment_upload"), CITY_OFFICE_ONLY),
            "assessment_preview": (PREVIEW, {**CITY_OFFICE_ONLY, "admin": 302, "city": 302}),
        },
        actions={
            "assessment_object": (reverse("assessment_object", args=[result.pk]), OBJECTING),
            "assessment_decide": (reverse("assessment_decide", args=[objection.pk]), DECIDING),
            "assessment_upload": (reverse("assessment_upload"), UPLOADING),
            "assessment_preview": (PREVIEW, UPLOADING),
        },
    )
