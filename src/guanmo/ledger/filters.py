"""The project list's filters, search and sort: one form, applied to a user's scoped projects."""

from django import forms
from django.db.models import Q, QuerySet

from guanmo.ledger.models import Level, Project, Stage
from guanmo.progress.status import ProjectStatus
from guanmo.progress.warnings import WarningLevel
from guanmo.regions.models import Region

SORTS = {
    "county": ("县区", lambda s: s.county_id),
    "name": ("项目名称", lambda s: s.name),
    "rate": ("完成率", lambda s: (s.completion_rate is None, -(s.completion_rate or 0))),
    "rate_asc": ("完成率（低到高）", lambda s: (s.completion_rate is None, s.completion_rate or 0)),
    "plan": ("年度计划", lambda s: -(s.annual_plan or 0)),
    "completed": ("累计完成", lambda s: -s.completed),
}


class ProjectFilterForm(forms.Form):
    q = forms.CharField(label="搜索", required=False)
    county = forms.ModelChoiceField(label="县区", queryset=Region.objects.none(), required=False)
    industry = forms.ChoiceField(label="产业类别", required=False)
    stage = forms.ChoiceField(
        label="建设性质", choices=[("", "全部"), *Stage.choices], required=False
    )
    level = forms.ChoiceField(label="级别", choices=[("", "全部"), *Level.choices], required=False)
    listed = forms.ChoiceField(
        label="名录",
        choices=[("", "在册项目"), ("removed", "已调出名录")],
        required=False,
    )
    warning = forms.ChoiceField(
        label="预警",
        choices=[("", "全部"), ("any", "有预警"), *((w.value, w.label) for w in WarningLevel)],
        required=False,
    )
    sort = forms.ChoiceField(
        label="排序", choices=[(key, label) for key, (label, _) in SORTS.items()], required=False
    )

    def __init__(self, data, *, projects: QuerySet[Project], units: list[Region]) -> None:
        super().__init__(data)
        self.fields["county"].queryset = Region.objects.filter(pk__in=[u.pk for u in units])
        self.fields["county"].empty_label = "全部"
        industries = projects.exclude(industry="").values_list("industry", flat=True).distinct()
        self.fields["industry"].choices = [("", "全部"), *((i, i) for i in sorted(industries))]

    def filter_projects(
        self, projects: QuerySet[Project], year: int, month: int
    ) -> QuerySet[Project]:
        """The database part of the filter: everything but the warning. `projects` are the
        key projects of `year`; those in the ledger in `month` are kept (`in_ledger`, and
        entered by its end: `ledger.due`), or with 名录 已调出名录 those taken off before it,
        whose history stays on their pages."""
        data = self.cleaned_data if self.is_valid() else {}
        listed = projects.in_ledger(year, month=month, level=data.get("level") or None)
        if data.get("listed") == "removed":
            projects = projects.exclude(pk__in=listed.values("pk"))
        else:  # not one entering the list after the month (ledger.due)
            projects = listed.due_to_report(year, month)
        if data.get("q"):
            text = data["q"].strip()
            projects = projects.filter(
                Q(name__icontains=text)
                | Q(code__icontains=text)
                | Q(owner__icontains=text)
                | Q(leader_in_charge__icontains=text)
            )
        if data.get("county"):
            projects = projects.filter(county=data["county"])
        if data.get("industry"):
            projects = projects.filter(industry=data["industry"])
        if data.get("stage"):
            projects = projects.filter(stage=data["stage"])
        if data.get("level"):
            projects = projects.in_ledger(year, level=data["level"])
        return projects

    def filter_statuses(self, statuses: list[ProjectStatus]) -> list[ProjectStatus]:
        """The warning filter and the sort, over computed statuses."""
        data = self.cleaned_data if self.is_valid() else {}
        warning = data.get("warning")
        if warning == "any":
            statuses = [s for s in statuses if s.warnings]
        elif warning:
            statuses = [s for s in statuses if s.level == warning]
        _, key = SORTS.get(data.get("sort") or "county", SORTS["county"])
        return sorted(statuses, key=key)
