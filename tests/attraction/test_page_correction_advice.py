"""A re-import of the register that would overwrite a correction made on a lead's page says how
to confirm by where the import came from (`sheets.advice`, as the ledger and progress imports
do): on the web the page's 勾选“确认修改”, never the command's --confirm-changes; and it says the
correction's day in Chinese (2025年7月5日), not 2025-07-05 (issue 9 leftovers)."""

import re

from django.utils import timezone

from guanmo.attraction.models import LeadChange
from guanmo.attraction.sheet_import import import_attraction
from guanmo.sheets.advice import Channel
from tests.attraction.sheets import register, write
from tests.attraction.test_import_attraction import ROWS, _funds_corrected_on_the_page


def _refusal(city, tmp_path, channel: Channel) -> str:
    cold = _funds_corrected_on_the_page(city, tmp_path)
    report = import_attraction(
        write(tmp_path, register(ROWS)), city=city, year=2025, channel=channel
    )
    assert not report.ok
    corrected = LeadChange.objects.filter(lead=cold, import_record=None).latest("at")
    day = timezone.localdate(corrected.at)
    line = next(line for line in report.fault_lines if "在页面上" in line)
    assert f"已于{day.year}年{day.month}月{day.day}日在页面上由12000万元更正为11000万元" in line
    assert not re.search(r"\d{4}-\d\d-\d\d", line)
    return line


def test_the_web_is_told_to_tick_confirm(city, tmp_path):
    line = _refusal(city, tmp_path, Channel.WEB)

    assert line.endswith("如确需修改，请核对后确认修改（勾选“确认修改”）再导入")
    assert "--confirm-changes" not in line


def test_the_command_line_is_told_its_option(city, tmp_path):
    line = _refusal(city, tmp_path, Channel.COMMAND)

    assert "命令行加 --confirm-changes" in line
