"""A refusal on the web upload says what to do on the page (the column map's “指定为”), never
the command line's --map; the command keeps its --map advice (tryout 14, W2: a county office
was told to type --map '累计完成投资=开工累计完成投资')."""

import io

from guanmo.ledger.services import import_progress
from guanmo.reporting.services import upload_sheet
from tests.sheets.files import Drawn, to_xlsx

# 武陟县冷链物流园 has 120万元 to March and a plan of 2000: 2500 to April jumps above both.
SINCE_START = Drawn(
    rows=[
        ["项目名称", "所在县区", "累计完成投资"],
        ["武陟县冷链物流园", "武陟县", 2500],
    ]
)


def test_the_web_upload_says_to_name_a_since_start_column_in_the_column_map(world, wuzhi_report):
    outcome = upload_sheet(
        wuzhi_report,
        io.BytesIO(to_xlsx(SINCE_START)),
        user=world.users["wuzhi"],
        version=wuzhi_report.version,
    )
    described = [outcome.describe(fault) for fault in outcome.faults]
    assert len(described) == 1
    assert "疑为自开工以来的累计（开累）" in described[0]
    assert "--map" not in described[0]
    assert (
        "如是开累，请在“列对应”中把「累计完成投资」一列的“指定为”改为「开工累计完成投资」"
        in described[0]
    )
    assert (
        "如确为本年累计，请在“列对应”中把「累计完成投资」一列的“指定为”改为「累计完成投资」"
        in (described[0])
    )
    assert "后点“重新识别”" in described[0]


def test_the_command_keeps_its_map_advice(world):
    report = import_progress(io.BytesIO(to_xlsx(SINCE_START)), city=world.city, year=2025, month=4)
    described = [report.describe(fault) for fault in report.faults]
    assert len(described) == 1
    assert "（--map '累计完成投资=开工累计完成投资'）" in described[0]
