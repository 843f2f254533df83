"""The test city's observation tour, for the tour tests and the browser test alike."""

from datetime import date
from decimal import Decimal

from guanmo.observation import services
from guanmo.observation.models import Tour
from tests.world import World


def build_tour(world: World) -> Tour:
    """A one-day tour of the test city's four projects, with three judges: 张 and 王 from the
    city, 李 from 武陟县 (so he stays out of 武陟县's two sites)."""
    tour = services.create_tour(
        world.city,
        name="2025年第二次重点项目观摩",
        first_day=date(2025, 6, 18),
        days=1,
        counties=[world.wuzhi, world.wenxian],
        user=world.users["city"],
    )
    for project in world.projects.values():
        services.add_site(tour, project, user=world.users["city"], approved=True)
    services.add_judge(tour, name="张评委", unit="市发改委")
    services.add_judge(tour, name="李评委", unit="武陟县发改委", county=world.wuzhi)
    services.add_judge(tour, name="王评委", unit="市财政局")
    return tour


def put_on_map(tour: Tour, world: World) -> None:
    """Coordinates for the four projects (about 5 km apart) and the tour's start point."""
    for offset, project in enumerate(world.projects.values()):
        project.latitude = Decimal("35.0") + Decimal(offset) / 20
        project.longitude = Decimal("113.2") + Decimal(offset) / 20
        project.save()
    Tour.objects.filter(pk=tour.pk).update(
        start_latitude=Decimal("35.215"), start_longitude=Decimal("113.242")
    )
    tour.refresh_from_db()
