"""Permission walk cases for sheet imports: the city office's ledger upload and its preview,
a county's upload preview, and a kept import report."""

from django.urls import reverse

from guanmo.reporting.models import ImportRecord
from tests.web.walk_disclosure import CITY_OFFICE_ONLY
from tests.web.walks import Walk

UNKNOWN_TOKEN = "0" * 32  # no file held: the owner is sent back to upload again (302)


def walk(world) -> Walk:
    record = ImportRecord.objects.create(
        city=world.city, county=world.wuzhi, kind=ImportRecord.Kind.PROGRESS, file_name="武陟.xlsx"
    )
    ledger_record = ImportRecord.objects.create(
        city=world.city, kind=ImportRecord.Kind.LEDGER, file_name="台账.xlsx"
    )
    city_only = CITY_OFFICE_ONLY
    return Walk(
        pages={
            "ledger_import": (reverse("ledger_import"), city_only),
            "ledger_import_preview": (
                reverse("ledger_import_preview", args=[UNKNOWN_TOKEN]),
                {**city_only, "admin": 302, "city": 302},
            ),
            "import_record": (
                reverse("import_record", args=[record.pk]),
                {**dict.fromkeys(city_only, 404), "admin": 200, "city": 200, "wuzhi": 200},
            ),
            "import_record_of_the_ledger": (
                reverse("import_record", args=[ledger_record.pk]),
                {**dict.fromkeys(city_only, 404), "admin": 200, "city": 200},
            ),
        },
        actions={
            "ledger_import": (
                reverse("ledger_import"),
                {role: status for role, status in city_only.items() if status == 403},
            ),
        },
    )
