import uuid

from django import forms

from guanmo import bounds, clock
from guanmo.ledger.models import Project
from guanmo.observation.models import Criterion, Site, Tour
from guanmo.observation.rubric import SCORE_STEP
from guanmo.observation.schedule import minute_of_day
from guanmo.regions.models import Region
from guanmo.regions.names import level_character, with_region


class TourForm(forms.Form):
    name = forms.CharField(label="观摩活动名称", max_length=200)
    first_day = forms.DateField(label="开始日期", widget=forms.DateInput(attrs={"type": "date"}))
    days = forms.IntegerField(label="天数", min_value=1, max_value=7, initial=1)
    counties = forms.ModelMultipleChoiceField(
        label="参加县区", queryset=Region.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    # The form's own id: a double click makes one tour (guanmo.locking.once).
    submission = forms.UUIDField(widget=forms.HiddenInput, required=False, initial=uuid.uuid4)

    def __init__(self, *args, units: list[Region], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["counties"].queryset = Region.objects.filter(pk__in=[u.pk for u in units])
        self.fields["counties"].initial = [unit.pk for unit in units]
        self.fields["first_day"].initial = clock.today()

    def clean_first_day(self):
        first_day = self.cleaned_data["first_day"]
        if fault := bounds.window_fault(first_day, clock.today(), "开始日期"):
            raise forms.ValidationError(fault)
        return first_day


class TourSettingsForm(forms.ModelForm):
    class Meta:
        model = Tour
        fields = [
            "method",
            "drop_high",
            "drop_low",
            "recusal",
            "score_step",
            "day_start",
            "day_end",
            "lunch_from",
            "lunch_to",
            "lunch_minutes",
            "start_name",
            "start_latitude",
            "start_longitude",
            "road_factor",
            "speed_kmh",
        ]
        widgets = {
            name: forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
            for name in ("day_start", "day_end", "lunch_from", "lunch_to")
        }

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("drop_high") is None) != (cleaned.get("drop_low") is None):
            raise forms.ValidationError("去掉最高分和最低分的个数须同时填写，或同时留空")
        lunch_from, lunch_to = cleaned.get("lunch_from"), cleaned.get("lunch_to")
        minutes = cleaned.get("lunch_minutes")
        if lunch_from and lunch_to and minutes is not None:
            window = minute_of_day(lunch_to) - minute_of_day(lunch_from)
            if minutes > window:
                self.add_error("lunch_minutes", "午餐时长不能超过午餐时段")
        start, end = cleaned.get("day_start"), cleaned.get("day_end")
        if start and end and end <= start:
            self.add_error("day_end", "结束时间应晚于出发时间")
        return cleaned


class SiteForm(forms.Form):
    project = forms.ModelChoiceField(label="项目", queryset=Project.objects.none())

    def __init__(self, *args, projects, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects.select_related("county").order_by(
            "county__code", "name"
        )
        self.fields["project"].label_from_instance = lambda p: with_region(
            p.county.name, p.name, "·"
        )


class SiteDetailsForm(forms.ModelForm):
    class Meta:
        model = Site
        fields = ["introduction", "stay_minutes", "pinned_day"]
        formfield_callback = bounds.bounded_formfield
        widgets = {"introduction": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, days: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pinned_day"].widget = forms.Select(
            choices=[("", "不指定")] + [(day, f"第{day}天") for day in range(1, days + 1)]
        )


class JudgeForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=50)
    unit = forms.CharField(label="单位", max_length=100, required=False)
    county = forms.ModelChoiceField(
        label="所属县区", queryset=Region.objects.none(), required=False, empty_label="无（市直）"
    )

    def __init__(self, *args, units: list[Region], top: Region, **kwargs) -> None:
        """`units` those a judge may come from; `top` the installation's top, whose own
        bodies a judge from none of them is of: 市直, 县直 (`names.level_character`)."""
        super().__init__(*args, **kwargs)
        self.fields["county"].queryset = Region.objects.filter(pk__in=[u.pk for u in units])
        self.fields["county"].empty_label = f"无（{level_character(top.name)}直）"


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ["name", "maximum", "description", "position"]

    def clean_maximum(self):
        maximum = self.cleaned_data["maximum"]
        if maximum <= 0 or maximum % SCORE_STEP:
            raise forms.ValidationError(f"满分应为正数，且以{SCORE_STEP:f}分为单位")
        return maximum


RubricFormSet = forms.inlineformset_factory(
    Tour, Criterion, form=CriterionForm, extra=1, can_delete=True, min_num=1, validate_min=True
)
