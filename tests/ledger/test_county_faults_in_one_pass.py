"""Every row whose county sources disagree is named in one pass (tryout 31, finding 7, X1/X2).

Checked, not changed: a project code of 中站区 under 「一、武陟县」 and a 马村区 row against a 温县
code are both named at once; in X1 the 中站区 row stood below a 武陟县小计 that adds up, which
closes the 武陟县 block, so that row is placed by its code and is no fault (only row 9 is)."""

from guanmo.ledger.services import import_ledger
from tests.ledger.sheets import xlsx

HEADING = [
    ["2025年焦作市第二批重点项目"],
    ["单位：万元"],
    ["项目名称", "项目代码", "所在县区", "总投资", "2025年计划投资"],
    ["一、武陟县"],
    ["武陟县至温县滩区道路", None, "武陟县、温县", 20000, 5000],
    ["武陟县智慧仓储中心", None, "武陟县", 10000, 4000],
]
ZHONGZHAN = ["中站区新能源装备项目", "2025-410803-35-03-000789", None, 12000, 3000]
MACUN = ["马村区物流港", "2025-410825-59-01-000111", "马村区", 8000, 2000]


def faults(rows, city) -> list[str]:
    report = import_ledger(xlsx(rows, title="新增项目"), city=city, year=2025, dry_run=True)
    return [str(fault) for fault in report.faults]


def test_both_rows_under_the_heading_are_named_at_once(city):
    assert faults([*HEADING, ZHONGZHAN, MACUN], city) == [
        "第7行：所在标题行为武陟县，「项目代码」为2025-410803-35-03-000789（中站区），不一致，"
        "未写入任何数据",
        "第8行：所在标题行为武陟县，「所在县区」列为马村区，「项目代码」为2025-410825-59-01-000111"
        "（温县），不一致，未写入任何数据",
    ]


def test_a_row_below_a_subtotal_that_adds_up_is_placed_by_its_code(city):
    subtotal = ["武陟县小计", None, None, 30000, 9000]
    assert faults([*HEADING, subtotal, ZHONGZHAN, MACUN], city) == [
        "第9行：「所在县区」列为马村区，「项目代码」为2025-410825-59-01-000111（温县），不一致，"
        "未写入任何数据"
    ]
    assert faults([*HEADING, subtotal, ZHONGZHAN], city) == []
