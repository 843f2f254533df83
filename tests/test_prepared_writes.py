"""Rows written from statements built beforehand: ids reserved for good, values converted as
Django's own bulk writes convert them, nothing written outside a transaction."""

from decimal import Decimal

import pytest
from django.db import transaction

from guanmo.ledger.models import AnnualPlan, Project
from guanmo.prepared_writes import PreparedWrites, reserve_ids
from guanmo.regions.services import init_city


@pytest.fixture
def city(db):
    return init_city("410800", [])


def test_reserved_ids_are_never_given_to_another_row(city):
    reserved = reserve_ids(Project, 3)
    made = Project.objects.create(city=city, county=city, name="之后新建的项目")
    assert len(set(reserved)) == 3 and reserved == sorted(reserved)
    assert made.pk > max(reserved)
    assert not Project.objects.filter(pk__in=reserved).exists()


def test_rows_pointing_at_new_rows_are_written_with_their_ids(city):
    project = Project(city=city, county=city, name="新项目", total_investment=Decimal("12.50"))
    plan = AnnualPlan(project=project, year=2025, planned_investment=Decimal("3.25"))
    (project.pk,) = reserve_ids(Project, 1)
    (plan.pk,) = reserve_ids(AnnualPlan, 1)
    writes = PreparedWrites()
    writes.insert(Project, [project])
    writes.insert(AnnualPlan, [plan])
    with transaction.atomic():
        writes.run()
    stored = Project.objects.get(pk=project.pk)
    assert stored.total_investment == Decimal("12.50")
    assert stored.annual_plans.get(year=2025).planned_investment == Decimal("3.25")


def test_updates_set_only_the_fields_named(city):
    project = Project.objects.create(city=city, county=city, name="旧名", owner="甲公司")
    project.name, project.owner = "新名", "乙公司"
    writes = PreparedWrites()
    writes.update(Project, [project], ["name"])
    with transaction.atomic():
        writes.run()
    project.refresh_from_db()
    assert (project.name, project.owner) == ("新名", "甲公司")


def test_a_row_without_a_reserved_id_is_refused(city):
    with pytest.raises(ValueError, match="缺少预留的编号"):
        PreparedWrites().insert(Project, [Project(city=city, county=city, name="无编号")])


def test_statements_run_only_inside_a_transaction(transactional_db):
    city = init_city("410800", [])
    project = Project(city=city, county=city, name="事务外")
    (project.pk,) = reserve_ids(Project, 1)
    writes = PreparedWrites()
    writes.insert(Project, [project])
    with pytest.raises(transaction.TransactionManagementError):
        writes.run()
    assert not Project.objects.filter(name="事务外").exists()
