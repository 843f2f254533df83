from django.contrib.auth.models import AbstractUser
from django.db import models

from guanmo.regions.models import Region


class Role(models.TextChoices):
    ADMIN = "admin", "系统管理员"
    CITY_OFFICE = "city_office", "市项目办"
    COUNTY_OFFICE = "county_office", "县区项目办"
    LEADER = "leader", "分包领导"
    COMMISSIONER = "commissioner", "驻工地专员"
    DEPARTMENT = "department", "责任部门"


class Department(models.Model):
    """A city department that problems are assigned to (自然资源和规划局, 生态环境局, …); its
    users see and answer the problems in its queue."""

    city = models.ForeignKey(
        Region, verbose_name="城市", on_delete=models.PROTECT, related_name="departments"
    )
    name = models.CharField("部门名称", max_length=100)

    class Meta:
        verbose_name = "责任部门"
        verbose_name_plural = "责任部门"
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["city", "name"], name="department_once_per_city"),
        ]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """Guanmo's user: a role and a scope, a node of the administrative tree.

    A county office's region is its county; everyone else's is the city (none for the system
    administrator, whose scope is everything); a department user also names his department.
    What a user may see is decided in one place, `guanmo.accounts.scope`.
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
    department = models.ForeignKey(
        Department,
        verbose_name="所属部门",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        help_text="责任部门的用户必填",
    )

    class Meta(AbstractUser.Meta):
        verbose_name = "用户"
        verbose_name_plural = "用户"

    def __str__(self) -> str:
        return self.full_name or self.username

    def get_full_name(self) -> str:
        return self.full_name or self.username
