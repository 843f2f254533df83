"""A problem's steps (办理记录) are timed by the application's clock (`guanmo.clock.now`): with
GUANMO_TODAY set (the demo city lives in December 2025) a problem raised and answered now has
each step's 时间 on that day, as its 日期 is, not on the machine's."""

from datetime import date

from django.utils import timezone

from guanmo.supervision import services

DAY = date(2025, 5, 6)


def test_a_problems_steps_are_timed_on_the_applications_day(world, raise_problem, settings):
    settings.GUANMO_TODAY = DAY
    problem = raise_problem()
    services.answer(problem, user=world.users["department"], note="已协调用地指标", solved=False)

    steps = list(problem.steps.all())
    assert [step.action for step in steps] == ["raise", "answer"]
    assert [(timezone.localtime(step.at).date(), step.on) for step in steps] == [(DAY, DAY)] * 2
