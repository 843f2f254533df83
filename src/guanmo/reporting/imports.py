"""What an import leaves behind besides its figures: the record of the file and its report,
and the column names a city's users have given (remembered for the city's next import)."""

from collections.abc import Mapping

from django.db import transaction

from guanmo.accounts.models import User
from guanmo.ledger.columns import FIELD_BY_LABEL, Field
from guanmo.regions.models import Region
from guanmo.reporting.models import ColumnMapping, ImportRecord
from guanmo.sheets.faults import ImportReport
from guanmo.sheets.header import column_key


def record_import(
    report: ImportReport,
    *,
    city: Region,
    kind: str,
    user: User | None,
    county: Region | None = None,
) -> ImportRecord:
    """Keep the file's name and its report (JSON and the printed text) with the history; the
    report learns the record's id."""
    record = ImportRecord.objects.create(
        city=city,
        county=county,
        kind=kind,
        file_name=report.file[:255] or "（未命名）",
        report=report.as_dict(),
        text="\n".join(report.lines()),
        user=user,
    )
    report.record_id = record.pk
    return record


def remembered_mapping(city: Region) -> dict[str, Field | None]:
    """The city's named columns: header key → field (None: ignored)."""
    return {
        mapping.header: FIELD_BY_LABEL.get(mapping.field)
        for mapping in ColumnMapping.objects.filter(city=city)
        if not mapping.field or mapping.field in FIELD_BY_LABEL
    }


def remember_mapping(
    city: Region, mapping: Mapping[str, Field | None], *, user: User | None
) -> None:
    """Keep what the user named for the city's next import (a later naming replaces one)."""
    with transaction.atomic():
        for header, named in mapping.items():
            ColumnMapping.objects.update_or_create(
                city=city,
                header=column_key(header)[:200],
                defaults={"field": named.value if named else "", "user": user},
            )
