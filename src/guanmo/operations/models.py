"""Background jobs started from a page, followed by their owner on a progress bar."""

from django.conf import settings
from django.db import models

from guanmo import clock


class BackgroundJob(models.Model):
    """Heavy work (a large import, a long route search) run by the worker, not in a request."""

    class State(models.TextChoices):
        QUEUED = "queued", "排队中"
        RUNNING = "running", "进行中"
        DONE = "done", "已完成"
        FAILED = "failed", "失败"

    kind = models.CharField("类别", max_length=40)
    title = models.CharField("任务", max_length=200)
    # What the job works on ("observation.tour:7"), so its page can show a job under way
    # instead of starting a second one.
    subject = models.CharField("对象", max_length=100, blank=True, db_index=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, verbose_name="发起人"
    )
    state = models.CharField("状态", max_length=10, choices=State.choices, default=State.QUEUED)
    done = models.PositiveIntegerField("已完成步数", default=0)
    total = models.PositiveIntegerField("总步数", default=0)
    message = models.CharField("说明", max_length=500, blank=True)
    result_url = models.CharField("结果页面", max_length=300, blank=True)
    # Guanmo's clock (`guanmo.clock.now`), as `finished_at` (`jobs.run_job`) and every stamp a
    # user sees; `jobs.job_under_way` measures a job's age on the same clock.
    created_at = models.DateTimeField("发起时间", default=clock.now, editable=False)
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)

    class Meta:
        verbose_name = "后台任务"
        verbose_name_plural = "后台任务"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.title}（{self.get_state_display()}）"

    @property
    def percent(self) -> int:
        """Whole percent done, for the progress bar (0 until the job knows its size)."""
        if not self.total:
            return 100 if self.state == self.State.DONE else 0
        return min(100, self.done * 100 // self.total)

    @property
    def finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)
