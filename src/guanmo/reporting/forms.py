from datetime import date

from django import forms
from django.http import QueryDict

from guanmo import bounds, clock
from guanmo.reporting.services import EntryInput
from guanmo.sheets.forms import SheetFileField


class OpenPeriodForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    month = forms.IntegerField(label="月份", min_value=1, max_value=12)
    deadline = forms.DateField(label="报送截止日期", widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, today: date | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        today = today or clock.today()
        self.fields["year"].initial = today.year
        self.fields["month"].initial = today.month
        self.today = today

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if fault := bounds.horizon_fault(deadline, self.today, "报送截止日期"):
            raise forms.ValidationError(fault)
        return deadline


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="原因", widget=forms.Textarea(attrs={"rows": 2}), max_length=1000
    )


class UploadForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    sheet = SheetFileField(label="本县区进度表（Excel、WPS 或 CSV）")


def version_of(post: QueryDict) -> int:
    """The report version the page was loaded at (0 when missing or unreadable)."""
    value = post.get("version", "0")
    return int(value) if value.isdigit() and len(value) <= 9 else 0


def grid_inputs(post: QueryDict, project_ids: list[int]) -> list[EntryInput]:
    """The grid's typed lines: `c-<id>` this month, `k-<id>` cumulative, `v-<id>` visible
    progress, `p-<id>` problems, for each project shown."""
    return [
        EntryInput(
            project_id=pk,
            completed_this_month=post.get(f"c-{pk}", "").strip(),
            cumulative_completed=post.get(f"k-{pk}", "").strip(),
            visible_progress=post.get(f"v-{pk}", ""),
            problems=post.get(f"p-{pk}", ""),
        )
        for pk in project_ids
        if f"k-{pk}" in post or f"v-{pk}" in post
    ]
