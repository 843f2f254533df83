"""An indicator figure refused as a likely unit slip may be confirmed by the user who checked it,
as the progress import's are (`import-indicators --confirm-changes`, the import page's 确认修改):
a 1—2月 cumulative ten times a tiny 1月 is legitimate for some indicators early in the year.
Unconfirmed, it stays refused, saying how to confirm by where the import came from; confirmed,
it is stored and the report notes 已按确认导入 by cell (issue 9 leftovers)."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from guanmo.indicators.models import Indicator, IndicatorValue
from guanmo.indicators.services import install_indicator_catalogue
from guanmo.indicators.sheet_import import import_indicators
from guanmo.sheets.advice import Channel
from tests.indicators.sheets import write
from tests.sheets.files import Drawn, to_xlsx

DOUBT = "工作表「固定资产投资」第2行「固定资产投资」：单元格B2 6.2亿元，是1月累计0.5亿元的10倍左右"
ON_THE_COMMAND = (
    "如确为此数，请核对后确认（导入页勾选“确认修改”，命令行加 --confirm-changes）再导入"
)
ON_THE_PAGE = "如确为此数，请核对后确认（勾选“确认修改”）再导入"


def _store_january(city) -> None:
    """固定资产投资 of 1月 stored: 武陟县 0.5亿元 (a slow start), 温县 7.5亿元."""
    investment = Indicator.objects.get(city=city, name="固定资产投资")
    for name, value in (("武陟县", "0.5"), ("温县", "7.5")):
        IndicatorValue.objects.create(
            indicator=investment,
            region=city.children.get(name=name),
            year=2025,
            month=1,
            value=Decimal(value),
        )


@pytest.fixture
def january(city):
    _store_january(city)
    return city


SHEET = Drawn(
    [
        ["县（市、区）", "1—2月累计（亿元）", "增长（%）"],
        ["武陟县", 6.2, "5.2"],
        ["温县", 8, "3.1"],
    ],
    name="固定资产投资",
)


def _february(wuzhi) -> Decimal | None:
    found = IndicatorValue.objects.filter(region=wuzhi, year=2025, month=2).first()
    return found.value if found else None


def test_unconfirmed_a_tenfold_rise_stays_refused_saying_how_to_confirm(january, wuzhi, tmp_path):
    report = import_indicators(write(tmp_path, SHEET), city=january, year=2025, month=2)

    line = next(line for line in report.fault_lines if "单元格B2" in line)
    assert line.startswith(DOUBT) and line.endswith(ON_THE_COMMAND)
    assert _february(wuzhi) is None


def test_confirmed_it_is_stored_and_noted_by_cell(january, wuzhi, tmp_path):
    report = import_indicators(
        write(tmp_path, SHEET), city=january, year=2025, month=2, confirm_changes=True
    )

    assert report.ok, report.fault_lines
    assert (
        "工作表「固定资产投资」第2行“武陟县”：单元格B2 6.2亿元，是1月累计0.5亿元的10倍左右，"
        "疑为单位填错（表头写亿元，数字相差约10倍）；已按确认导入"
    ) in report.notes
    assert _february(wuzhi) == Decimal("6.2")


def test_the_command_takes_confirm_changes(january, wuzhi, tmp_path):
    path = write(tmp_path, SHEET)
    out = StringIO()

    call_command(
        "import-indicators", str(path), "--year", "2025", "--month", "2", "--confirm-changes",
        stdout=out,
    )  # fmt: skip

    assert "已按确认导入" in out.getvalue()
    assert _february(wuzhi) == Decimal("6.2")


def test_the_page_asks_to_tick_confirm_and_takes_it(client, world):
    install_indicator_catalogue(world.city)
    _store_january(world.city)
    client.force_login(world.users["city"])
    upload = SimpleUploadedFile("指标.xlsx", to_xlsx(SHEET))
    response = client.post(
        reverse("indicator_import"), {"year": 2025, "month": 2, "group": "", "sheet": upload}
    )
    preview = response["Location"]

    page = client.get(preview)
    text = page.content.decode()
    assert page.status_code == 400
    assert ON_THE_PAGE in text and "--confirm-changes" not in text
    assert 'id="confirm-changes"' in text

    kept = {"name": "指标.xlsx", "year": 2025, "month": 2, "group": "", "confirm_changes": "on"}
    checked = client.post(preview, {**kept, "action": "preview"})
    assert checked.status_code == 200
    assert "已按确认导入" in checked.content.decode()
    done = client.post(preview, {**kept, "action": "confirm"})
    assert done.status_code == 302
    assert _february(world.wuzhi) == Decimal("6.2")


def test_the_channel_decides_the_advice(january, tmp_path):
    report = import_indicators(
        write(tmp_path, SHEET), city=january, year=2025, month=2, channel=Channel.WEB
    )

    assert any(line.endswith(ON_THE_PAGE) for line in report.fault_lines)
