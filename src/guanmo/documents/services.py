"""Issuing documents: the 成文日期 checked, the next 发文字号 taken under a lock, the .docx
built once and kept with its SHA-256.

A refusal is a `DocumentError` whose message says why, in Chinese.
"""

from collections.abc import Callable
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Max

from guanmo.accounts.models import User
from guanmo.documents.models import IssuedDocument, IssuingOffice, Kind
from guanmo.documents.official import Letterhead, chinese_date
from guanmo.documents.pdf import docx_to_pdf
from guanmo.locking import locked
from guanmo.regions.models import Region
from guanmo.regions.services import level_character, units_of

# A document may be dated a few days ahead (prepared for a meeting), not further.
DAYS_AHEAD = 7
# The main series (通报) is 焦作项目办〔2025〕12号; supervision orders have their own,
# 焦作项目办督〔2025〕3号.
SERIES = {
    Kind.PROGRESS_BULLETIN: "",
    Kind.TOUR_BULLETIN: "",
    Kind.SUPERVISION_ORDER: "督",
    Kind.TOUR_SCHEDULE: "",
    Kind.ASSESSMENT_BULLETIN: "",
    Kind.INDICATOR_BULLETIN: "",
}


class DocumentError(Exception):
    """A document that may not be issued so; the message says why, in Chinese."""


def office_for(city: Region) -> IssuingOffice:
    """The city's issuing office; where the city has set none, names made from its own, its
    主送机关 from its own units (`usual_addressee`)."""
    try:
        return city.issuing_office
    except IssuingOffice.DoesNotExist:
        return IssuingOffice(
            city=city,
            full_name=f"{city.name}重点项目建设办公室",
            short_name=f"{city.name}项目办",
            number_prefix=f"{city.short_name}项目办",
            addressee=usual_addressee(city),
        )


def usual_addressee(top: Region) -> str:
    """The 主送机关 of the top's documents from its own units: 各县（市、区）人民政府，
    市城乡一体化示范区管委会，市直有关单位 — its zones named as they are, none it has not
    (tryout 21: the model's default named a 高新区 a city without one was sent to); a county's
    各乡镇人民政府、街道办事处 and 县直有关单位."""
    own = level_character(top)
    governments = (
        "各乡镇人民政府、街道办事处" if top.kind == Region.Kind.COUNTY else "各县（市、区）人民政府"
    )
    # a zone named with its top already (修武县产业集聚区) is not said with its level again:
    # 县修武县产业集聚区管委会 (tryout 29 item 6)
    zones = [unit.name for unit in units_of(top) if unit.kind == Region.Kind.ZONE]
    named = [zone for zone in zones if zone.startswith((top.name, top.short_name))]
    plain = [zone for zone in zones if zone not in named]
    parts = [f"{own}{'、'.join(plain)}"] if plain else []
    committees = [f"{'、'.join([*parts, *named])}管委会"] if zones else []
    return "，".join([governments, *committees, f"{own}直有关单位"])


def letterhead(
    office: IssuingOffice,
    *,
    number: str | None,
    dated: date | None,
    addressee: str | None = None,
) -> Letterhead:
    """The office's names on a document; `addressee` None is the office's usual 主送机关."""
    return Letterhead(
        issuer=office.full_name,
        mark=office.mark,
        number=number,
        dated=dated,
        addressee=office.addressee if addressee is None else addressee,
        copy_to=office.copy_to,
        printer=office.full_name,
        signer=office.signer,
    )


def check_date(
    dated: date, *, today: date, earliest: date | None = None, latest: date | None = None
) -> date:
    """A 成文日期 not more than DAYS_AHEAD days after today nor after `latest`, nor before
    `earliest`."""
    latest = min(today + timedelta(days=DAYS_AHEAD), latest or date.max)
    if dated > latest:
        raise DocumentError(f"成文日期不得晚于{chinese_date(latest)}")
    if earliest is not None and dated < earliest:
        raise DocumentError(f"成文日期不得早于{chinese_date(earliest)}")
    return dated


def number_of(office: IssuingOffice, kind: str, year: int, sequence: int) -> str:
    return f"{office.number_prefix}{SERIES[kind]}〔{year}〕{sequence}号"


def next_sequence(city: Region, kind: str, year: int) -> int:
    """The next number of the kind's series in the year. Call inside a transaction that holds
    the city's row (`select_for_update`), so two at once are numbered one after the other."""
    same_series = [other for other, series in SERIES.items() if series == SERIES[kind]]
    taken = IssuedDocument.objects.filter(city=city, year=year, kind__in=same_series)
    return (taken.aggregate(last=Max("sequence"))["last"] or 0) + 1


@transaction.atomic
def issue(
    city: Region,
    *,
    kind: str,
    subject: str,
    title: str,
    dated: date,
    user: User | None,
    build: Callable[[Letterhead], bytes],
    county: Region | None = None,
    sequence: int | None = None,
    addressee: str | None = None,
    build_workbook: Callable[[Letterhead], bytes] | None = None,
) -> IssuedDocument:
    """Number, build and keep a document. `build` turns the letterhead into .docx bytes;
    `build_workbook`, when given, makes the .xlsx issued with it from the same letterhead (a
    bulletin's tables, its number and date in its title lines), built
    under the same lock from the same data and kept beside the .docx; `sequence` is given by a
    caller that keeps its own numbering (supervision orders), else the next of the series is
    taken. Raises DocumentError when the subject is issued already."""
    # The city's row is held while the number is taken: two issued at the same instant are
    # numbered one after the other instead of clashing on the unique number.
    city = locked(city)
    if IssuedDocument.objects.filter(city=city, kind=kind, subject=subject).exists():
        raise DocumentError(f"{title}已印发，不能重复印发")
    office = office_for(city)
    sequence = sequence or next_sequence(city, kind, dated.year)
    number = number_of(office, kind, dated.year, sequence)
    head = letterhead(office, number=number, dated=dated, addressee=addressee)
    document = IssuedDocument(
        city=city,
        county=county,
        kind=kind,
        subject=subject,
        title=title,
        number=number,
        year=dated.year,
        sequence=sequence,
        dated=dated,
        issued_by=user,
    )
    document.store(build(head))
    if build_workbook is not None:
        document.workbook = build_workbook(head)
    document.save()
    return document


def issued(city: Region, kind: str, subject: str) -> IssuedDocument | None:
    return IssuedDocument.objects.filter(city=city, kind=kind, subject=subject).first()


def pdf_of(document: IssuedDocument) -> bytes:
    """The issued document as PDF, converted once and kept beside the .docx. Runs LibreOffice:
    not inside a transaction."""
    if document.pdf:
        return bytes(document.pdf)
    pdf = docx_to_pdf(bytes(document.content))
    IssuedDocument.objects.filter(pk=document.pk).update(pdf=pdf)
    return pdf
