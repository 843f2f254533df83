"""The whole demo, as `guanmo demo` (and `make demo`) builds it: the city's ledger and a year
of progress, then each domain's demo on top, in the order each needs the one before."""

from dataclasses import dataclass

from guanmo.demo.attraction import DemoAttraction, create_demo_attraction
from guanmo.demo.city import DEFAULT_SEED, YEAR, DemoSummary, build_demo_city
from guanmo.demo.documents import DemoDocuments, create_demo_office, issue_demo_documents
from guanmo.demo.firms import DemoFirms, create_demo_firms
from guanmo.demo.indicators import IndicatorSummary, create_demo_indicators
from guanmo.demo.milestones import DemoMilestones, create_demo_milestones
from guanmo.demo.moments import date_recorded_moments
from guanmo.demo.notes import DemoNotes, create_demo_notes
from guanmo.demo.people import DemoLogin, create_demo_people, create_demo_periods
from guanmo.demo.supervision import DemoSupervision, create_demo_supervision
from guanmo.demo.tour import DemoTours, create_demo_tours
from guanmo.demo.visits import DemoVisits, create_demo_visits
from guanmo.documents.models import IssuingOffice

OPEN_MONTH = 12  # the month being reported when the demo's today comes; those before closed


@dataclass(frozen=True)
class Demo:
    """What each part of the demo made, for the command to print and the tests to check."""

    summary: DemoSummary
    milestones: DemoMilestones
    office: IssuingOffice
    logins: list[DemoLogin]
    notes: DemoNotes
    tours: DemoTours
    supervision: DemoSupervision
    visits: DemoVisits
    indicators: IndicatorSummary
    attraction: DemoAttraction
    documents: DemoDocuments
    firms: DemoFirms


def build_demo(seed: int = DEFAULT_SEED) -> Demo:
    """Create (or rebuild, the same for the same seed) the whole demo city."""
    summary = build_demo_city(seed)
    milestones = create_demo_milestones(summary.city, seed)
    office = create_demo_office(summary.city)
    logins = create_demo_people(summary.city)
    create_demo_periods(summary.city, YEAR, OPEN_MONTH)
    notes = create_demo_notes(summary.city, seed)
    tours = create_demo_tours(summary.city, seed)
    supervision = create_demo_supervision(summary.city, seed)
    visits = create_demo_visits(summary.city, seed)
    indicators = create_demo_indicators(summary.city, seed)
    attraction = create_demo_attraction(summary.city, seed)
    documents = issue_demo_documents(summary.city, seed)
    firms = create_demo_firms(summary.city, seed)
    date_recorded_moments(summary.city)
    return Demo(
        summary,
        milestones,
        office,
        logins,
        notes,
        tours,
        supervision,
        visits,
        indicators,
        attraction,
        documents,
        firms,
    )
