from django.db import models


class Region(models.Model):
    """A node of the administrative tree: province, city, county (县/县级市/区), town (乡镇、
    街道) or park/zone.

    Parks, zones and towns carry no GB/T 2260 code of their own (the data stops at counties):
    a zone gets `<parent code>-Znn`, a town `<county code>-Tnn`.
    """

    class Kind(models.TextChoices):
        PROVINCE = "province", "省"
        CITY = "city", "市"
        COUNTY = "county", "县（市、区）"
        ZONE = "zone", "园区、示范区"
        TOWN = "town", "乡镇（街道）"

    code = models.CharField("区划代码", max_length=16, unique=True)
    name = models.CharField("名称", max_length=64)
    kind = models.CharField("层级", max_length=16, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    sort_order = models.PositiveIntegerField("排序", default=0)
    # A region of the national tree kept only to compare with (全省各省辖市, 外省同类县): never a
    # city Guanmo serves, so commands, public pages and lists of cities pass it by.
    compared_only = models.BooleanField(
        "仅作比较", default=False, help_text="外市、外省等仅用于比较组的地区"
    )
    ranking_group = models.ForeignKey(
        "RankingGroup",
        verbose_name="排名分组",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="units",
        help_text="县区、园区在通报中除全市排名外，还在本组内排名",
    )

    class Meta:
        verbose_name = "行政区划"
        verbose_name_plural = "行政区划"
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def short_name(self) -> str:
        """The name as tables print it: 武陟县 → 武陟; two-character names stay whole (温县)."""
        from guanmo.regions.names import short_region_name

        return short_region_name(self.name)


class RankingGroup(models.Model):
    """A group of a city's units ranked among themselves as well as overall, as real bulletins
    rank them (县（市）组, 城区组, 功能区组); units join a group through `Region.ranking_group`."""

    city = models.ForeignKey(
        Region, verbose_name="城市", on_delete=models.CASCADE, related_name="ranking_groups"
    )
    name = models.CharField("分组名称", max_length=50)
    sort_order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "排名分组"
        verbose_name_plural = "排名分组"
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["city", "name"], name="ranking_group_once_per_city"),
        ]

    def __str__(self) -> str:
        return self.name
