"""One rule of a project not started (`ledger.milestones.not_started_by`): on the demo's built
ledger, the missed-start warning (逾期未开工) and the assessment's 按期开工率 find the same
projects not started, month by month, among the projects on the list in the month."""

import pytest

from guanmo.assessment.source_measures import not_started
from guanmo.assessment.source_selectors import ledger_facts
from guanmo.assessment.sources import SourceCycle
from guanmo.demo.city import YEAR
from guanmo.progress.selectors import key_projects
from guanmo.progress.status import Month, project_statuses
from guanmo.progress.warnings import WarningKind
from guanmo.regions.models import Region

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("month", [3, 9])
def test_the_warning_and_the_assessment_find_the_same_projects_not_started(demo, month):
    city = Region.objects.get(name="焦作市")
    # the projects on the list in the month, as the warning list reads them: not one entering
    # it later (ledger.due), which the assessment's facts leave out as well
    listed = key_projects(city, YEAR, month=month).due_to_report(YEAR, month)
    statuses = project_statuses(listed, city, Month(YEAR, month, None))
    warned = {
        status.pk
        for status in statuses
        if any(warning.kind is WarningKind.NOT_STARTED for warning in status.warnings)
    }
    facts = ledger_facts(city, SourceCycle(YEAR, month))
    counted = {start.project for start in facts.starts if not_started(start, facts.cycle)}
    assert warned, "the demo has projects past their planned start"
    assert counted == warned
