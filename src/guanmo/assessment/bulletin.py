"""What an issued result's bulletin (综合评价结果通报) says beside its figures (tryout 19): the
opening that cites the scheme and the cycle, the 公示 and how objections were handled, and for
a firm scheme (亩均效益评价) the firms of each class with the class's 差别化政策; and the
bulletin's 成文日期 and 印发 kept in the result's history (`ResultChange`).

Shapes: `facts_of(result)` gives a `BulletinFacts` that `exporters.docx.results_docx` lays out
through the common document builder; `record_issue` writes the history entries in the
transaction that issues the document. Dates are said by the one formatter,
`documents.official.chinese_date` (2025年12月8日).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.utils.timezone import localdate

from guanmo.accounts.models import User
from guanmo.assessment.definition import VETO, Definition
from guanmo.assessment.history import chain_to, moved, tied_units
from guanmo.assessment.models import LIFTED, Objection, Result, ResultChange, Scheme
from guanmo.assessment.objections import input_unit, subject
from guanmo.assessment.outcome import Outcome
from guanmo.assessment.selectors import class_policies as city_class_policies
from guanmo.assessment.sources import Domain
from guanmo.documents.models import IssuedDocument
from guanmo.documents.official import chinese_date

# Where a scheme's values came from, as the opening says it after 经 (by the domain a sourced
# indicator names, `sources.Domain`; a value given or typed is the units' own report).
SOURCE_WORDS = {
    Domain.LEDGER: "重点项目台账数据",
    Domain.OBSERVATION: "观摩评比得分",
    Domain.SUPERVISION: "督查督办数据",
    Domain.REPORTING: "月度报送情况",
    Domain.INDICATORS: "主要指标调度数据",
    Domain.PARKS: "园区统计数据",
}
REPORTED = "各单位报送的指标数据"
FIRM_DATA = "税务、统计、电力等部门提供的企业用地、税收、销售收入和能耗数据"
UNRATED = "不参评"


@dataclass(frozen=True)
class FirmClass:
    """A class of a firm result as the bulletin lists it: the class (A…D, or 不参评), its firms
    in rank order and the class's 差别化政策 (none for 不参评)."""

    grade: str
    firms: tuple[str, ...]
    policies: tuple[str, ...]

    @property
    def label(self) -> str:
        """A类企业, or 不参评企业."""
        return f"{UNRATED}企业" if self.grade == UNRATED else f"{self.grade}类企业"


@dataclass(frozen=True)
class BulletinFacts:
    """What the bulletin of an issued result says beside the figures: `opening` (根据《…》…
    通报如下：), `publicity` (the 公示 and the objections; "" for a result never published)
    and, for a firm scheme, `firm_classes` (empty for a unit scheme)."""

    opening: str
    publicity: str = ""
    firm_classes: tuple[FirmClass, ...] = field(default_factory=tuple)
    # each decided objection named, said after the publicity: the accepted with their
    # correction (`correction_sentence`), then the rejected with the reason (`kept_sentence`)
    corrections: tuple[str, ...] = field(default_factory=tuple)


def class_policies(scheme: Scheme) -> Mapping[str, Sequence[str]]:
    """The 差别化政策 of each class of a firm scheme, {class: policy lines}, classes in order:
    the one place the bulletin reads them from, the city's as it keeps them
    (`selectors.class_policies`: its own lines, the shipped default for a class without)."""
    return city_class_policies(scheme.city)


def data_sources(definition: Definition, *, firms: bool) -> str:
    """Where the result's values came from, as the opening says it after 经: the domains its
    indicators name as sources (`SOURCE_WORDS`), in the scheme's order, and the units' own
    report for values given in the sheet; for a firm scheme the register's departments'
    data (`FIRM_DATA`, issue 13: "as imported from tax, statistics and power data")."""
    if firms:
        return FIRM_DATA
    said = []
    for row in definition.indicators:
        domain = row.source.split(":", 1)[0] if row.source else ""
        words = SOURCE_WORDS.get(domain, REPORTED)
        if words not in said:
            said.append(words)
    return "、".join(said[:-1]) + ("和" if len(said) > 1 else "") + said[-1]


def opening_sentence(scheme_name: str, document_number: str, sources: str, cycle: str) -> str:
    """根据《<考核办法名称>》（<文号>），经对<数据来源>审核计分，现将<周期><考核名称>结果通报如下：
    the 文号 and its brackets left out when the scheme has none; the assessment named in the
    scheme's own word, as the title names it (综合考核, not 综合评价: issue 13, tryout 23)."""
    number = f"（{document_number}）" if document_number else ""
    named = scheme_name.removesuffix("办法")
    return f"根据《{scheme_name}》{number}，经对{sources}审核计分，现将{cycle}{named}结果通报如下："


def publicity_sentence(
    start: date | None,
    until: date | None,
    *,
    received: int,
    accepted: int,
    kept: int,
    pending: int = 0,
    firms: bool = False,
) -> str:
    """The 公示 and the objections in one paragraph: 考核结果于2025年12月1日至2025年12月5日向
    各参评单位公示，公示期内收到异议2件，采纳1件，维持1件。(or 公示期内未收到异议); an
    accepted objection's correction said to be in the figures; "" when the result was never
    published (`until` None and no objection)."""
    if until is None and received == 0:
        return ""
    whom = "参评企业所在县（市、区）" if firms else "各参评单位"
    said = "考核结果公示期间"
    if until is not None:
        said = f"考核结果于{chinese_date(start)}至{chinese_date(until)}向{whom}公示，公示期内"
    if received == 0:
        return f"{said}未收到异议。"
    said += f"收到异议{received}件，采纳{accepted}件，维持{kept}件"
    if pending:
        said += f"，尚有{pending}件待处理"
    if accepted:
        said += "；采纳的异议已更正相应数值并重新计算，本通报为更正后的结果"
    return f"{said}。"


