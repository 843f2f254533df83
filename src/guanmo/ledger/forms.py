from collections.abc import Mapping, Sequence
from decimal import Decimal

from django import forms

from guanmo import bounds
from guanmo.accounts.models import Role, User
from guanmo.ledger.milestones import KINDS, MilestoneDates
from guanmo.ledger.models import Level, MilestoneKind, Project
from guanmo.ledger.services.editing import EDITABLE_FIELDS
from guanmo.sheets.forms import SheetFileField


class ProjectEditForm(forms.ModelForm):
    annual_plan = forms.DecimalField(
        label="本年度计划投资（万元）", max_digits=18, decimal_places=4, min_value=0, required=False
    )
    previous_year_end = forms.DecimalField(
        label="截至上年底累计完成投资（万元）",
        max_digits=18,
        decimal_places=4,
        min_value=0,
        required=False,
        help_text="本年只有开累数据时，本年累计由开累减去此数得出",
    )
    reason = bounds.bound_text(
        forms.CharField(label="修改原因", widget=forms.Textarea(attrs={"rows": 2})), 1000
    )

    class Meta:
        model = Project
        fields = EDITABLE_FIELDS
        formfield_callback = bounds.bounded_formfield
        widgets = {
            "scope": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, city, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        people = User.objects.filter(region=city, is_active=True)
        self.fields["leader"].queryset = people.filter(role=Role.LEADER)
        self.fields["commissioner"].queryset = people.filter(role=Role.COMMISSIONER)


class LedgerUploadForm(forms.Form):
    """The city office's ledger sheet, with the year and key list it is loaded for."""

    year = forms.IntegerField(label="台账年度", min_value=2000, max_value=2100)
    level = forms.ChoiceField(
        label="列入名录",
        choices=Level.choices,
        initial=Level.CITY,
        help_text="表中“重点级别”列有值时以该列为准",
    )
    # The month the sheet is loaded in (import-ledger --month): a project it adds is due to
    # report from then (ledger.due); blank, the month being reported.
    month = forms.IntegerField(
        label="导入月份",
        min_value=1,
        max_value=12,
        required=False,
        help_text="新增项目自该月起报送进度；不填为正在填报的月份",
    )
    sheet = SheetFileField(label="台账文件（Excel、WPS 或 CSV）")
    # On the preview: the office confirms figures changed tenfold or more (import-ledger
    # --confirm-changes), which are otherwise refused as likely unit slips.
    confirm_changes = forms.BooleanField(label="确认修改", required=False)


class MilestoneForm(forms.Form):
    """Each milestone's planned and actual date (blank: not known), and why they changed: a
    project's every milestone, or the `kinds` given (a lead's 前期手续, attraction.views)."""

    reason = bounds.bound_text(
        forms.CharField(label="修改原因", required=False, widget=forms.Textarea(attrs={"rows": 2})),
        1000,
    )

    def __init__(
        self,
        *args,
        stored: Mapping[MilestoneKind, MilestoneDates],
        kinds: Sequence[MilestoneKind] = KINDS,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.kinds = tuple(kinds)
        for kind in self.kinds:
            dates = stored.get(kind, MilestoneDates(kind))
            for suffix, label, value in (
                ("planned", "计划日期", dates.planned),
                ("reached", "实际日期", dates.reached),
            ):
                self.fields[f"{kind.name.lower()}_{suffix}"] = forms.DateField(
                    label=f"{kind.label}{label}",
                    required=False,
                    initial=value,
                    widget=forms.DateInput(
                        attrs={"type": "date", "aria-label": f"{kind.label}{label}"},
                        format="%Y-%m-%d",
                    ),
                    error_messages={
                        "invalid": f"{kind.label}{label}不是有效的日期，请写成“2025-03-10”"
                    },
                )

    def rows(self) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        """The milestones in order, each with its two date fields."""
        return [
            (kind.label, self[f"{kind.name.lower()}_planned"], self[f"{kind.name.lower()}_reached"])
            for kind in self.kinds
        ]

    def given(self) -> dict[MilestoneKind, MilestoneDates]:
        data = self.cleaned_data
        return {
            kind: MilestoneDates(
                kind, data[f"{kind.name.lower()}_planned"], data[f"{kind.name.lower()}_reached"]
            )
            for kind in self.kinds
        }


class CurveForm(forms.Form):
    """Twelve monthly amounts (万元) of the year's plan, or none to follow the city's shape."""

    def __init__(self, *args, stored: Mapping[int, Decimal], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for month in range(1, 13):
            self.fields[f"m{month}"] = forms.DecimalField(
                label=f"{month}月",
                required=False,
                max_digits=18,
                decimal_places=4,
                min_value=0,
                initial=stored.get(month),
            )

    def months(self) -> list[Decimal] | None:
        """The twelve amounts, or None when all are blank. Raises ValidationError when some
        months are filled and others not."""
        amounts = [self.cleaned_data[f"m{month}"] for month in range(1, 13)]
        if all(amount is None for amount in amounts):
            return None
        blank = [f"{month}月" for month, amount in enumerate(amounts, 1) if amount is None]
        if blank:
            raise forms.ValidationError(f"应填写全部12个月，{'、'.join(blank)}未填写")
        return amounts


class RemovalForm(forms.Form):
    """Taking a project off a key list: which list, the day, why."""

    entry = forms.ModelChoiceField(label="重点项目名录", queryset=None)
    removed_on = forms.DateField(
        label="调出日期", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    reason = bounds.bound_text(
        forms.CharField(label="调出原因", widget=forms.Textarea(attrs={"rows": 2})), 1000
    )

    def __init__(self, *args, entries, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["entry"].queryset = entries
