"""The test city made ready for its public pages; shared by the disclosure tests and the
browser test."""

from datetime import date
from decimal import Decimal

from guanmo.ledger.models import Project, Stage
from guanmo.reporting.services import close_period, open_period
from tests.world import YEAR, World

# industry, responsible unit, scope, owner, (latitude, longitude)
FACTS = {
    "武陟装备": (
        "装备制造",
        "武陟县产业集聚区",
        "年产装备5000台套",
        "武陟智能装备有限公司",
        (35.10, 113.42),
    ),
    "武陟物流": ("现代物流", "武陟县商务局", "冷库10万吨", "武陟冷链物流有限公司", (35.04, 113.30)),
    "温县文旅": (
        "文化旅游",
        "温县文广旅局",
        "太极文化园及配套",
        "温县太极文旅集团",
        (34.94, 113.08),
    ),
    "温县食品": (
        "食品加工",
        "温县产业集聚区",
        "年产休闲食品3万吨",
        "温县健康食品有限公司",
        (34.90, 113.00),
    ),
}


def publish_march(world: World) -> World:
    """Give the projects the facts a public page shows, make 武陟县冷链物流园 a new start, and
    close March: the world's approved figures of January to March are read as of March."""
    for key, (industry, unit, scope, owner, (latitude, longitude)) in FACTS.items():
        project = world.projects[key]
        Project.objects.filter(pk=project.pk).update(
            industry=industry,
            responsible_unit=unit,
            scope=scope,
            owner=owner,
            location=f"{project.county.name}某某路",
            latitude=Decimal(str(latitude)),
            longitude=Decimal(str(longitude)),
        )
    Project.objects.filter(pk=world.projects["武陟物流"].pk).update(stage=Stage.NEW_START)
    march = open_period(world.city, year=YEAR, month=3, deadline=date(YEAR, 4, 5), user=None)
    close_period(march, user=world.users["city"])
    return world
