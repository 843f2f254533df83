"""Whether a commissioner wrote his project's month by the deadline."""

from datetime import date

from guanmo.commissioners.timeliness import Timeliness, note_timeliness

DEADLINE = date(2025, 5, 5)


def test_a_note_on_the_deadline_day_is_on_time():
    assert note_timeliness(DEADLINE, date(2025, 5, 5), date(2025, 5, 20)) == Timeliness.ON_TIME


def test_a_note_after_the_deadline_is_late():
    assert note_timeliness(DEADLINE, date(2025, 5, 6), date(2025, 5, 20)) == Timeliness.LATE


def test_no_note_is_missing_once_the_deadline_has_passed():
    assert note_timeliness(DEADLINE, None, date(2025, 5, 6)) == Timeliness.MISSING


def test_no_note_before_the_deadline_is_only_pending():
    assert note_timeliness(DEADLINE, None, date(2025, 5, 5)) == Timeliness.PENDING
