"""What an import leaves behind besides its figures: the record of the file and its report,
and the column names a city's users have given (remembered for the city's next import); and
the writing of checked rows all or nothing, each change linked to the record."""

from collections.abc import Callable, Iterable, Mapping
from enum import StrEnum
from typing import TypeVar

from django.db import transaction
from django.utils import timezone

from guanmo import clock
from guanmo.accounts.models import User
from guanmo.documents.official import chinese_date
from guanmo.ledger.columns import FIELD_BY_LABEL
from guanmo.regions.models import Region
from guanmo.reporting.models import ColumnMapping, ImportRecord
from guanmo.sheets.faults import FORGOTTEN, ImportReport
from guanmo.sheets.header import FORGET, column_key
from guanmo.sheets.remembered import Remembered

# A naming as an import reads it: a ledger `Field`, an indicator sheet's (indicator, measure).
N = TypeVar("N")


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


def _ledger_field(named: StrEnum | None) -> str:
    """How the store keeps a ledger column's naming: the field's label, "" to ignore it."""
    return named.value if named else ""


def columns_named(
    city: Region,
    typed: Mapping[str, N | str | None],
    fields: Mapping[str, N] = FIELD_BY_LABEL,
    ignored: str = "",
    *,
    unit: Region | None = None,
) -> tuple[dict[str, N | None], dict[str, str], dict[str, Remembered]]:
    """The columns named for an import of `city` by the office of `unit` (a county's upload;
    None: the city office's import): that office's remembered mappings, then those `typed`
    now (header key → field, None to ignore; FORGET drops a remembered one). Also, for each
    remembered mapping, how the column map names it: "沿用上次导入的对应（2025年6月30日，王某）"
    while it applies, FORGOTTEN once the user drops it; so a mapping not typed now is never
    shown as if it were (tryout 3). Last, the remembered mappings not typed now, with the
    period and header they were given for (applied only where they fit, Expected.earlier).
    `fields` is what a stored naming may say (the ledger's fields by label; an indicator
    sheet's, `indicators.remembered`) and `ignored` how it says 忽略: a naming of another
    import's store is passed over, so each reads only its own."""
    mapping: dict[str, N | None] = {}
    remembered: dict[str, str] = {}
    earlier: dict[str, Remembered] = {}
    for saved in ColumnMapping.objects.filter(city=city, unit=unit).select_related("user"):
        if saved.field != ignored and saved.field not in fields:
            continue
        mapping[saved.header] = fields.get(saved.field)
        # the day in Chinese, as every date the pages and reports show (tryout 25 [7])
        given = [chinese_date(timezone.localdate(saved.updated_at))]
        if saved.user is not None:
            given.append(saved.user.get_full_name())
        earlier[saved.header] = Remembered(
            "，".join(given), saved.year, saved.month, saved.sheet_header
        )
        remembered[saved.header] = earlier[saved.header].applied
    for key, named in typed.items():
        earlier.pop(key, None)
        if named == FORGET:
            if mapping.pop(key, ...) is not ...:
                remembered[key] = FORGOTTEN
            continue
        mapping[key] = named
        remembered.pop(key, None)
    return mapping, remembered, earlier


def remember_mapping(
    city: Region,
    mapping: Mapping[str, N | str | None],
    report: ImportReport,
    *,
    user: User | None,
    year: int,
    month: int | None = None,
    stored: Callable[[N | None], str] = _ledger_field,
    unit: Region | None = None,
) -> None:
    """Keep what the user named for the next import of the same office (`unit`: the county of
    a county's upload, None for the city office's; `columns_named`), a later naming of that
    office replacing one, never another office's; with
    the import's period (`year`, and `month` for a month's progress) and the header of the
    sheet it was named on (from `report`); a column mapped to FORGET is forgotten. `stored`
    says a naming as the store keeps it (`columns_named`'s `fields` key)."""
    with transaction.atomic():
        for header, named in mapping.items():
            key = column_key(header)
            if named == FORGET:
                ColumnMapping.objects.filter(city=city, unit=unit, header=key[:200]).delete()
                continue
            ColumnMapping.objects.update_or_create(
                city=city,
                unit=unit,
                header=key[:200],
                defaults={
                    "field": stored(named),
                    "user": user,
                    "year": year,
                    "month": month,
                    "sheet_header": report.named_on.get(key, ""),
                    "updated_at": clock.now(),
                },
            )


class Outcome(StrEnum):
    """What writing one row of an import did."""

    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


def outcome_of(created: bool, changes: int) -> Outcome:
    if created:
        return Outcome.CREATED
    return Outcome.UPDATED if changes else Outcome.UNCHANGED


class _DryRun(Exception):
    """Raised inside the transaction so that a dry run leaves nothing written."""


E = TypeVar("E")


def write_all_or_nothing(
    report: ImportReport,
    entries: Iterable[E],
    save: Callable[[E, ImportRecord | None], Outcome],
    *,
    city: Region,
    kind: str,
    user: User | None,
) -> None:
    """Write an import's checked rows in one transaction: its record first (none on a dry
    run), so that `save(entry, record)` can link each change it makes to it, then every entry,
    counted in the report by the `Outcome` `save` returns; the record then keeps the report
    with its counts. A dry run (`report.dry_run`) is rolled back, its counts what it would do."""
    try:
        with transaction.atomic():
            record = None
            if not report.dry_run:
                record = record_import(report, city=city, kind=kind, user=user)
            for entry in entries:
                outcome = save(entry, record)
                report.created += outcome is Outcome.CREATED
                report.updated += outcome is Outcome.UPDATED
                report.unchanged += outcome is Outcome.UNCHANGED
            if record is not None:
                record.report = report.as_dict()
                record.text = "\n".join(report.lines())
                record.save(update_fields=["report", "text"])
            if report.dry_run:
                raise _DryRun
    except _DryRun:
        pass
