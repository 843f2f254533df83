"""Issuing: the 发文字号 of the city's series under a lock, the 成文日期 within bounds, each
document issued once and kept with its SHA-256; conversion never inside a transaction."""

import hashlib
import threading
from datetime import date

import pytest
from django.db import connection, transaction

from guanmo.documents.models import IssuedDocument, IssuingOffice, Kind
from guanmo.documents.pdf import docx_to_pdf
from guanmo.documents.services import DocumentError, check_date, issue, office_for
from tests.world import build_world

TODAY = date(2025, 12, 15)


def _issue(city, subject: str, dated: date = date(2025, 12, 8), kind=Kind.PROGRESS_BULLETIN):
    return issue(
        city,
        kind=kind,
        subject=subject,
        title=f"通报{subject}",
        dated=dated,
        user=None,
        build=lambda head: f"{head.number} {head.dated}".encode(),
    )


def test_numbers_run_per_city_and_year_without_zeros_or_di(world):
    IssuingOffice.objects.create(
        city=world.city,
        full_name="焦作市重点项目建设办公室",
        short_name="焦作市项目办",
        number_prefix="焦作项目办",
    )
    numbers = [_issue(world.city, f"2025-{m:02d}").number for m in (9, 10)]
    numbers.append(_issue(world.city, "2026-01", dated=date(2026, 1, 6)).number)
    assert numbers == ["焦作项目办〔2025〕1号", "焦作项目办〔2025〕2号", "焦作项目办〔2026〕1号"]


def test_the_document_is_kept_with_its_hash_and_issued_once(world):
    document = _issue(world.city, "2025-11")
    assert bytes(document.content) == "焦作项目办〔2025〕1号 2025-12-08".encode()
    assert document.sha256 == hashlib.sha256(bytes(document.content)).hexdigest()
    with pytest.raises(DocumentError, match="已印发，不能重复印发"):
        _issue(world.city, "2025-11")
    assert IssuedDocument.objects.count() == 1


def test_a_city_without_settings_gets_names_made_from_its_own(world):
    office = office_for(world.city)
    assert (office.full_name, office.number_prefix) == ("焦作市重点项目建设办公室", "焦作项目办")


def test_the_date_may_not_run_ahead_or_before_what_it_reports():
    assert check_date(date(2025, 12, 22), today=TODAY) == date(2025, 12, 22)
    with pytest.raises(DocumentError, match="成文日期不得晚于2025年12月22日"):
        check_date(date(2025, 12, 23), today=TODAY)
    with pytest.raises(DocumentError, match="成文日期不得早于2025年12月1日"):
        check_date(date(2025, 11, 30), today=TODAY, earliest=date(2025, 12, 1))


def test_conversion_is_refused_inside_a_transaction(world):
    with transaction.atomic(), pytest.raises(RuntimeError, match="不得在数据库事务中"):
        docx_to_pdf(b"")


@pytest.mark.django_db(transaction=True)
def test_two_issued_at_once_get_consecutive_numbers():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes one writer at a time; the row lock is PostgreSQL's")
    city = build_world().city
    start = threading.Barrier(2)
    failures = []

    def issue_one(subject: str) -> None:
        try:
            start.wait()
            _issue(city, subject)
        except Exception as failure:
            failures.append(failure)
        finally:
            connection.close()

    threads = [threading.Thread(target=issue_one, args=(s,)) for s in ("2025-10", "2025-11")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    assert sorted(IssuedDocument.objects.values_list("sequence", flat=True)) == [1, 2]


def test_the_usual_addressee_names_the_citys_own_zones_only(db):
    # tryout 21 (15): the default 主送机关 named a 高新区 the city does not have.
    from guanmo.regions.services import init_city

    city = init_city("410800", zones=["城乡一体化示范区"])
    assert office_for(city).addressee == (
        "各县（市、区）人民政府，市城乡一体化示范区管委会，市直有关单位"
    )
    bare = init_city("410700")
    assert office_for(bare).addressee == "各县（市、区）人民政府，市直有关单位"
