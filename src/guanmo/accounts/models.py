from django.contrib.auth.models import AbstractUser
from django.db import models

from guanmo.regions.models import Region


class Role(models.TextChoices):
    ADMIN = "admin", "系统管理员"
    CITY_OFFICE = "city_office", "市项目办"
    COUNTY_OFFICE = "county_office", "县区项目办"
    LEADER = "leader", "分包领导"
    COMMISSIONER = "commissioner", "驻工地专员"


class User(AbstractUser):
    """Guanmo's user: a role and a scope, a node of the administrative tree.

    A county office's region is its county; everyone else's is the city (none for the system
    administrator, whose scope is everything). What a user may see is decided in one place,
    `guanmo.accounts.scope`.
    """

    full_name = models.CharField("姓名", max_length=64, blank=True, default="")
    role = models.CharField("角色", max_length=16, choices=Role.choices, default=Role.CITY_OFFICE)
    region = models.ForeignKey(
        Region,
        verbose_name="所属区划",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    unit = models.CharField("单位", max_length=100, blank=True, default="")
    phone = models.CharField("手机号", max_length=20, blank=True, default="")

    class Meta(AbstractUser.Meta):
        verbose_name = "用户"
        verbose_name_plural = "用户"

    def __str__(self) -> str:
        return self.full_name or self.username

    def get_full_name(self) -> str:
        return self.full_name or self.username
