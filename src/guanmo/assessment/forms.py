"""The objection and decision forms of a published result, and the city office's upload of a
cycle's sheets (the parameters of `guanmo assess`, bounded)."""

from decimal import Decimal

from django import forms

from guanmo.assessment.attachments import ATTACHMENT_MAX_MB
from guanmo.assessment.definition import VETO
from guanmo.assessment.firms import FIGURE_UNITS, FIRM_UNITS
from guanmo.assessment.models import ClassPolicy
from guanmo.assessment.objections import DEFAULT_PUBLICATION_DAYS
from guanmo.assessment.policies import policy_lines
from guanmo.assessment.robustness import DEFAULT_NAMING_THRESHOLD, DEFAULT_RUNS
from guanmo.assessment.what_if import parse_value
from guanmo.sheets.forms import SheetFileField

MAX_RUNS = 5000  # a page waits for the Monte Carlo: 5,000 runs of 180 units take seconds
MAX_PUBLICATION_DAYS = 60


def whole_number(label: str, name: str | None = None, **options) -> forms.IntegerField:
    """An integer field whose messages name it (tryout 19: a bare 请输入整数 named no field):
    稳健性检验模拟次数应为整数，填的是1.5; typed as text (inputmode numeric), so that the
    browser's own message, which names no field either, never stands in for it. `name` is
    the field as messages say it (the label without its notes)."""
    name = name or label
    return forms.IntegerField(
        label=label,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": f"{name}应为整数",
            "required": f"请填写{name}",
            "min_value": f"{name}不能小于%(limit_value)s",
            "max_value": f"{name}不能大于%(limit_value)s",
        },
        **options,
    )


def form_faults(form: forms.Form) -> str:
    """A bound form's faults as one message, each naming its field: 公示天数：公示天数应为整数."""
    faults = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        faults += [error if str(label) in error else f"{label}：{error}" for error in errors]
    return "；".join(faults)


class ObjectionForm(forms.Form):
    indicator = forms.ChoiceField(label="指标")
    value = forms.DecimalField(
        label="应为数值",
        max_digits=24,
        decimal_places=8,
        required=False,
    )
    reason = forms.CharField(
        label="理由", max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    attachment = forms.FileField(
        label="附件（证明材料）",
        help_text=f"必传：PDF、JPG、PNG、DOCX或XLSX文件，不超过{ATTACHMENT_MAX_MB}MB",
    )

    def __init__(self, *args, indicators: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # a firm's register figures and per-亩 indicators with their units (issue 13, tryout
        # 23: 税收 is held in 万元; typed in 元 it would be 10,000 times too large)
        units = {**FIGURE_UNITS, **FIRM_UNITS}
        self.fields["indicator"].choices = [
            (name, f"{name}（{units[name]}）" if name in units else name) for name in indicators
        ]
        said = []
        if any(name in units for name in indicators):
            said.append("应为数值按所选指标的单位填写（见指标后的括号）")
        if VETO in indicators:
            said.append(f"对{VETO}提出异议（请求撤销否决）时不填")
        self.fields["value"].help_text = "；".join(said)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="处理", choices=[("accept", "采纳"), ("reject", "不予采纳")], widget=forms.RadioSelect
    )
    reason = forms.CharField(label="处理理由", max_length=2000, required=False)


class WhatIfForm(forms.Form):
    """假设分析 on the results page (GET: nothing is written): one unit's value supposed."""

    unit = forms.ChoiceField(label="单位")
    indicator = forms.ChoiceField(label="指标或事项")
    value = forms.CharField(
        label="假设数值",
        max_length=40,
        help_text="指标填数值；加分、扣分事项填次数；一票否决事项填“是”或“否”",
    )

    def __init__(self, *args, units: list[str], indicators: list[str], **kwargs) -> None:
        """`units` the units a what-if may be made on (not the exempt), `indicators` what it
        may change (`what_if.supposable`: indicators, 加分/扣分 and 一票否决 items)."""
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(name, name) for name in units]
        self.fields["indicator"].choices = [(name, name) for name in indicators]

    def clean_value(self) -> Decimal | bool:
        """A number, or 是/否 for a veto item: read as the command line's `--what-if` reads
        it (`what_if.parse_value`)."""
        try:
            return parse_value(self.cleaned_data["value"])
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None


class RunForm(forms.Form):
    """What the city office says of a cycle it assesses from sheets: the cycle, the scheme's
    name, the robustness check's runs, seed and naming threshold, and the publication days."""

    cycle = forms.CharField(
        label="考核周期", max_length=32, help_text="如“2025年度”“2025年第一季度”"
    )
    name = forms.CharField(label="考核办法名称", max_length=128, initial="综合考核")
    document_number = forms.CharField(
        label="考核办法文号（可选）",
        max_length=40,
        required=False,
        help_text="如“焦政办〔2025〕3号”，通报开头引用",
    )
    runs = whole_number("稳健性检验模拟次数", min_value=0, max_value=MAX_RUNS, initial=DEFAULT_RUNS)
    seed = whole_number("随机数种子", min_value=0, max_value=2**31 - 1, initial=0)
    threshold = forms.DecimalField(
        label="认定第一名或末位所需的概率",
        min_value=Decimal("0.0001"),
        max_value=Decimal(1),
        max_digits=5,
        decimal_places=4,
        initial=DEFAULT_NAMING_THRESHOLD,
    )
    days = whole_number(
        "公示天数",
        min_value=1,
        max_value=MAX_PUBLICATION_DAYS,
        initial=DEFAULT_PUBLICATION_DAYS,
    )
    year = whole_number(
        "数据年度（考核办法注明来源时必填）",
        "数据年度",
        min_value=2000,
        max_value=2100,
        required=False,
    )
    month = whole_number(
        "截至月份（如前三季度为9；注明来源时必填）",
        "截至月份",
        min_value=1,
        max_value=12,
        required=False,
    )


class CycleUploadForm(RunForm):
    """The cycle's sheets, in the formats `guanmo assess` reads, within the upload bound."""

    scheme = SheetFileField(
        label="考核办法表（一级指标、权重、二级指标、权重/分值、方向、计分方法、参数）"
    )
    values = SheetFileField(
        label="指标数值表（每行一个单位，每列一个指标；各指标都注明来源时可不上传）", required=False
    )
    previous = SheetFileField(label="上期位次表（单位、位次，可选）", required=False)


class ClassPoliciesForm(forms.Form):
    """A city's 差别化政策, a box per class (A类企业…), one line a policy. Each class needs a
    line; a line longer than `ClassPolicy.text` holds is refused naming its class and place."""

    def __init__(self, *args, initial_lines: dict[str, tuple[str, ...]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for grade, lines in initial_lines.items():
            self.fields[grade] = forms.CharField(
                label=f"{grade}类企业",
                required=False,
                initial="\n".join(lines),
                widget=forms.Textarea(attrs={"rows": max(3, len(lines) + 1)}),
                help_text="每行一条",
            )

    def clean(self) -> dict:
        longest = ClassPolicy._meta.get_field("text").max_length
        data = super().clean()
        self.lines: dict[str, list[str]] = {}
        for grade in self.fields:
            label = self.fields[grade].label
            lines = policy_lines(data.get(grade) or "")
            if not lines:
                self.add_error(grade, f"{label}：请至少填写一条政策")
            for place, line in enumerate(lines, start=1):
                if len(line) > longest:
                    self.add_error(grade, f"{label}第{place}条超过{longest}字")
            self.lines[grade] = lines
        return data
