"""The demo city's users: one per role, one county office and one site commissioner per county
or zone, and the reporting periods of the demo year (January–November approved and closed,
December open with the counties' drafts), so that every page has something to show. Each
report submitted carries its review as the real flow records it (`reporting.review`): the
county office's 提交 (most before the deadline, some a day late) and the city office's 审核通过,
so that timeliness (月报:按时报送次数) reads from it."""

import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from guanmo.accounts.models import Role, User
from guanmo.ledger.models import MonthlyProgress, Project
from guanmo.regions.models import Region
from guanmo.regions.services import units_of
from guanmo.reporting.models import CountyReport, Period, ReportEntry, ReviewStep, Status

COMMISSIONED_PER_UNIT = 6
LATE_EVERY = 7  # one report in seven comes in a day after the deadline
FIGURES = ("completed_this_month", "cumulative_completed", "visible_progress", "problems")


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str
    scope: str


def _user(username: str, password: str, **fields) -> User:
    user, _ = User.objects.update_or_create(username=username, defaults=fields)
    user.set_password(password)
    user.save()
    return user


def demo_login(
    username: str, role: str, region: Region | None, scope: str = "", **fields
) -> tuple[User, DemoLogin]:
    """(Re)create one demo user with a fresh password: the user, and the login to print."""
    password = secrets.token_urlsafe(9)
    user = _user(username, password, role=role, region=region, **fields)
    return user, DemoLogin(username, password, Role(role).label, scope or region.name)


@transaction.atomic
def create_demo_people(city: Region) -> list[DemoLogin]:
    """(Re)create the demo users with fresh passwords; returns their logins."""
    logins = []

    def login(username: str, role: str, region: Region | None, scope: str = "", **fields) -> User:
        user, printed = demo_login(username, role, region, scope, **fields)
        logins.append(printed)
        return user

    login(
        "admin", Role.ADMIN, None, "全部", full_name="系统管理员", is_staff=True, is_superuser=True
    )
    login("shixmb", Role.CITY_OFFICE, city, full_name="市项目办", unit=f"{city.name}重点项目办公室")
    projects = Project.objects.filter(city=city)
    busiest = (
        projects.exclude(leader_in_charge="")
        .values_list("leader_in_charge", flat=True)
        .order_by("leader_in_charge")
        .first()
    )
    led = projects.filter(leader_in_charge=busiest)
    leader = login(
        "fbld", Role.LEADER, city, f"包抓的{led.count()}个项目", full_name=busiest or "分包领导"
    )
    led.update(leader=leader)
    for number, unit in enumerate(units_of(city), start=1):
        login(f"xmb{number:02d}", Role.COUNTY_OFFICE, unit, full_name=f"{unit.name}项目办")
        stationed = list(projects.filter(county=unit).order_by("id")[:COMMISSIONED_PER_UNIT])
        name = stationed[0].site_commissioner if stationed else f"{unit.name}专员"
        commissioner = login(
            f"zy{number:02d}",
            Role.COMMISSIONER,
            city,
            f"{unit.name}{len(stationed)}个项目",
            full_name=name,
        )
        Project.objects.filter(pk__in=[p.pk for p in stationed]).update(
            commissioner=commissioner, site_commissioner=name
        )
    return logins


@transaction.atomic
def create_demo_periods(city: Region, year: int, open_month: int = 12) -> None:
    """Periods of the demo year: the months before `open_month` approved and closed; that month
    open, its figures moved back into the counties' drafts (half of them submitted)."""
    Period.objects.filter(city=city).delete()
    office = User.objects.filter(role=Role.CITY_OFFICE, region=city).first()
    county_of = dict(Project.objects.filter(city=city).values_list("pk", "county_id"))
    # By the projects' ids, not a join on their city: PostgreSQL plans a join-subquery DELETE
    # on freshly written, unanalysed tables as nested loops that run for minutes.
    progress = MonthlyProgress.objects.filter(project_id__in=list(county_of), year=year)
    for month in range(1, open_month + 1):
        is_open = month == open_month
        period = Period.objects.create(
            city=city,
            year=year,
            month=month,
            deadline=date(year + month // 12, month % 12 + 1, 5),
            opened_by=office,
        )
        if not is_open:  # closed three days after the reporting deadline, at the day's end
            closed = datetime.combine(period.deadline + timedelta(days=3), time(17))
            closed_at = timezone.make_aware(closed)
            Period.objects.filter(pk=period.pk).update(closed_at=closed_at)
        reports = {}
        for number, unit in enumerate(units_of(city)):
            status = (
                Status.APPROVED
                if not is_open
                else (Status.SUBMITTED if number % 2 else Status.DRAFT)
            )
            reports[unit.pk] = CountyReport.objects.create(
                period=period, county=unit, status=status
            )
        rows = list(progress.filter(month=month))
        ReportEntry.objects.bulk_create(
            [
                ReportEntry(
                    report=reports[county_of[row.project_id]],
                    project_id=row.project_id,
                    **{name: getattr(row, name) for name in FIGURES},
                )
                for row in rows
            ],
            batch_size=1000,
        )
        if is_open:  # December's figures are not approved yet
            progress.filter(month=month).delete()
        _record_reviews(period, list(reports.values()), office, is_open)


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _record_reviews(
    period: Period, reports: list[CountyReport], office: User | None, is_open: bool
) -> None:
    """Each submitted report's 提交 by its county office, as `reporting.review.submit` records
    it (the step and `submitted_at`), and each approved one's 审核通过 by the city office: a
    closed month's reports submitted one to three days before the deadline, every
    `LATE_EVERY`th a day late, approved the day after; the open month's on its 8th–12th."""
    counties = {report.county_id for report in reports}
    offices = {
        user.region_id: user
        for user in User.objects.filter(role=Role.COUNTY_OFFICE, region_id__in=counties)
    }
    steps, submitted = [], []
    for number, report in enumerate(reports):
        if report.status == Status.DRAFT:
            continue
        if is_open:
            day = date(period.year, period.month, 8 + number % 5)
        elif (number + period.month) % LATE_EVERY == 0:
            day = period.deadline + timedelta(days=1)
        else:
            day = period.deadline - timedelta(days=1 + number % 3)
        report.submitted_at = _at(day, 16)
        submitted.append(report)
        steps.append((report, ReviewStep.Action.SUBMIT, offices.get(report.county_id), day, 16))
        if report.status == Status.APPROVED:
            approved = max(day, period.deadline) + timedelta(days=1)
            steps.append((report, ReviewStep.Action.APPROVE, office, approved, 15))
    CountyReport.objects.bulk_update(submitted, ["submitted_at"], batch_size=500)
    made = ReviewStep.objects.bulk_create(
        [
            ReviewStep(report=report, action=action, user=user)
            for report, action, user, _, _ in steps
        ],
        batch_size=500,
    )
    for step, (_, _, _, day, hour) in zip(made, steps, strict=True):
        step.at = _at(day, hour)  # saving stamped the build's own moment
    ReviewStep.objects.bulk_update(made, ["at"], batch_size=500)
