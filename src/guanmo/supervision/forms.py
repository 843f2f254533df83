import uuid
from datetime import date

from django import forms
from django.core.validators import MaxValueValidator
from django.db.models import QuerySet

from guanmo import bounds, clock
from guanmo.accounts.models import Department, Role, User
from guanmo.ledger.models import Project
from guanmo.regions.models import Region
from guanmo.regions.names import with_region
from guanmo.supervision.models import Problem, ProblemType, SupervisionRules
from guanmo.supervision.selectors import overdue

DATE_INPUT = forms.DateInput(attrs={"type": "date"})
STATUS_FILTERS = [
    ("", "全部"),
    ("overdue", "已逾期"),
    (Problem.Status.OPEN, "办理中"),
    (Problem.Status.SOLVED, "待确认"),
    (Problem.Status.CONFIRMED, "已解决"),
]


class ProblemForm(forms.Form):
    """A problem to assign: raised by hand, from a report's 存在问题, or decided at a meeting."""

    project = forms.ModelChoiceField(label="项目", queryset=Project.objects.none())
    problem_type = forms.ChoiceField(label="问题类型", choices=ProblemType.choices)
    department = forms.ModelChoiceField(label="责任部门", queryset=Department.objects.none())
    text = forms.CharField(
        label="问题描述", widget=forms.Textarea(attrs={"rows": 4}), max_length=2000
    )
    deadline = forms.DateField(
        label="办理时限", required=False, widget=DATE_INPUT, help_text="不填则按问题类型的默认时限"
    )

    def __init__(self, *args, projects: QuerySet[Project], city: Region, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects.select_related("county").order_by(
            "county__sort_order", "county__code", "name"
        )
        self.fields["project"].label_from_instance = lambda p: with_region(
            p.county.name, p.name, "·"
        )
        self.fields["department"].queryset = Department.objects.filter(city=city)

    def assignment(self) -> dict:
        """What the services take besides the project: type, text, department, deadline."""
        return {
            name: self.cleaned_data[name]
            for name in ("problem_type", "text", "department", "deadline")
        }


class AnswerForm(forms.Form):
    note = forms.CharField(
        label="办理情况", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    solved = forms.BooleanField(label="问题已解决，提请确认", required=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="原因", widget=forms.Textarea(attrs={"rows": 2}), max_length=1000
    )


class ConfirmForm(forms.Form):
    note = forms.CharField(label="确认意见", required=False, max_length=1000)


class OrderForm(forms.Form):
    requirements = forms.CharField(
        label="督办要求",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        initial="请高度重视，明确责任人，倒排工期，按期办结，并将办理情况书面报送。",
    )
    deadline = forms.DateField(
        label="办结时限",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="不填则为原办理时限；原时限已过的，为督办单日期后7天",
    )


class InstructionForm(forms.Form):
    instruction = forms.CharField(
        label="批示内容", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class MeetingForm(forms.Form):
    held_on = forms.DateField(label="会议日期", widget=DATE_INPUT)
    topic = forms.CharField(label="会议议题", max_length=200)
    chair = forms.ModelChoiceField(label="主持领导", queryset=User.objects.none())
    attendees = bounds.bound_text(
        forms.CharField(label="参会人员", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    )
    # The form's own id: a double click records one meeting (guanmo.locking.once).
    submission = forms.UUIDField(widget=forms.HiddenInput, required=False, initial=uuid.uuid4)

    def __init__(self, *args, city: Region, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = User.objects.filter(role=Role.LEADER, region=city)
        self.fields["held_on"].initial = clock.today()

    def clean_held_on(self) -> date:
        held_on = self.cleaned_data["held_on"]
        if fault := bounds.window_fault(held_on, clock.today(), "会议日期"):
            raise forms.ValidationError(fault)
        return held_on


class ProblemFilterForm(forms.Form):
    status = forms.ChoiceField(label="状态", choices=STATUS_FILTERS, required=False)
    problem_type = forms.ChoiceField(
        label="问题类型", choices=[("", "全部"), *ProblemType.choices], required=False
    )
    department = forms.ModelChoiceField(
        label="责任部门", queryset=Department.objects.none(), required=False
    )
    county = forms.ModelChoiceField(label="县区", queryset=Region.objects.none(), required=False)

    def __init__(self, data, *, city: Region, units: list[Region]) -> None:
        super().__init__(data)
        self.fields["department"].queryset = Department.objects.filter(city=city)
        self.fields["department"].empty_label = "全部"
        self.fields["county"].queryset = Region.objects.filter(pk__in=[u.pk for u in units])
        self.fields["county"].empty_label = "全部"
        if len(units) < 2:
            del self.fields["county"]

    def filter(self, problems: QuerySet[Problem], today: date) -> QuerySet[Problem]:
        data = self.cleaned_data if self.is_valid() else {}
        status = data.get("status")
        if status == "overdue":
            problems = overdue(problems, today)
        elif status:
            problems = problems.filter(status=status)
        if data.get("problem_type"):
            problems = problems.filter(problem_type=data["problem_type"])
        if data.get("department"):
            problems = problems.filter(department=data["department"])
        if data.get("county"):
            problems = problems.filter(project__county=data["county"])
        return problems


class RulesForm(forms.ModelForm):
    class Meta:
        model = SupervisionRules
        fields = [
            *(f"{problem_type}_days" for problem_type in ProblemType.values),
            "escalation_days",
        ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # a deadline within the horizon (guanmo.bounds)
            field.max_value = bounds.horizon().days
            field.validators.append(MaxValueValidator(field.max_value))
            field.widget.attrs["max"] = field.max_value


class FiguresForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    month = forms.IntegerField(label="月份", min_value=1, max_value=12)
    span = forms.ChoiceField(
        label="统计范围", choices=[("year", "年初至本月"), ("month", "本月")], required=False
    )
