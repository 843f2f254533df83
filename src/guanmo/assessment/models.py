"""Assessment schemes and issued results, frozen (issue 13: "a result can always be recomputed
exactly as issued").

A `Scheme` holds a cycle's 考核办法 as the JSON of `guanmo.assessment.definition.Definition`,
with its units and a hash of the definition; a `Result` holds its own copy of the definition
(as it stood when issued), the cycle's inputs, the simulation's runs, seed and threshold, and
the JSON it issued. The arithmetic is in the plain modules; the models only keep it.
"""

import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone

from guanmo import clock
from guanmo.assessment.definition import VETO, Definition, Inputs
from guanmo.assessment.firms import shown_figure
from guanmo.documents.models import IssuedDocument
from guanmo.figures.formatting import number
from guanmo.regions.models import Region
from guanmo.reporting.models import FieldChange

HASH_LENGTH = 64  # SHA-256 in hex
LIFTED = "撤销一票否决"  # what an objection to the veto claims


def _user(verbose_name: str) -> models.ForeignKey:
    """Who did something to a result or objection (None for the command line or a script)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )


class Scheme(models.Model):
    """An assessment scheme (考核办法) for one cycle of a city: the units assessed and the
    indicator tree, weights, 加分/扣分, 一票否决 and method, frozen as JSON with its hash."""

    city = models.ForeignKey(
        Region, verbose_name="城市", on_delete=models.PROTECT, related_name="assessment_schemes"
    )
    name = models.CharField("考核办法", max_length=128)
    # The 考核办法's own 发文字号, which the bulletin cites after its name (根据《…》（…）).
    document_number = models.CharField(
        "考核办法文号", max_length=40, blank=True, help_text="如：焦政办〔2025〕3号；无则留空"
    )
    cycle = models.CharField("考核周期", max_length=32, help_text="如“2025年度”“2025年第一季度”")
    units = models.JSONField("参评单位", default=list, help_text="单位名称，按排列顺序")
    firm_year = models.PositiveSmallIntegerField(
        "企业评价年度", null=True, blank=True, help_text="亩均效益评价的年度；单位考核为空"
    )
    definition = models.JSONField("指标体系及计分方法")
    definition_hash = models.CharField("指标体系哈希值", max_length=HASH_LENGTH)
    created_at = models.DateTimeField("创建时间", default=clock.now, editable=False)

    class Meta:
        verbose_name = verbose_name_plural = "考核办法"
        ordering = ["city", "-cycle", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["city", "cycle", "name"], name="assessment_scheme_once_a_cycle"
            )
        ]

    def __str__(self) -> str:
        return f"{self.cycle}{self.name}"


class Result(models.Model):
    """A result as issued: the scheme's definition as it stood, the inputs, the simulation's
    runs, seed and naming threshold, the issued JSON (`Outcome.as_json`) and the tables its
    page shows (`figures`).

    A result is published to the assessed units until `published_until` (公示期); an accepted
    objection replaces it by a corrected result (`supersedes` points back), and the last one
    is made final when every objection is decided."""

    class Status(models.TextChoices):
        PUBLISHED = "published", "公示中"
        SUPERSEDED = "superseded", "已更正"
        FINAL = "final", "已定稿"

    scheme = models.ForeignKey(
        Scheme, verbose_name="考核办法", on_delete=models.PROTECT, related_name="results"
    )
    definition = models.JSONField("签发时的指标体系及计分方法")
    definition_hash = models.CharField("指标体系哈希值", max_length=HASH_LENGTH)
    inputs = models.JSONField("指标数值、加减分、一票否决及上期位次")
    runs = models.PositiveIntegerField("模拟次数")
    seed = models.BigIntegerField("随机数种子")
    threshold = models.DecimalField("认定末位的概率", max_digits=5, decimal_places=4)
    output = models.JSONField("签发结果")
    # The results page's tables of the deterministic pass (breakdown with 加分/扣分, 并列 and
    # veto labels, points lost to the first), kept when computed so that a view computes
    # nothing (`exporters.text.page_figures`); {} for a result kept before they were.
    figures = models.JSONField("结果页面数据", default=dict, blank=True)
    status = models.CharField(
        "状态", max_length=16, choices=Status.choices, default=Status.PUBLISHED
    )
    published_until = models.DateField("公示截止日期", null=True, blank=True)
    supersedes = models.OneToOneField(
        "self",
        verbose_name="更正前的结果",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
    )
    finalised_at = models.DateTimeField("定稿时间", null=True, blank=True)
    issued_at = models.DateTimeField("签发时间", default=clock.now, editable=False)
    issued_by = _user("签发人")

    class Meta:
        verbose_name = verbose_name_plural = "考核结果"
        ordering = ["-issued_at"]

    def __str__(self) -> str:
        return f"{self.scheme}结果（{timezone.localdate(self.issued_at)}）"


class ResultChange(FieldChange):
    """One entry of a result's history beside its objections (the shared history shape,
    `reporting.models.FieldChange`): the bulletin's 成文日期 and its 印发, each with who and
    when (`at`, the installation's clock), written only by `bulletin.record_issue`.
    `new_value` holds a date as ISO (2025-12-08) and the 发文字号 as issued; pages say them
    through `history.history`."""

    DATED = "成文日期"  # `field` of the bulletin's 成文日期
    ISSUED = "印发"  # `field` of its 印发
    BULLETIN = "印发通报"  # `source` of both

    result = models.ForeignKey(
        Result, verbose_name="考核结果", on_delete=models.CASCADE, related_name="changes"
    )
    document = models.ForeignKey(
        IssuedDocument,
        verbose_name="文件",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField("时间", default=clock.now, editable=False)

    class Meta(FieldChange.Meta):
        verbose_name = verbose_name_plural = "考核结果记录"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.result} {self.field}：{self.new_value}"


def objection_file_path(objection: "Objection", filename: str) -> str:
    """Where an objection's attachment is filed: by the installation's month (`clock.today`,
    as every date of the app), in a folder of its own, assessment/objections/2025/12/<32 hex>/
    <name>, so that the name uploaded is kept whole and shown (`attachment_name`), never one
    storage made unique (沁阳异议函_pNtT6Qg.docx: issue 13, tryout 23)."""
    day = clock.today()
    return f"assessment/objections/{day:%Y}/{day:%m}/{uuid.uuid4().hex}/{filename}"


class Objection(models.Model):
    """A unit's objection (异议) to one of its indicator values in a published result: the value
    it claims, why, and an attachment; the office's decision with its reason, and the
    corrected result an accepted objection made. The objection is the assessed unit's own (a
    firm's to its firm result); `filed_by` says who filed it for a unit without an account."""

    class Status(models.TextChoices):
        PENDING = "pending", "待处理"
        ACCEPTED = "accepted", "已采纳"
        REJECTED = "rejected", "不予采纳"

    result = models.ForeignKey(
        Result, verbose_name="考核结果", on_delete=models.PROTECT, related_name="objections"
    )
    unit = models.CharField("提出单位", max_length=64)  # the unit assessed, whose value it is
    # Who filed it for the unit when the unit has no account of its own (a firm: its county's
    # office); "" when the unit filed it itself.
    filed_by = models.CharField("代为提出", max_length=64, blank=True)
    indicator = models.CharField("指标", max_length=64)
    value = models.DecimalField("应为数值", max_digits=24, decimal_places=8)
    reason = models.TextField("理由")
    attachment = models.FileField("附件", upload_to=objection_file_path, max_length=200, blank=True)
    raised_by = _user("提出人")
    raised_at = models.DateTimeField("提出时间", default=clock.now, editable=False)
    status = models.CharField(
        "处理结果", max_length=16, choices=Status.choices, default=Status.PENDING
    )
    decision_reason = models.TextField("处理理由", blank=True)
    decided_by = _user("处理人")
    decided_at = models.DateTimeField("处理时间", null=True, blank=True)
    corrected_result = models.ForeignKey(
        Result,
        verbose_name="更正后的结果",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = verbose_name_plural = "考核异议"
        ordering = ["raised_at", "pk"]

    def __str__(self) -> str:
        return f"{self.unit}对“{self.indicator}”的异议"

    @property
    def objector(self) -> str:
        """The unit objecting, as sentences name it: 丁（武陟县项目办代为提出）, 甲县."""
        return f"{self.unit}（{self.filed_by}代为提出）" if self.filed_by else self.unit

    @property
    def attachment_name(self) -> str:
        """The attachment's file name as filed (统计局函.pdf), without its folders; "" for none."""
        return self.attachment.name.rsplit("/", 1)[-1] if self.attachment else ""

    @property
    def claim_text(self) -> str:
        """The objection as the decision form says it: 武陟县对“投资完成率”提出异议，原值95，
        认为应为120; 沁阳市对“重大安全事故”一票否决提出异议，请求撤销 (issue 13, tryout 23)."""
        from guanmo.assessment.objections import subject  # objections imports the models

        named = subject(Definition.from_dict(self.result.definition), self.indicator)
        if self.indicator == VETO:
            return f"{self.objector}对{named}提出异议，请求撤销"
        return f"{self.objector}对{named}提出异议，原值{self.original}，认为应为{self.claimed}"

    @property
    def claimed(self) -> str:
        """The value claimed, shown as the result shows the input (`_shown`): 110, 95.5, 36.0;
        a firm's 4.75万元/亩, its 税收 23.75万元; 撤销一票否决 for an objection to the veto."""
        if self.indicator == VETO:
            return LIFTED
        return self._shown(self.value, Inputs.from_dict(self.result.inputs))

    @property
    def original(self) -> str:
        """The input objected to, as the result holds it (`objections.held_value`: the unit's
        value of the indicator, its target, register figure or count of a 加分/扣分 item),
        shown as `claimed` is; 无 when
        it has none; 一票否决 for the veto."""
        if self.indicator == VETO:
            return VETO
        from guanmo.assessment.objections import held_value  # objections imports the models

        inputs = Inputs.from_dict(self.result.inputs)
        held = held_value(inputs, self.unit, self.indicator)
        return "无" if held is None else self._shown(held, inputs)

    def _shown(self, value: Decimal, inputs: Inputs) -> str:
        """An input's value as shown: a register figure (a firm's 税收) as registered, its
        trailing zeros dropped; a firm result's computed values (亩均税收…) to two decimals,
        as the firm pages show them, since it holds unrounded quotients (issue 13:
        4.750000000000000000000000000); any other to its precision in the result
        (`Inputs.places`). Display only."""
        if self.result.scheme.firm_year is not None:  # with its unit: 税收300万元 (tryout 23)
            return shown_figure(self.indicator, value)
        if self.indicator in inputs.figures.get(self.unit, {}):
            return f"{value.normalize():f}"
        return number(value, inputs.places(self.indicator))


class Firm(models.Model):
    """A firm of the register 亩均效益评价 assesses: its 统一社会信用代码 (GB 32100-2015, check
    character verified on import), city, county (the unit whose office sees it, through
    `selectors.firms_for`) and park. Its land is a figure of each year (`FirmYear`)."""

    city = models.ForeignKey(
        Region, verbose_name="城市", on_delete=models.PROTECT, related_name="assessed_firms"
    )
    name = models.CharField("企业名称", max_length=128)
    credit_code = models.CharField("统一社会信用代码", max_length=18, unique=True)
    county = models.ForeignKey(
        Region,
        verbose_name="县（市、区）",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="firms",
        help_text="空：迁移前导入、县区名称无法识别的企业，只有市项目办可见",
    )
    park = models.CharField("园区", max_length=128, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "企业"
        ordering = ["county__sort_order", "county__code", "name"]

    def __str__(self) -> str:
        return self.name


def _money(verbose_name: str) -> models.DecimalField:
    return models.DecimalField(verbose_name, max_digits=20, decimal_places=6)


class FirmYear(models.Model):
    """A firm's figures for one year, as imported from tax, statistics and power data: land in
    亩 (the year's own, so that a new land figure leaves earlier years' per-亩 figures as they
    were), money in 万元, energy in 吨标准煤, emissions in 吨."""

    firm = models.ForeignKey(
        Firm, verbose_name="企业", on_delete=models.CASCADE, related_name="years"
    )
    year = models.PositiveSmallIntegerField("年度")
    land_area = models.DecimalField("用地面积（亩）", max_digits=14, decimal_places=4)
    tax = _money("税收（万元）")
    sales = _money("销售收入（万元）")
    value_added = _money("增加值（万元）")
    energy = models.DecimalField("综合能耗（吨标准煤）", max_digits=20, decimal_places=6)
    emissions = models.DecimalField("主要污染物排放量（吨）", max_digits=20, decimal_places=6)
    rd_spending = _money("研发经费（万元）")
    employees = models.PositiveIntegerField("从业人员（人）")

    class Meta:
        verbose_name = verbose_name_plural = "企业年度数据"
        ordering = ["firm", "year"]
        constraints = [
            models.UniqueConstraint(fields=["firm", "year"], name="assessment_firm_year_once")
        ]

    def __str__(self) -> str:
        return f"{self.firm}{self.year}年度"


class RatedFirm(models.Model):
    """A firm assessed under a firm scheme (亩均效益评价) and the unit name its results give it:
    what ties a result's lines to the register, so that each county office reaches only its
    own firms' lines (`selectors.firms_for`)."""

    scheme = models.ForeignKey(
        Scheme, verbose_name="评价办法", on_delete=models.CASCADE, related_name="rated_firms"
    )
    firm = models.ForeignKey(
        Firm, verbose_name="企业", on_delete=models.PROTECT, related_name="ratings"
    )
    unit = models.CharField("结果中的名称", max_length=160)

    class Meta:
        verbose_name = verbose_name_plural = "参评企业"
        constraints = [
            models.UniqueConstraint(fields=["scheme", "firm"], name="assessment_rated_firm_once"),
            models.UniqueConstraint(fields=["scheme", "unit"], name="assessment_rated_unit_once"),
        ]

    def __str__(self) -> str:
        return f"{self.scheme}：{self.unit}"


class ClassPolicy(models.Model):
    """One line of a city's 差别化政策 for firms of a class (亩均效益评价 A–D: 用地、用电、用水、
    排污、信贷…), in the order the city lists them. A class the city has no lines for follows
    the shipped default (`firms.POLICIES`, `selectors.class_policies`)."""

    class Grade(models.TextChoices):
        A = "A", "A类"
        B = "B", "B类"
        C = "C", "C类"
        D = "D", "D类"

    city = models.ForeignKey(
        Region, verbose_name="城市", on_delete=models.CASCADE, related_name="class_policies"
    )
    grade = models.CharField("等次", max_length=1, choices=Grade.choices)
    sort_order = models.PositiveSmallIntegerField("排列顺序", default=0)
    text = models.CharField(
        "政策内容", max_length=200, help_text="如“差别化电价：每千瓦时加价0.1元”"
    )

    class Meta:
        verbose_name = verbose_name_plural = "企业差别化政策"
        ordering = ["city", "grade", "sort_order", "pk"]

    def __str__(self) -> str:
        return f"{self.grade}类：{self.text}"


class ClassPolicyChange(FieldChange):
    """One change of a city's 差别化政策 for a class, as the page saves it (the shared history
    shape, `reporting.models.FieldChange`): `field` the class (C类), the lines before and after,
    one a line, who and when; written only by `policies.save_class_policies`."""

    PAGE = "差别化政策页面"  # `source` of a change made on the page

    city = models.ForeignKey(
        Region, verbose_name="城市", on_delete=models.CASCADE, related_name="+"
    )

    class Meta(FieldChange.Meta):
        verbose_name = verbose_name_plural = "企业差别化政策修改记录"

    def __str__(self) -> str:
        return f"{self.city} {self.field}：{self.old_value} → {self.new_value}"
