"""Whether a commissioner wrote his project's month in time: a plain function.

What counts is his note (visible progress and problems, `reporting.views.project_note`) in the
month's county report: the first time he changed it, as the change history records it
(`FigureChange` with source 专员填写, his user, the period's year and month), against the
period's deadline, which is a whole day.
"""

from datetime import date
from enum import StrEnum


class Timeliness(StrEnum):
    ON_TIME = "按时填报"
    LATE = "逾期填报"
    MISSING = "未填报"  # the deadline has passed without a note
    PENDING = "尚未填报"  # no note yet, but the deadline is still to come

    @property
    def badge(self) -> str:
        """The badge colour pages show it in."""
        return {"按时填报": "ok", "尚未填报": "pending"}.get(self.value, "red")


def note_timeliness(deadline: date, first_written: date | None, today: date) -> Timeliness:
    if first_written is not None:
        return Timeliness.ON_TIME if first_written <= deadline else Timeliness.LATE
    return Timeliness.MISSING if today > deadline else Timeliness.PENDING
