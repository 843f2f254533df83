"""A 总投资 typed in 亿元 under a 万元 header, below its own year's plan, is named as the likely
slip, not the plan beside it (tryout 25 [3]: 总投资 12 under 总投资（万元） was reported as
「计划30000超过总投资12」, the right plan named as the fault)."""

from guanmo.ledger.services import import_ledger
from tests.ledger.sheets import ledger_xlsx
from tests.ledger.test_tryout_kinds import faults


def test_a_total_a_thousandth_of_its_plan_is_named_as_the_slip(city):
    sheet = ledger_xlsx(
        [1, "智能装备产业园", None, "武陟县", None, "续建", None, 12, 30000],
        [2, "融合计算中心", None, "武陟县", None, "续建", None, 50000, 12000],
    )

    report = import_ledger(sheet, city=city, year=2025, dry_run=True)

    assert faults(report) == [
        "第4行「总投资」：单元格H4为12万元，年度计划投资30000万元是其2500倍，疑为总投资以亿元填报"
        "（若为亿元则折合120000万元）；请核对单位后再导入"
    ]


def test_a_plan_a_little_over_its_total_is_still_the_plans_fault(city):
    sheet = ledger_xlsx([1, "智能装备产业园", None, "武陟县", None, "续建", None, 25000, 30000])

    report = import_ledger(sheet, city=city, year=2025, dry_run=True)

    assert faults(report) == ["第4行「年度计划投资」：30000万元，超过总投资25000万元"]


def test_a_plan_typed_in_yuan_is_not_blamed_on_the_total(city):
    """The plan far too large for any project is the slip (tryout 25 L4): the total is not."""
    sheet = ledger_xlsx(
        [1, "智能装备产业园", None, "武陟县", None, "续建", None, 30000, 100000000],
        [2, "融合计算中心", None, "武陟县", None, "续建", None, 50000, 12000],
    )

    report = import_ledger(sheet, city=city, year=2025, dry_run=True)

    assert not any("「总投资」" in fault for fault in faults(report))
    assert any("疑为以元填报" in fault for fault in faults(report))
