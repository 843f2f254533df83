"""The county's upload preview says a 本月 typed in 元 (1500000 for 150万元) as a unit slip of
its cell, first, as `import-progress` does (tests/ledger/test_progress_month_in_yuan.py; issue
9), never blaming the cumulative or 开累 beside it."""

from tests.ledger.test_progress_month_in_yuan import CHECK_UNIT
from tests.reporting.test_upload_fault_advice import preview


def test_the_countys_upload_says_the_slip_of_the_cell(wuzhi_client, wuzhi_report):
    """武陟县智能装备产业园 reported 100, 150, 150 in 1—3月 (400 by March); April's 150万元 is
    typed 1500000 beside its right 1—4月累计 550."""
    text = preview(
        wuzhi_client,
        wuzhi_report,
        [
            ["项目名称", "本月完成投资（万元）", "累计完成投资（万元）"],
            ["武陟县智能装备产业园", 1500000, 550],
            ["武陟县冷链物流园", 35, 155],
        ],
    )

    assert (
        "工作表「Sheet1」第2行列B「本月完成投资（万元）」为1500000万元，大于1—4月累计550万元"
        "（C2）；除以10000为150万元，正是1—4月累计减3月累计400万元，" + CHECK_UNIT
    ) in text
    assert "开累" not in text and "不能超过" not in text
