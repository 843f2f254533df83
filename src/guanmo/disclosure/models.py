"""What a city publishes (媒体公示): the optional fields it marks public.

The issue's core list is always public: name, scale and content, annual target, owner, county,
responsible unit, the commissioner's name and progress as of the last closed month. Everything
else the ledger knows stays private unless the city office ticks it here.
"""

from django.conf import settings
from django.db import models

from guanmo import clock
from guanmo.regions.models import Region


class DisclosureSettings(models.Model):
    """A city's choice of optional public fields; a city without a row publishes the defaults."""

    city = models.OneToOneField(
        Region, verbose_name="城市", on_delete=models.CASCADE, related_name="disclosure_settings"
    )
    show_code = models.BooleanField("公开项目代码", default=False)
    show_total_investment = models.BooleanField("公开总投资", default=True)
    show_location = models.BooleanField(
        "公开建设地点和地图位置", default=True, help_text="关闭后地图上不标注项目"
    )
    show_leader_in_charge = models.BooleanField("公开包抓领导", default=False)
    show_commissioner_phone = models.BooleanField(
        "公开驻工地专员电话", default=False, help_text="驻工地专员姓名始终公开"
    )
    show_visible_progress = models.BooleanField("公开形象进度", default=True)
    show_problems = models.BooleanField("公开存在问题", default=False)
    # stamped by Guanmo's clock on each save (`save`)
    updated_at = models.DateTimeField("最后修改时间", default=clock.now, editable=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="最后修改人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "公示设置"
        verbose_name_plural = "公示设置"

    def __str__(self) -> str:
        return f"{self.city}公示设置"

    def save(self, *args, **kwargs) -> None:
        """Saved with the moment of saving by Guanmo's clock (`guanmo.clock.now`), as auto_now
        did with the machine's."""
        self.updated_at = clock.now()
        super().save(*args, **kwargs)

    @classmethod
    def of(cls, city: Region) -> "DisclosureSettings":
        """The city's settings, or the defaults (unsaved) when it has none."""
        return cls.objects.filter(city=city).first() or cls(city=city)
