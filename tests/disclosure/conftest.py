from datetime import date

import pytest

from guanmo.ledger.models import Project
from guanmo.reporting.services import close_period, open_period
from tests.world import YEAR


@pytest.fixture
def public_world(world):
    """The test city with the facts a public page shows, and March closed: the world's
    approved figures of January to March, read as of March."""
    facts = {
        "武陟装备": (
            "装备制造",
            "武陟县产业集聚区",
            "年产智能装备5000台套",
            "武陟智能装备有限公司",
        ),
        "武陟物流": ("现代物流", "武陟县商务局", "冷库10万吨", "武陟冷链物流有限公司"),
        "温县文旅": ("文化旅游", "温县文广旅局", "太极文化园及配套", "温县太极文旅集团"),
        "温县食品": ("食品加工", "温县产业集聚区", "年产休闲食品3万吨", "温县健康食品有限公司"),
    }
    for key, (industry, unit, scope, owner) in facts.items():
        Project.objects.filter(pk=world.projects[key].pk).update(
            industry=industry,
            responsible_unit=unit,
            scope=scope,
            owner=owner,
            location=f"{world.projects[key].county.name}某某路",
        )
    Project.objects.filter(pk=world.projects["武陟物流"].pk).update(stage="新开工")
    march = open_period(world.city, year=YEAR, month=3, deadline=date(YEAR, 4, 5), user=None)
    close_period(march, user=world.users["city"])
    return world