def correction_sentence(objection: Objection) -> str:
    """An accepted objection as the bulletin names it, from the stored objection and the
    results before and after its correction (`history.correction_effect`'s words for the
    unit): 丁县对“问题办结天数”的异议予以采纳，数值由20更正为6，重新计算后丁县综合得分由0.00分
    变为40.00分，位次由第5位变为第3位。 Values with their unit (`objections.input_unit`; a firm
    result's as its pages show them, unit included); a veto lifted: 予以采纳，撤销一票否决，…"""
    result = objection.result
    definition = Definition.from_dict(result.definition)
    named = f"{objection.objector}对{subject(definition, objection.indicator)}的异议予以采纳"
    if objection.indicator == VETO:
        made = LIFTED
    else:
        firm = result.scheme.firm_year is not None  # a firm's values are shown with theirs
        measure = "" if firm else input_unit(definition, objection.indicator)
        original = objection.original
        was = original if original == "无" else f"{original}{measure}"
        made = f"数值由{was}更正为{objection.claimed}{measure}"
    corrected = objection.corrected_result
    line = next(u for u in corrected.output["units"] if u["unit"] == objection.unit)
    earlier = corrected.supersedes.output["units"]
    before = {u["unit"]: u for u in earlier}.get(objection.unit)
    tied = (
        objection.unit in tied_units(earlier),
        objection.unit in tied_units(corrected.output["units"]),
    )
    return f"{named}，{made}，重新计算后{moved(objection.unit, before, line, tied)}。"


def kept_sentence(objection: Objection) -> str:
    """A rejected objection as the bulletin names it, with the reason the office gave (required
    on rejecting): 修武县对“固投增速”的异议经复核维持原结果（口径一致）。 (tryout 30: only
    counted)."""
    definition = Definition.from_dict(objection.result.definition)
    reason = objection.decision_reason.strip().rstrip("。；;.")
    return (
        f"{objection.objector}对{subject(definition, objection.indicator)}的异议经复核维持原结果"
        + (f"（{reason}）" if reason else "")
        + "。"
    )


def firm_classes(outcome: Outcome, policies: Mapping[str, Sequence[str]]) -> list[FirmClass]:
    """The firms of each class in rank order, each class with its policies: the classes of
    `policies` in their order, then any other class the result gives, then the firms it left
    unclassed (不参评) without policies; a class no firm is in is left out."""
    by_grade: dict[str, list[str]] = {grade: [] for grade in policies}
    for line in outcome.lines:
        by_grade.setdefault(line.grade or UNRATED, []).append(line.unit)
    unrated = by_grade.pop(UNRATED, [])
    said = [
        FirmClass(grade, tuple(firms), tuple(policies.get(grade, ())))
        for grade, firms in by_grade.items()
        if firms
    ]
    if unrated:
        said.append(FirmClass(UNRATED, tuple(unrated), ()))
    return said


def facts_of(result: Result, outcome: Outcome) -> BulletinFacts:
    """The bulletin's words of `result` (its `outcome` recomputed from what it froze): the
    opening from its scheme (name, 文号) and cycle, the 公示 from the first issue of its chain
    to `published_until` with the objections raised to any result of the chain, and for a
    firm scheme (`Scheme.firm_year` set) its firms by class with `class_policies`."""
    scheme = result.scheme
    firms = scheme.firm_year is not None
    definition = Definition.from_dict(result.definition)
    chain = chain_to(result)
    objections = Objection.objects.filter(result__in=chain)
    status = Objection.Status
    publicity = publicity_sentence(
        localdate(chain[0].issued_at),
        result.published_until,
        received=objections.count(),
        accepted=objections.filter(status=status.ACCEPTED).count(),
        kept=objections.filter(status=status.REJECTED).count(),
        pending=objections.filter(status=status.PENDING).count(),
        firms=firms,
    )
    return BulletinFacts(
        opening=opening_sentence(
            scheme.name,
            scheme.document_number,
            data_sources(definition, firms=firms),
            scheme.cycle,
        ),
        publicity=publicity,
        firm_classes=tuple(firm_classes(outcome, class_policies(scheme))) if firms else (),
        corrections=tuple(
            correction_sentence(objection)
            for objection in objections.filter(status=status.ACCEPTED)
            .select_related("result__scheme", "corrected_result__supersedes")
            .order_by("decided_at", "pk")
        )
        + tuple(
            kept_sentence(objection)
            for objection in objections.filter(status=status.REJECTED)
            .select_related("result")
            .order_by("decided_at", "pk")
        ),
    )


def record_issue(result: Result, document: IssuedDocument, user: User | None) -> None:
    """Keep the bulletin's 成文日期 and its 印发 (the 发文字号, at the installation's clock)
    as the result's history entries; call in the transaction that issues the document."""
    entries = (
        (ResultChange.DATED, document.dated.isoformat()),
        (ResultChange.ISSUED, document.number),
    )
    for name, value in entries:
        ResultChange.objects.create(
            result=result,
            document=document,
            field=name,
            new_value=value,
            source=ResultChange.BULLETIN,
            user=user,
        )
