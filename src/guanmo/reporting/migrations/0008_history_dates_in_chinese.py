"""History lines stored with a date as ISO (2025-03-01) say it as every page does, 2025年3月1日,
as new lines do (`reporting.history.shown`, `documents.official.chinese_date`; issue 14).

Rewritten, exactly: in a date field's line (its label ends in 日期: 转入台账日期, 开工计划日期,
签约实际日期, 供地日期…) an old or new value that is a valid ISO date and nothing else, and a key
list's removal line (2025年市重点名录: 2025-04-10调出). Every other value is kept as stored. The
histories of projects (FigureChange), leads (LeadChange) and parcels (ParcelChange), the ones
`shown` writes; a result's (assessment ResultChange) keeps its ISO 成文日期, which its page reads
back as a date. Reversible: going back writes the ISO dates again.

Stored lines are rewritten rather than formatted when shown, so that every reader (the pages,
the import record, the admin, a line's text) says the date one way without each formatting it.
"""

import re
from collections.abc import Callable
from datetime import date

from django.db import migrations
from django.db.models import Q

from guanmo.documents.official import chinese_date

ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
CHINESE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
REMOVAL_LINE = re.compile(r"\d{4}年.+名录")  # 2025年市重点名录 (ledger.services.milestones)
REMOVED = "调出"
HISTORIES = (
    ("reporting", "FigureChange"),
    ("attraction", "LeadChange"),
    ("attraction", "ParcelChange"),
)
BATCH = 500


def _day(text: str, pattern: re.Pattern) -> date | None:
    match = pattern.fullmatch(text)
    if match is None:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:  # 2025-02-30: not a date, kept as typed
        return None


def _rewritten(field: str, value: str, pattern: re.Pattern, said: Callable[[date], str]) -> str:
    if field.endswith("日期"):
        day = _day(value, pattern)
        return said(day) if day else value
    if REMOVAL_LINE.fullmatch(field) and value.endswith(REMOVED):
        day = _day(value.removesuffix(REMOVED), pattern)
        return said(day) + REMOVED if day else value
    return value


def _rewrite(apps, pattern: re.Pattern, said: Callable[[date], str]) -> None:
    for app, name in HISTORIES:
        model = apps.get_model(app, name)
        lines = model.objects.filter(Q(field__endswith="日期") | Q(field__endswith="名录"))
        changed = []
        for line in lines.only("field", "old_value", "new_value").iterator(chunk_size=BATCH):
            old = _rewritten(line.field, line.old_value, pattern, said)
            new = _rewritten(line.field, line.new_value, pattern, said)
            if (old, new) != (line.old_value, line.new_value):
                line.old_value, line.new_value = old, new
                changed.append(line)
        model.objects.bulk_update(changed, ["old_value", "new_value"], batch_size=BATCH)


def to_chinese(apps, schema_editor) -> None:
    _rewrite(apps, ISO, chinese_date)


def to_iso(apps, schema_editor) -> None:
    _rewrite(apps, CHINESE, date.isoformat)


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0007_stamped_by_the_clock"),
        ("attraction", "0012_history_stamped_by_the_clock"),
    ]

    operations = [migrations.RunPython(to_chinese, to_iso)]
