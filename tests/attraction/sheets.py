"""Attraction registers (招商项目台账) as offices keep them, drawn in the tests."""

from pathlib import Path

from tests.sheets.files import Drawn, to_xls, to_xlsx

HEADER = [
    "序号",
    "项目名称",
    "投资方",
    "投资方所在地",
    "行业",
    "合同投资（万元）",
    "签约日期",
    "落地日期",
    "开工日期",
    "投产日期",
    "达产日期",
    "所在县区",
    "截至6月底累计到位资金（万元）",
]


def register(rows: list[list[object]], *, header=None, title="2025年招商引资项目台账") -> Drawn:
    return Drawn([[title], header or HEADER, *rows], name="招商项目")


def write(tmp_path: Path, drawn: Drawn, suffix: str = ".xlsx") -> Path:
    path = tmp_path / f"招商项目台账{suffix}"
    path.write_bytes(to_xlsx(drawn) if suffix == ".xlsx" else to_xls(drawn))
    return path
