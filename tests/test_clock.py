"""The application's today: the real date, or the one GUANMO_TODAY fixes (the demo's)."""

import re
from datetime import date
from pathlib import Path

from django.utils import timezone

from guanmo import clock
from guanmo.demo.city import TODAY


def test_today_is_the_real_date_by_default(settings):
    settings.GUANMO_TODAY = None
    assert clock.today() == timezone.localdate()


def test_a_fixed_today_is_used_everywhere(settings):
    settings.GUANMO_TODAY = date(2025, 12, 15)
    assert clock.today() == date(2025, 12, 15)


def test_make_demo_serves_the_demo_city_as_of_its_own_day():
    makefile = (Path(__file__).resolve().parents[1] / "Makefile").read_text()
    assert re.search(r"^DEMO_TODAY := (\S+)$", makefile, re.M).group(1) == TODAY.isoformat()
    assert "GUANMO_TODAY=$(DEMO_TODAY)" in makefile
