"""The load test's world, read and counted through Django (run by bench/load.py, not by hand).

`prepare OUT.json`: on a database where `guanmo demo` has run, give every demo login one known
password, put `--judges` judges on the demo's open tour (the one being scored), reopen its
sites for scoring, and write the plan the load users follow (judges' links and sites, county
reports and their users).
`ledger-sheet OUT.xlsx ROWS`: the ledger sheet imported while the users work, ROWS projects
over the demo city's counties as the shipped GB/T 2260 data names them.
`count PLAN.json ACKS.json`: what was stored against what the server acknowledged: score forms
acknowledged but missing (lost), any (judge, site) stored twice (doubled), every report's
review steps (an approval recorded twice is doubled).
"""

import json
import os
import sys
from pathlib import Path

import django

PASSWORD = "Load-test-2025!"


def prepare(out: Path, judges: int) -> None:
    from django.contrib.auth.hashers import make_password

    from guanmo.accounts.models import Role, User
    from guanmo.ledger.models import Project
    from guanmo.observation.models import Judge, Site, Tour
    from guanmo.reporting.models import CountyReport, Period

    # One password for every login, hashed as the installation hashes real users' (argon2): a
    # PBKDF2 hash would cost its 1,000,000 iterations at each log-in and then be rehashed with
    # argon2 and saved at the first. Signing in is timed apart from the work.
    User.objects.update(password=make_password(PASSWORD))
    tour = Tour.objects.get(status=Tour.Status.SCORING)
    Judge.objects.filter(tour=tour).delete()
    created = Judge.objects.bulk_create(
        Judge(tour=tour, name=f"压测评委{number:03d}", unit="压测") for number in range(judges)
    )
    sites = list(tour.sites.filter(status=Site.Status.APPROVED).values_list("pk", flat=True))
    period = Period.objects.order_by("-year", "-month").first()
    reports = [
        {"report": report.pk, "user": user.username}
        for report in CountyReport.objects.filter(period=period).select_related("county")
        for user in User.objects.filter(role=Role.COUNTY_OFFICE, region=report.county)[:1]
    ]
    plan = {
        "password": PASSWORD,
        "tour": tour.pk,
        "judges": [judge.token for judge in Judge.objects.filter(pk__in=[j.pk for j in created])],
        "sites": sites,
        "criteria": list(tour.criteria.values_list("pk", "maximum")),
        "city_office": "shixmb",
        "last_project": Project.objects.order_by("-pk").values_list("pk", flat=True).first() or 0,
        "reports": reports,
        "browsers": [
            u.username for u in User.objects.filter(role__in=[Role.CITY_OFFICE, Role.LEADER])
        ],
    }
    out.write_text(json.dumps(plan, default=str), encoding="utf-8")


def ledger_sheet(out: Path, rows: int) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from guanmo.demo.city import CITY_CODE
    from guanmo.regions.services import counties_of
    from run import write_ledger_sheet  # the benchmark's own generator

    write_ledger_sheet(out, [county.name for county in counties_of(CITY_CODE)], rows, seed=7)


def forget_import(plan_path: Path) -> None:
    """Delete the projects a scenario's import added (ids above those of the demo city), so that
    every scenario measures the demo city, not the demo city plus earlier imports."""
    from guanmo.ledger.models import Project

    plan = json.loads(plan_path.read_text(encoding="utf-8"))
    Project.objects.filter(pk__gt=plan["last_project"]).delete()


def count(plan_path: Path, acks_path: Path) -> None:
    from django.db.models import Count

    from guanmo.observation.models import ScoreForm
    from guanmo.reporting.models import ReviewStep

    plan = json.loads(plan_path.read_text(encoding="utf-8"))
    acks = json.loads(acks_path.read_text(encoding="utf-8")) if acks_path.exists() else {}
    stored = {
        (token, site): n
        for token, site, n in ScoreForm.objects.filter(judge__tour_id=plan["tour"])
        .values_list("judge__token", "site_id")
        .annotate(n=Count("id"))
    }
    acknowledged = {tuple(pair) for pair in acks.get("scores", [])}
    lost_scores = [pair for pair in acknowledged if (pair[0], pair[1]) not in stored]
    doubled_scores = [pair for pair, n in stored.items() if n > 1]
    steps = {
        (report, action): n
        for report, action, n in ReviewStep.objects.values_list("report_id", "action").annotate(
            n=Count("id")
        )
    }
    approved = set(acks.get("approved", []))
    lost_approvals = [r for r in approved if not steps.get((r, "approve"))]
    doubled_steps = [key for key, n in steps.items() if key[1] == "approve" and n > 1]
    print(
        json.dumps(
            {
                "scores_acknowledged": len(acknowledged),
                "scores_stored": len(stored),
                "lost": len(lost_scores) + len(lost_approvals),
                "doubled": len(doubled_scores) + len(doubled_steps),
                "approvals_acknowledged": len(approved),
            }
        )
    )


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guanmo.settings")
    django.setup()
    if sys.argv[1] == "prepare":
        prepare(Path(sys.argv[2]), int(sys.argv[3]))
    elif sys.argv[1] == "forget-import":
        forget_import(Path(sys.argv[2]))
    elif sys.argv[1] == "ledger-sheet":
        ledger_sheet(Path(sys.argv[2]), int(sys.argv[3]))
    else:
        count(Path(sys.argv[2]), Path(sys.argv[3]))
