from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import F, Sum

from guanmo.accounts.models import User
from guanmo.demo.city import build_demo_city
from guanmo.ledger.models import AnnualPlan, MonthlyProgress, Project

pytestmark = pytest.mark.django_db


def _fingerprint() -> list[tuple]:
    return list(
        Project.objects.order_by("county__code", "name", "total_investment").values_list(
            "county__code", "name", "total_investment", "stage"
        )
    )


def test_same_seed_gives_the_same_city_and_rebuilding_does_not_duplicate():
    build_demo_city(seed=7)
    first = _fingerprint()
    build_demo_city(seed=7)

    assert _fingerprint() == first
    assert Project.objects.count() == len(first)


def test_about_five_hundred_projects_spread_over_every_county_and_zone():
    summary = build_demo_city()

    assert 450 <= summary.projects <= 550
    assert summary.units == 12
    for unit in summary.city.children.all():
        assert unit.projects.count() > 20, unit.name


def test_plans_stay_within_total_investment_and_cumulative_never_falls():
    build_demo_city()

    assert not AnnualPlan.objects.filter(planned_investment__gt=F("project__total_investment"))
    previous: dict[int, Decimal] = {}
    for row in MonthlyProgress.objects.order_by("project_id", "month"):
        assert row.cumulative_completed >= previous.get(row.project_id, Decimal(0))
        assert row.cumulative_completed <= row.project.total_investment
        previous[row.project_id] = row.cumulative_completed


def test_construction_is_slow_in_winter_and_strong_in_summer():
    build_demo_city()

    def invested(months: list[int]) -> Decimal:
        rows = MonthlyProgress.objects.filter(month__in=months)
        return rows.aggregate(total=Sum("completed_this_month"))["total"]

    assert invested([5, 6]) > 2 * invested([1, 2])
    assert invested([12]) > invested([1])


def test_demo_command_prints_how_to_log_in():
    from io import StringIO

    out = StringIO()
    call_command("demo", stdout=out)

    printed = out.getvalue()
    assert "http://127.0.0.1:8000/" in printed
    office = User.objects.get(username="xmb01")
    password = next(line.split()[1] for line in printed.splitlines() if line.startswith("xmb01"))
    assert office.check_password(password)
    assert (office.role, office.region.name) == ("county_office", "解放区")
    assert "12月填报中" in printed
    assert any(line.startswith("admin ") for line in printed.splitlines())
    assert "1—11月，" in printed


def test_demo_ledger_survives_export_and_import(tmp_path):
    from guanmo.ledger.services import export_ledger, import_ledger

    summary = build_demo_city()
    path = tmp_path / "台账.xlsx"
    export_ledger(path, city=summary.city, year=2025)

    report = import_ledger(path, city=summary.city, year=2025, dry_run=True)

    assert report.ok, [str(fault) for fault in report.faults[:5]]
    assert report.created == 0
