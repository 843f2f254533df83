"""A burst of judges scoring at once, in a process of its own, on the database its environment
names: `python -m tests.scoring_burst JUDGES` prints {"answers": [...], "forms": n, "scores": n}.

The test suite's own database is configured once per run; this lets a test start a server-like
process on a database named by a `sqlite://` URL, or on the default file, as production does.
"""

import json
import sys
import uuid


def main(judges: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    from guanmo.observation import services
    from guanmo.observation.models import Score, ScoreForm
    from tests.concurrency import all_at_once
    from tests.observation.test_scoring_at_once import send, signed_in
    from tests.observation.tours import build_tour
    from tests.world import build_world

    setup_test_environment()
    call_command("migrate", verbosity=0)
    tour = build_tour(build_world())
    for number in range(judges - tour.judges.count()):
        services.add_judge(tour, name=f"评委{number:02d}", unit="市直单位")
    services.open_scoring(tour)
    site = tour.sites.get(project__name="温县太极文化产业园")
    phones = [signed_in(judge) for judge in tour.judges.all()]
    answers = all_at_once([send(phone, site, uuid.uuid4()) for phone in phones])
    print(
        json.dumps(
            {
                "answers": [getattr(answer, "status_code", repr(answer)) for answer in answers],
                "forms": ScoreForm.objects.filter(site=site).count(),
                "scores": Score.objects.filter(form__site=site).count(),
            }
        )
    )


if __name__ == "__main__":
    main(int(sys.argv[1]))
