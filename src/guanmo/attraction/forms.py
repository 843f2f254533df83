from collections.abc import Callable, Mapping
from datetime import date

from django import forms

from guanmo.attraction.models import ParkFigures
from guanmo.attraction.park_services import PARK_FIGURE_FIELDS
from guanmo.attraction.stages import DROPPED, Stage
from guanmo.ledger.cells import parse_planned_date
from guanmo.progress.status import figures_month
from guanmo.regions.models import Region
from guanmo.sheets.cells import CellError


class PeriodForm(forms.Form):
    """The period of the funnel page: a year up to a month."""

    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    month = forms.IntegerField(label="截至月份", min_value=1, max_value=12)


def chosen_period(
    city: Region,
    query: Mapping[str, str],
    make_form: Callable[[dict], PeriodForm] = PeriodForm,
) -> tuple[PeriodForm, int, int]:
    """The period a page shows, with its form (`make_form` of the data: PeriodForm, or the
    funnel page's PickForm): the year to the month asked for, else to the data month every page
    opens on (`progress.status.figures_month`: the latest closed month), so the funnel and the
    parks say what the dashboard says (数据截至2025年11月)."""
    opening = figures_month(city)
    initial = {"year": opening.year, "month": opening.month}
    form = make_form({**initial, **query})
    chosen = form.cleaned_data if form.is_valid() else initial
    return form, chosen["year"], chosen["month"]


class PickForm(PeriodForm):
    """The funnel page's picker: the period (opening on chosen_period's month), and (each
    optional) one of the units the user sees, a source and an industry, among those the city's
    leads give."""

    unit = forms.ChoiceField(label="县区、园区", required=False)
    source = forms.ChoiceField(label="投资方来源", required=False)
    industry = forms.ChoiceField(label="行业", required=False)

    def __init__(self, *args, units, sources, industries, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        everything = [("", "全部")]
        if units:
            self.fields["unit"].choices = everything + [(str(u.pk), u.name) for u in units]
        else:
            del self.fields["unit"]
        self.fields["source"].choices = everything + [(name, name) for name in sources]
        self.fields["industry"].choices = everything + [(name, name) for name in industries]


DATE_INPUT = forms.DateInput(attrs={"type": "date"})
MONTH_HINT = "计划日期可写到月，如2025年12月"


class PlannedDateField(forms.DateField):
    """A planned date typed as the register writes it: a day (2025-12-10, 2025年12月10日) or a
    month (2025年12月, read as its last day: ledger.cells.parse_planned_date), in a text input
    since a date input takes no month (tryout 32: 「输入一个有效的日期。」 for 2025年12月, naming
    neither the field nor the reason)."""

    widget = forms.TextInput(attrs={"placeholder": "如2025年12月10日或2025年12月"})

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, date):
            return value
        try:
            return parse_planned_date(str(value))
        except CellError as error:
            raise forms.ValidationError(f"{self.label}：{error}；{MONTH_HINT}") from error


class StageForm(forms.Form):
    """A stage of a lead to record: its planned and/or actual date; or 终止洽谈, its actual
    date and the reason (services.record_dropped)."""

    stage = forms.ChoiceField(label="阶段", choices=[*Stage.choices, (DROPPED, DROPPED)])
    planned = PlannedDateField(label="计划日期", required=False, help_text=MONTH_HINT)
    reached = forms.DateField(label="实际日期", required=False, widget=DATE_INPUT)
    contract_investment = forms.DecimalField(
        label="合同投资（万元）",
        required=False,
        min_value=0,
        max_digits=18,
        decimal_places=4,
        help_text="签约时填写",
    )
    reason = forms.CharField(
        label="修改原因",
        required=False,
        max_length=200,
        help_text="修改已填的日期时必填；终止洽谈须写明原因",
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("planned") and not cleaned.get("reached"):
            raise forms.ValidationError("请填写计划日期或实际日期")
        return cleaned


class FundsForm(forms.Form):
    """A month's funds in place (到位资金) of a lead: cumulative since signing, in 万元. Shown
    with the latest month stored, so it is corrected or carried on from there."""

    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    month = forms.IntegerField(label="月份", min_value=1, max_value=12)
    cumulative = forms.DecimalField(
        label="累计到位资金（万元）", min_value=0, max_digits=18, decimal_places=4
    )
    reason = forms.CharField(
        label="修改原因", required=False, max_length=200, help_text="修改已填月份的数字时必填"
    )


class ParkFiguresForm(forms.Form):
    """A park's own figures of a period as its office enters them, shown as stored (`initial`):
    a figure emptied is cleared (no figure, never 0) and needs a reason; a figure not sent at
    all is left alone (attraction.park_services)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(forms.fields_for_model(ParkFigures, fields=PARK_FIGURE_FIELDS))
        for field in self.fields.values():
            field.required = False
        self.fields["reason"] = forms.CharField(
            label="修改原因", required=False, max_length=200, help_text="清空已填报的数字时必填"
        )

    @property
    def cleared(self) -> list[str]:
        """The stored figures sent empty: to be cleared."""
        return [
            name
            for name in PARK_FIGURE_FIELDS
            if name in self.data
            and self.cleaned_data.get(name) in (None, "")
            and self.initial.get(name) not in (None, "")
        ]

    def clean(self):
        cleaned = super().clean()
        revenue, leading = cleaned.get("revenue"), cleaned.get("leading_revenue")
        if revenue is not None and leading is not None and leading > revenue:
            self.add_error("leading_revenue", "主导产业收入不能超过主营业务收入")
        if self.cleared and not cleaned.get("reason", "").strip():
            labels = "、".join(str(self.fields[name].label) for name in self.cleared)
            self.add_error("reason", f"清空已填报的{labels}，请写明原因")
        return cleaned
