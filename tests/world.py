"""A small city for page and workflow tests: two counties, four key projects, a user per role."""

from dataclasses import dataclass
from decimal import Decimal

from guanmo.accounts.models import Department, Role, User
from guanmo.ledger.models import AnnualPlan, KeyListEntry, MonthlyProgress, Project, Stage
from guanmo.regions.models import Region
from guanmo.regions.services import init_city

YEAR = 2025
PASSWORD = "Guanmo-ceshi-2025!"


@dataclass
class World:
    city: Region
    wuzhi: Region  # 武陟县
    wenxian: Region  # 温县
    projects: dict[str, Project]
    users: dict[str, User]


def _project(city: Region, county: Region, name: str, plan: str, months: dict[int, str], **extra):
    project = Project.objects.create(
        city=city,
        county=county,
        name=name,
        stage=extra.pop("stage", Stage.CONTINUING),
        total_investment=Decimal("50000"),
        latitude=Decimal("35.05"),
        longitude=Decimal("113.4"),
        **extra,
    )
    KeyListEntry.objects.create(project=project, year=YEAR, level="市")
    AnnualPlan.objects.create(project=project, year=YEAR, planned_investment=Decimal(plan))
    previous = Decimal(0)
    for month, cumulative in sorted(months.items()):
        MonthlyProgress.objects.create(
            project=project,
            year=YEAR,
            month=month,
            completed_this_month=Decimal(cumulative) - previous,
            cumulative_completed=Decimal(cumulative),
            visible_progress="主体施工",
        )
        previous = Decimal(cumulative)
    return project


def build_world() -> World:
    city = init_city("410800")
    wuzhi = city.children.get(name="武陟县")
    wenxian = city.children.get(name="温县")

    def user(username: str, role: str, region: Region | None, **extra) -> User:
        return User.objects.create_user(
            username, password=PASSWORD, role=role, region=region, **extra
        )

    users = {
        "admin": user("admin", Role.ADMIN, None, is_superuser=True, is_staff=True),
        "city": user("shixmb", Role.CITY_OFFICE, city, full_name="市项目办张三"),
        "wuzhi": user("wuzhi", Role.COUNTY_OFFICE, wuzhi, full_name="武陟县项目办"),
        "wenxian": user("wenxian", Role.COUNTY_OFFICE, wenxian, full_name="温县项目办"),
        "leader": user("leader", Role.LEADER, city, full_name="李副市长"),
        "commissioner": user("zhuanyuan", Role.COMMISSIONER, city, full_name="王专员"),
        "department": user(
            "zrzyj",
            Role.DEPARTMENT,
            city,
            full_name="自然资源和规划局赵科长",
            department=Department.objects.create(city=city, name="市自然资源和规划局"),
        ),
    }
    three_months = {1: "100", 2: "250", 3: "400"}
    projects = {
        "武陟装备": _project(
            city, wuzhi, "武陟县智能装备产业园", "1200", three_months, leader=users["leader"]
        ),
        "武陟物流": _project(city, wuzhi, "武陟县冷链物流园", "2000", {1: "50", 2: "90", 3: "120"}),
        "温县文旅": _project(
            city,
            wenxian,
            "温县太极文化产业园",
            "1000",
            three_months,
            leader=users["leader"],
            commissioner=users["commissioner"],
        ),
        "温县食品": _project(
            city, wenxian, "温县健康食品产业园", "800", {1: "60", 2: "150", 3: "260"}
        ),
    }
    return World(city, wuzhi, wenxian, projects, users)
