"""The demo city's commissioners' notes: most of their projects' months written in time, a few
late, a few not at all; December's still being written. Recorded in the change history as the
commissioner's own save records them, so 专员月度 counts them like real ones."""

from collections import Counter

import pytest
from django.urls import reverse

from guanmo.accounts.models import User
from guanmo.accounts.scope import scope_of
from guanmo.commissioners.selectors import commissioner_months
from guanmo.commissioners.timeliness import Timeliness
from guanmo.demo.city import TODAY, YEAR
from guanmo.reporting.history import Source
from guanmo.reporting.models import FigureChange, ReportEntry

pytestmark = pytest.mark.django_db


def city_office() -> User:
    return User.objects.get(username="shixmb")


def test_most_closed_months_are_written_in_time_a_few_late_a_few_not_at_all(demo):
    scope = scope_of(city_office())
    seen = Counter(
        each.note
        for month in range(1, 12)
        for person in commissioner_months(scope, YEAR, month, today=TODAY)
        for each in person.projects
    )
    lines = sum(seen.values())
    assert 0.75 < seen[Timeliness.ON_TIME] / lines < 0.9
    assert seen[Timeliness.LATE] == demo.notes.late > 0
    assert seen[Timeliness.MISSING] == demo.notes.missing > 0
    assert seen[Timeliness.PENDING] == 0


def test_december_is_partly_written_and_none_of_it_late_yet(demo):
    months = commissioner_months(scope_of(city_office()), YEAR, 12, today=TODAY)
    seen = Counter(each.note for person in months for each in person.projects)
    assert set(seen) == {Timeliness.ON_TIME, Timeliness.PENDING}


def test_a_note_records_the_line_s_texts_as_the_commissioner_s_save_does(demo):
    note = FigureChange.objects.filter(source=Source.COMMISSIONER, field="形象进度").first()
    entry = ReportEntry.objects.get(
        project=note.project, report__period__year=note.year, report__period__month=note.month
    )
    assert (note.old_value, note.new_value) == ("", entry.visible_progress)
    assert note.user == note.project.commissioner


def test_a_commissioner_s_month_shows_a_realistic_on_time_count(client, demo):
    client.force_login(city_office())
    commissioner = User.objects.get(username="zy07")
    url = reverse("commissioner_month", args=[YEAR, 10, commissioner.pk])
    page = client.get(url).content.decode()
    [month] = commissioner_months(
        scope_of(city_office()), YEAR, 10, today=TODAY, commissioner=commissioner.pk
    )
    assert 4 <= month.notes_on_time < month.notes_due == 6  # not every one, but most
    assert (
        f"{month.notes_due}个项目应填报形象进度和存在问题，按时填报{month.notes_on_time}个" in page
    )
