"""guanmo attraction-report: the funnel per unit with the city's total, by source, group and
industry, in text, JSON (the issue's keys exactly), .xlsx and .docx read back (issue 14)."""

import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook

from guanmo import clock
from guanmo.attraction.sheet_import import import_attraction
from guanmo.documents.official import chinese_date
from tests.attraction.sheets import register, write

FUNNEL_KEYS = [
    "region",
    "leads",
    "signed",
    "landed",
    "started",
    "producing",
    "at_capacity",
    "contract_investment",
    "funds_in_place",
    "signing_rate",
    "fulfilment_rate",
    "start_rate",
    "production_rate",
    "capacity_rate",
    "funds_rate",
]
# 武陟: three signed in 2025 (one started, one landed), one in talks; 温县: one signed and started
# in 2024, so not in 2025's base; 城乡一体化示范区: one in talks.
ROWS = [
    [1, "冷链产业园", "甲", "江苏省苏州市", "C38", 60000, "2025-01-15", "2025-03-01", "2025-04-20",
     None, None, "武陟县", 15000],
    [2, "传感器项目", "乙", "北京", "39", 20000, "2025-02-10", "2025-05-01", None, None, None,
     "武陟县", 0],
    [3, "新材料项目", "丙", "雄县", "C26", 6500, "2025-06-30", None, None, None, None, "武陟县",
     None],
    [4, "在谈项目", "丁", "深圳", "C39", None, None, None, None, None, None, "武陟县", None],
    [5, "去年项目", "戊", "上海", "C36", 30000, "2024-10-01", "2024-11-01", "2025-02-01", None,
     None, "温县", 1000],
    [6, "在谈医药", "己", "日本", "27", None, None, None, None, None, None, "城乡一体化示范区",
     None],
]  # fmt: skip


@pytest.fixture
def register_2025(city, tmp_path):
    report = import_attraction(write(tmp_path, register(ROWS)), city=city, year=2025)
    assert report.ok, [str(f) for f in report.faults]


def _json(capsys, *options: str) -> dict:
    call_command(
        "attraction-report", "--year", "2025", "--month", "6", "--format", "json", *options
    )
    return json.loads(capsys.readouterr().out)


def test_json_keeps_the_issues_keys_and_the_hand_worked_figures(register_2025, capsys):
    report = _json(capsys)

    assert report["period"] == {"year": 2025, "month": 6, "label": "2025年1—6月"}
    rows = {row["region"]: row for row in report["funnel"]}
    assert list(rows["全市"]) == FUNNEL_KEYS
    assert report["funnel"][0]["region"] == "全市"
    city = rows["全市"]
    # Leads: 武陟's four (the 2025 register's talks open from 1 January) and the zone's one.
    assert [city[key] for key in FUNNEL_KEYS[1:7]] == [5, 3, 2, 1, 0, 0]
    assert (city["contract_investment"], city["funds_in_place"]) == ("86500", "15000")
    assert city["signing_rate"] == "60.0"  # 3 ÷ 5
    assert city["fulfilment_rate"] == "66.7"  # 2 ÷ 3
    assert city["start_rate"] == "33.3"
    assert city["production_rate"] == "0.0"
    # 15000 ÷ (60000 + 20000) = 18.75: 新材料's blank funds cell is no record, left out of
    # both sides (tryout 32: it had counted 0, 17.3%).
    assert city["funds_rate"] == "18.8"
    assert rows["温县"]["signed"] == 0 and rows["温县"]["start_rate"] is None
    assert rows["城乡一体化示范区"]["leads"] == 1
    assert rows["城乡一体化示范区"]["signing_rate"] == "0.0"
    assert rows["修武县"]["signing_rate"] is None  # no leads: no rate, never 0%
    assert report["sentences"][0] == (
        "2025年1—6月，全市新增签约项目3个、合同投资8.7亿元，其中已开工1个，开工率33.3%。"
    )


def test_sources_groups_and_industries_are_counted_apart(register_2025, capsys):
    report = _json(capsys)

    sources = {row["region"]: row["signed"] for row in report["by_source"]}
    assert sources == {"上海市": 0, "北京市": 1, "境外": 0, "广东省": 0, "江苏省": 1, "河北省": 1}
    groups = {row["region"]: row["signed"] for row in report["by_source_group"]}
    assert groups == {"京津冀": 2, "长三角": 1, "珠三角": 0, "雄安": 1}
    industries = {row["region"]: row["signed"] for row in report["by_industry"]}
    assert industries == {"C 制造业": 3}
    days = {(d["from"], d["to"]): d["days"] for d in report["conversion_days"]}
    assert days["签约", "落地"] == "62.5"  # 冷链 45 days, 传感器 80 days: 125 ÷ 2
    assert days["落地", "开工"] == "50.0"


def test_warnings_are_judged_on_the_periods_end(register_2025, capsys):
    report = _json(capsys)

    kinds = {(w["project"], w["kind"]) for w in report["warnings"]}
    assert ("传感器项目", "落地未开工") not in kinds  # landed 1 May: two months by 30 June
    assert kinds == set()
    later = json.loads(
        (call_command("attraction-report", "--year", "2025", "--month", "9", "--format", "json"),
         capsys.readouterr().out)[1]
    )  # fmt: skip
    assert {(w["project"], w["kind"]) for w in later["warnings"]} == {("传感器项目", "落地未开工")}


def test_text_shows_rates_and_dashes(register_2025, capsys):
    call_command("attraction-report", "--year", "2025", "--month", "6")

    out = capsys.readouterr().out
    assert (
        "全市\t5\t3\t2\t1\t0\t0\t86,500.00\t15,000.00\t60.0%\t66.7%\t33.3%\t0.0%\t0.0%\t18.8%"
        in out
    )
    assert "修武县\t0\t0\t0\t0\t0\t0\t0.00\t0.00\t—\t—\t—\t—\t—\t—" in out
    assert "签约→落地\t62.5\t2" in out


def test_xlsx_reads_back_with_figures_as_numbers(register_2025, tmp_path):
    path = tmp_path / "招商.xlsx"

    call_command("attraction-report", "--year", "2025", "--month", "6", "--format", "xlsx",
                 "-o", str(path))  # fmt: skip

    sheet = load_workbook(path).worksheets[0]
    assert sheet.cell(1, 1).value == "2025年1—6月各县（市、区）、园区招商项目推进情况"
    header = [cell.value for cell in sheet[3]]
    assert header[:3] == ["地区", "洽谈项目（个）", "新签项目（个）"]
    city = [cell.value for cell in sheet[4]]
    assert city[0] == "全市" and city[2] == 3
    assert Decimal(str(city[7])) == Decimal("86500")
    assert Decimal(str(city[11])) == Decimal("0.333")  # 开工率 33.3% as Excel's fraction
    assert sheet.cell(4, 12).number_format == "0.0%"
    xiuwu = [cell.value for cell in sheet[4 + 1 + 4]]  # 全市, 解放, 中站, 马村, 山阳, 修武
    assert xiuwu[0] == "修武县" and xiuwu[9] is None  # no base: an empty cell, never 0%
    notes = [row[0] for row in sheet.iter_rows(values_only=True) if row[0]]
    assert "空白单元格表示无此数字（无基数的比率等，页面显示为“—”），不是0。" in notes


def test_docx_carries_the_sentences_and_the_units_table(register_2025, city, tmp_path):
    path = tmp_path / "招商.docx"

    call_command("attraction-report", "--year", "2025", "--month", "6", "--format", "docx",
                 "-o", str(path))  # fmt: skip

    document = Document(str(path))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "全市新增签约项目3个、合同投资8.7亿元，其中已开工1个，开工率33.3%。" in text
    # Every column of the units' funnel, in two portrait tables (tryout 16: 落地, 签约率, 投产率
    # and 达产率 were left out).
    counts, rates = ([[c.text for c in row.cells] for row in t.rows] for t in document.tables[:2])
    assert counts[0][:3] == ["地区", "洽谈项目（个）", "新签项目（个）"]
    assert counts[1] == ["全市", "5", "3", "2", "1", "0", "0", "86,500.00"]
    assert rates[0] == [
        "地区", "到位资金（万元）", "签约率", "履约率", "开工率", "投产率", "达产率", "资金到位率"
    ]  # fmt: skip
    assert rates[1] == ["全市", "15,000.00", "60.0%", "66.7%", "33.3%", "0.0%", "0.0%", "18.8%"]
    captions = [line for line in text.split("\n") if line.startswith("表")]
    assert captions[:2] == [
        "表1　各县（市、区）、园区招商项目推进情况（项目数和合同投资）",
        "表2　各县（市、区）、园区招商项目推进情况（到位资金和比率）",
    ]


def test_a_month_outside_the_year_is_refused(city):
    with pytest.raises(CommandError, match="月份应为1至12"):
        call_command("attraction-report", "--year", "2025", "--month", "13")


def test_land_idle_parcels_and_standards_are_reported(city, capsys):
    from guanmo.attraction.models import Parcel, ParkStandard

    wuzhi, park = city.children.get(name="武陟县"), city.children.get(name="武陟产业集聚区")
    ParkStandard.objects.create(park=park, investment_intensity=300, min_plot_ratio=1)
    Parcel.objects.create(
        city=city, county=wuzhi, park=park, name="甲", area=100, supplied_on=date(2023, 1, 1),
        started_on=date(2023, 6, 1), investment=20000, tax=500, plot_ratio=Decimal("1.2"),
    )  # fmt: skip
    Parcel.objects.create(
        city=city, county=wuzhi, park=park, name="乙", area=50, holder="某公司",
        supplied_on=date(2024, 6, 30),
    )  # fmt: skip

    report = _json(capsys)

    land = {row["region"]: row for row in report["land"]}
    assert list(land) == ["全市", "武陟产业集聚区"]  # counted once, in the park hosting them
    assert land["武陟产业集聚区"] == {
        "region": "武陟产业集聚区",
        "supplied": "150",
        "in_use": "100",
        "idle": "50",  # 乙: supplied 30 June 2024, a full year on 30 June 2025
        "idle_one_year": "50",
        "to_take_back": "0",
        "investment_per_mu": "200",  # 20000 ÷ 100, 甲's land: 乙 carries none
        "tax_per_mu": "5",
        "investment_base": {"parcels": 1, "area": "100"},
        "tax_base": {"parcels": 1, "area": "100"},
        "note": (
            "武陟产业集聚区亩均投资按有投资数据的1宗地、100亩计算，"
            "亩均税收按有税收数据的1宗地、100亩计算"
        ),
    }
    assert [(i["parcel"], i["step"]) for i in report["idle_land"]] == [("乙", "闲置满一年不满两年")]
    below = report["below_standard"]
    assert [(b["parcel"], b["investment_intensity"], b["standard"]) for b in below] == [
        ("甲", "200", "300")
    ]
    call_command("attraction-report", "--year", "2025", "--month", "6")
    out = capsys.readouterr().out
    assert "地区\t已供地\t已动工\t闲置土地\t满一年不满两年\t满两年\t亩均投资\t亩均税收" in out
    assert "武陟产业集聚区\t150.00\t100.00\t50.00\t50.00\t0.00\t200.00\t5.00" in out
    assert (
        "注：全市亩均投资按有投资数据的1宗地、100亩计算，亩均税收按有税收数据的1宗地、100亩计算；"
        "武陟产业集聚区亩均投资按有投资数据的1宗地、100亩计算，亩均税收按有税收数据的1宗地、100亩计算。"
    ) in out
    assert "乙（某公司）50亩闲置满一年不满两年" in out


NOTE_40_MU = (
    "全市亩均投资按有投资数据的1宗地、40亩计算；武陟县亩均投资按有投资数据的1宗地、40亩计算。"
)


def _two_parcels_one_with_investment(city) -> None:
    from guanmo.attraction.models import Parcel

    wuzhi = city.children.get(name="武陟县")
    for name, area, investment in [("甲", 40, 12000), ("乙", 160, None)]:
        Parcel.objects.create(
            city=city, county=wuzhi, name=name, area=area, investment=investment,
            supplied_on=date(2024, 1, 1), started_on=date(2024, 6, 1),
        )  # fmt: skip


def test_xlsx_land_sheet_gives_per_mu_over_the_parcels_with_the_figure_and_says_so(city, tmp_path):
    _two_parcels_one_with_investment(city)
    path = tmp_path / "招商.xlsx"

    call_command("attraction-report", "--year", "2025", "--month", "6", "--format", "xlsx",
                 "-o", str(path))  # fmt: skip

    sheet = load_workbook(path)["用地"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    whole = next(row for row in rows if row[0] == "全市")
    assert Decimal(str(whole[6])) == Decimal("300")  # 12000 ÷ 40, not ÷ 200 (60)
    assert whole[7] is None  # no parcel carries tax: an empty cell, never 0
    notes = [row[0] for row in rows if str(row[0]).startswith("注：")]
    assert notes == [NOTE_40_MU.replace("全市", "注：全市", 1)]


def test_docx_gives_the_land_table_with_its_note(city, tmp_path):
    _two_parcels_one_with_investment(city)
    path = tmp_path / "招商.docx"

    call_command("attraction-report", "--year", "2025", "--month", "6", "--format", "docx",
                 "-o", str(path))  # fmt: skip

    document = Document(str(path))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert NOTE_40_MU in text
    tables = [[[cell.text for cell in row.cells] for row in t.rows] for t in document.tables]
    land = next(rows for rows in tables if rows[0][:2] == ["地区", "已供地"])
    assert land[1] == ["全市", "200.00", "200.00", "0.00", "0.00", "0.00", "300.00", "—"]


def test_parks_figures_of_the_period_are_ranked_with_their_leading_share(city, capsys):
    from guanmo.attraction.models import ParkFigures

    demo_zone = city.children.get(name="城乡一体化示范区")
    wuzhi_park = city.children.get(name="武陟产业集聚区")
    ParkFigures.objects.create(
        park=demo_zone, year=2025, month=6, revenue=1500000, leading_revenue=894000
    )
    ParkFigures.objects.create(
        park=wuzhi_park,
        year=2025,
        month=6,
        revenue=2100000,
        leading_revenue=1575000,
        leading_share_target=Decimal("80.00"),
    )
    ParkFigures.objects.create(park=wuzhi_park, year=2025, month=5, revenue=1)

    parks = {row["park"]: row for row in _json(capsys)["parks"]}

    assert parks["城乡一体化示范区"]["leading_share"] == "59.6"
    assert parks["城乡一体化示范区"]["target"] == "70"
    assert parks["城乡一体化示范区"]["vs_target"] == "-10.4"
    assert (parks["武陟产业集聚区"]["target"], parks["武陟产业集聚区"]["vs_target"]) == (
        "80",
        "-5.0",
    )  # its own target: 75.0% against 80%
    assert (parks["武陟产业集聚区"]["revenue_rank"], parks["武陟产业集聚区"]["share_rank"]) == (
        1,
        1,
    )


def _lead_in(city, county, park, name, signed):
    from guanmo.attraction.models import Lead, StageDate
    from guanmo.attraction.stages import Stage

    lead = Lead.objects.create(
        city=city, county=county, park=park, name=name, register_year=2025,
        contract_investment=10000,
    )  # fmt: skip
    StageDate.objects.create(lead=lead, stage=Stage.SIGNED, reached=signed)
    return lead


def test_unit_rows_add_up_to_the_city_a_park_project_counted_once_in_its_park(city, capsys):
    from guanmo.attraction.models import Parcel

    wuzhi, park = city.children.get(name="武陟县"), city.children.get(name="武陟产业集聚区")
    _lead_in(city, wuzhi, park, "园区项目", date(2025, 2, 1))
    _lead_in(city, wuzhi, None, "县城项目", date(2025, 3, 1))
    Parcel.objects.create(city=city, county=wuzhi, park=park, name="甲", area=100,
                          supplied_on=date(2024, 1, 1))  # fmt: skip
    Parcel.objects.create(city=city, county=wuzhi, name="乙", area=40, supplied_on=date(2024, 1, 1))

    report = _json(capsys)

    city_row, *units = report["funnel"]
    assert city_row["region"] == "全市" and city_row["signed"] == 2
    assert sum(row["signed"] for row in units) == 2
    signed = {row["region"]: row["signed"] for row in units}
    assert (signed["武陟县"], signed["武陟产业集聚区"]) == (1, 1)
    whole, *land = report["land"]
    assert whole["supplied"] == "140"
    assert sum(Decimal(row["supplied"]) for row in land) == Decimal(140)
    assert {row["region"]: row["supplied"] for row in land} == {
        "武陟县": "40",
        "武陟产业集聚区": "100",
    }


def test_a_countys_own_report_counts_only_what_it_hosts_and_shows_no_park_row(city):
    from guanmo.attraction.report import build_unit_report

    xiuwu, zone = city.children.get(name="修武县"), city.children.get(name="城乡一体化示范区")
    _lead_in(city, xiuwu, zone, "示范区项目", date(2025, 2, 1))
    _lead_in(city, xiuwu, None, "修武项目", date(2025, 3, 1))

    report = build_unit_report(city, xiuwu, 2025, 6)

    assert [(name, figures.signed) for name, figures in report.funnel] == [("修武县", 1)]
    zone_report = build_unit_report(city, zone, 2025, 6)
    assert [(name, figures.signed) for name, figures in zone_report.funnel] == [
        ("城乡一体化示范区", 1)
    ]


@pytest.fixture
def land_and_parks(register_2025, city):
    """A parcel in 武陟's park and the demonstration zone's figures, beside the register."""
    from guanmo.attraction.models import Parcel, ParkFigures

    wuzhi, park = city.children.get(name="武陟县"), city.children.get(name="武陟产业集聚区")
    Parcel.objects.create(
        city=city, county=wuzhi, park=park, name="甲", area=100, supplied_on=date(2023, 1, 1),
        started_on=date(2023, 6, 1), investment=20000, tax=500,
    )  # fmt: skip
    ParkFigures.objects.create(
        park=city.children.get(name="城乡一体化示范区"), year=2025, month=9, revenue=1500000,
        leading_revenue=894000,
    )  # fmt: skip


def _written(tmp_path, format: str, month: int = 9):
    path = tmp_path / f"招商.{format}"
    call_command("attraction-report", "--year", "2025", "--month", str(month), "--format", format,
                 "-o", str(path))  # fmt: skip
    return path


def test_every_face_has_every_section_text_first(land_and_parks, capsys):
    """Text, .xlsx and .docx carry the same sections (attraction.sections); tryout 13: the
    .docx lacked the parks and the land, the .xlsx the warnings."""
    call_command("attraction-report", "--year", "2025", "--month", "9")

    out = capsys.readouterr().out
    for title in (
        "按重点区域",
        "阶段转化平均用时",
        "预警（截至2025年9月30日）",
        "用地情况",
        "园区主要指标",
    ):
        assert f"\n{title}" in out, title
    assert "传感器项目\t落地未开工\t" in out
    assert "城乡一体化示范区\t1,500,000.00\t1\t—\t59.6%\t70.0%\t-10.4" in out


def test_the_xlsx_has_a_sheet_for_every_section_the_warnings_too(land_and_parks, tmp_path):
    workbook = load_workbook(_written(tmp_path, "xlsx"))

    assert workbook.sheetnames == [
        "县区园区", "阶段转化率", "重点区域", "来源地", "行业", "转化用时", "预警", "用地", "园区"
    ]  # fmt: skip
    warnings = workbook["预警"]
    assert warnings.cell(1, 1).value == "2025年1—9月预警（截至2025年9月30日）"
    assert [cell.value for cell in warnings[2]] == ["项目名称", "预警", "情况"]  # no units row
    assert [cell.value for cell in warnings[3]][:2] == ["传感器项目", "落地未开工"]
    parks = workbook["园区"]
    row = [cell.value for cell in parks[4]]
    assert row[0] == "城乡一体化示范区" and Decimal(str(row[4])) == Decimal("0.596")


def test_the_docx_has_the_parks_the_land_and_the_date_under_the_issuer(land_and_parks, tmp_path):
    document = Document(str(_written(tmp_path, "docx")))

    text = [paragraph.text for paragraph in document.paragraphs]
    captions = [line for line in text if line.startswith("表")]
    assert [caption.split("　", 1)[1] for caption in captions][-2:] == [
        "用地情况（截至2025年9月30日）", "园区主要指标"
    ]  # fmt: skip
    tables = [
        [[cell.text for cell in row.cells] for row in table.rows] for table in document.tables
    ]
    land = next(rows for rows in tables if rows[0][0] == "地区" and "亩均税收" in rows[0])
    assert ["武陟产业集聚区", "100.00", "100.00", "0.00", "0.00", "0.00", "200.00", "5.00"] in land
    issued = [line.strip() for line in text if line.strip()]
    # Dated the day it is produced, as documents are (tryout 16: dated the period's end).
    assert chinese_date(clock.today()) in issued[-3:]


def test_the_command_picks_a_unit_a_source_or_an_industry_as_the_page_does(register_2025, capsys):
    group = _json(capsys, "--source", "京津冀")
    unit = _json(capsys, "--unit", "温县")

    assert group["funnel"][0]["region"] == "全市（投资方来自京津冀）"
    assert group["funnel"][0]["signed"] == 2  # 传感器 (北京), 新材料 (雄县)
    assert [row["region"] for row in unit["funnel"]] == ["温县"]
    with pytest.raises(CommandError, match="没有名为“某县”的县区或园区"):
        call_command("attraction-report", "--year", "2025", "--month", "6", "--unit", "某县")


def test_a_first_phase_built_with_no_second_is_reported_under_the_land(city, capsys):
    from guanmo.attraction.models import Parcel

    wuzhi = city.children.get(name="武陟县")
    first = Parcel.objects.create(
        city=city, county=wuzhi, name="武陟2022-001", holder="某公司", area=80, phase=1,
        supplied_on=date(2022, 3, 1), started_on=date(2022, 9, 1), completed_on=date(2024, 5, 20),
    )  # fmt: skip
    Parcel.objects.create(
        city=city, county=wuzhi, name="武陟2022-002", holder="某公司", area=120, phase=2,
        supplied_on=date(2022, 3, 1), project=None, lead=None,
    )  # fmt: skip
    Parcel.objects.filter(city=city).update(holder="某公司")
    assert first.phase == 1

    report = _json(capsys)
    call_command("attraction-report", "--year", "2025", "--month", "6")
    out = capsys.readouterr().out

    assert [gap["parcel"] for gap in report["first_phase_only"]] == ["武陟2022-001"]
    assert report["first_phase_only"][0]["waiting_area"] == "120"
    assert "武陟2022-001（某公司）一期于2024年5月20日建成，后续120亩用地至今未动工" in out


def test_xlsx_notes_are_written_as_text_never_as_formulas(land_and_parks, tmp_path, monkeypatch):
    """A section's note beginning with "=" (a park or county named so by an import) is written
    by the one writer that neutralises formulas (documents.formulas.put): it reads back as the
    text typed, a string cell, not a formula Excel or WPS would run."""
    from guanmo.attraction import report_output

    real = report_output.report_sections

    def with_a_formula_like_note(*args, **kwargs):
        sections = real(*args, **kwargs)
        sections[0].notes.append('=HYPERLINK("http://127.0.0.1/","点此")')
        return sections

    monkeypatch.setattr(report_output, "report_sections", with_a_formula_like_note)
    workbook = load_workbook(_written(tmp_path, "xlsx"))

    cells = [cell for row in workbook.worksheets[0].iter_rows() for cell in row]
    note = next(cell for cell in cells if str(cell.value).startswith("=HYPERLINK"))
    assert note.data_type == "s"
    assert note.value == '=HYPERLINK("http://127.0.0.1/","点此")'


def test_a_parks_own_report_has_its_land_and_its_figures_a_countys_only_its_own(
    land_and_parks, city
):
    """Tryout 16: 高新区's and 博爱县's pages had no 用地情况 or 园区 sections (`land: []`)."""
    from guanmo.attraction.report import build_unit_report

    park = city.children.get(name="武陟产业集聚区")
    zone = city.children.get(name="城乡一体化示范区")

    parks_own = build_unit_report(city, park, 2025, 9)
    zones_own = build_unit_report(city, zone, 2025, 9)
    county = build_unit_report(city, city.children.get(name="武陟县"), 2025, 9)

    assert [(name, land.supplied) for name, land in parks_own.land] == [("武陟产业集聚区", 100)]
    assert zones_own.land == [] and county.land == []
    assert [(facts.name, standing.revenue_rank) for facts, standing in zones_own.parks] == [
        ("城乡一体化示范区", 1)
    ]
    assert parks_own.parks == [] and county.parks == []


def test_the_conversion_between_consecutive_stages_is_in_every_face(register_2025, capsys):
    """全市: 5 leads, 3 signed, 2 landed, 1 started, none producing: 洽谈→签约 60.0%, 签约→落地
    66.7%, 落地→开工 50.0%, 开工→投产 0.0%, 投产→达产 — (no base)."""
    report = _json(capsys)

    city = report["conversion_rates"][0]
    assert city == {
        "region": "全市",
        "negotiating_to_signed": "60.0",
        "signed_to_landed": "66.7",
        "landed_to_started": "50.0",
        "started_to_producing": "0.0",
        "producing_to_at_capacity": None,
    }
    call_command("attraction-report", "--year", "2025", "--month", "6")
    text = capsys.readouterr().out
    assert "\n相邻阶段转化率\n" in text
    assert "全市\t60.0%\t66.7%\t50.0%\t0.0%\t—" in text


def test_parks_sharing_a_place_are_said_tied_in_every_face(land_and_parks, city, capsys, tmp_path):
    """Two parks with the same 主营业务收入 share 第1位: 1（并列） in the text, the .xlsx and
    the .docx, as the parks page says it (tryout 16: a bare 1 twice; the .docx had no 位次)."""
    from guanmo.attraction.models import ParkFigures

    ParkFigures.objects.create(
        park=city.children.get(name="武陟产业集聚区"), year=2025, month=9, revenue=1500000,
        leading_revenue=894000,
    )  # fmt: skip

    call_command("attraction-report", "--year", "2025", "--month", "9")
    out = capsys.readouterr().out
    assert "城乡一体化示范区\t1,500,000.00\t1（并列）\t" in out
    assert "武陟产业集聚区\t1,500,000.00\t1（并列）\t" in out

    sheet = load_workbook(_written(tmp_path, "xlsx"))["园区"]
    assert [row[2] for row in sheet.iter_rows(min_row=4, values_only=True)][:2] == [
        "1（并列）", "1（并列）"
    ]  # fmt: skip
    document = Document(str(_written(tmp_path, "docx")))
    parks = next(t for t in document.tables if t.rows[0].cells[0].text == "园区")
    assert [cell.text for cell in parks.rows[0].cells][:3] == [
        "园区",
        "主营业务收入（万元）",
        "位次",
    ]
    assert [row.cells[2].text for row in parks.rows[1:3]] == ["1（并列）", "1（并列）"]


@pytest.mark.parametrize(
    ("industry", "signed", "said"),
    [
        ("制造业", 3, "全市（C 制造业）"),  # the section by its name (tryout 22: 无新增签约项目)
        ("C", 3, "全市（C 制造业）"),
        ("C 制造业", 3, "全市（C 制造业）"),
        ("C38", 1, "全市（C38 电气机械和器材制造业）"),  # a division: 冷链产业园 only
        ("38", 1, "全市（C38 电气机械和器材制造业）"),
        ("电气机械和器材制造业", 1, "全市（C38 电气机械和器材制造业）"),
        ("C3811", 1, "全市（C38 电气机械和器材制造业）"),  # a 小类 is read as its division
    ],
)
def test_an_industry_is_taken_by_code_or_name_and_the_filter_said(
    register_2025, capsys, industry, signed, said
):
    report = _json(capsys, "--industry", industry)

    assert report["funnel"][0]["region"] == said
    assert report["funnel"][0]["signed"] == signed


def test_a_province_is_taken_by_its_short_name(register_2025, capsys):
    report = _json(capsys, "--source", "江苏")

    assert report["funnel"][0]["region"] == "全市（投资方来自江苏省）"
    assert report["funnel"][0]["signed"] == 1


@pytest.mark.parametrize(
    ("option", "value", "refusal"),
    [
        ("--industry", "制造", "“制造”不是国民经济行业分类（GB/T 4754—2017）的门类或大类.*制造业"),
        ("--industry", "汽车制造", "“汽车制造”不是.*C36 汽车制造业"),
        ("--source", "长三甬", "“长三甬”不是投资方来源.*长三角"),
        ("--source", "火星", "“火星”不是投资方来源"),
    ],
)
def test_an_unknown_industry_or_source_is_refused_naming_the_nearest(
    register_2025, option, value, refusal
):
    """Tryout 22: an unknown spelling printed 「全市（制造业）无新增签约项目」, 3 being signed."""
    with pytest.raises(CommandError, match=refusal):
        call_command("attraction-report", "--year", "2025", "--month", "6", option, value)


def _started_project_with_two_parcels(city) -> None:
    """示范区智能装备项目, started 2025-04-15, with SF-02 (no 实际动工日期) and SF-03 (started
    2025-05-01, not its project's day), 80亩 each, supplied 2023-03-01."""
    from guanmo.attraction.models import Parcel
    from guanmo.ledger.models import Milestone, MilestoneKind, Project

    zone = city.children.get(name="城乡一体化示范区")
    started = Project.objects.create(
        city=city, county=zone, name="示范区智能装备项目", entered_on=date(2025, 1, 1)
    )
    Milestone.objects.create(project=started, kind=MilestoneKind.STARTED, reached=date(2025, 4, 15))
    for name, own_start in [("SF-02", None), ("SF-03", date(2025, 5, 1))]:
        Parcel.objects.create(
            city=city, county=zone, park=zone, name=name, area=80, project=started,
            supplied_on=date(2023, 3, 1), started_on=own_start,
        )  # fmt: skip


def test_a_parcel_with_no_start_date_takes_its_projects_start_said_and_a_disagreement_flagged(
    city, capsys
):
    """Tryout 22: SF-02, whose ledger project started in April, was 闲置满两年 (无偿收回) because
    the parcel's own 实际动工日期 was blank."""
    _started_project_with_two_parcels(city)

    report = _json(capsys)

    assert report["idle_land"] == []
    assert {row["region"]: row["in_use"] for row in report["land"]}["全市"] == "160"
    assert "地块SF-02未填实际动工日期，按其项目开工日期2025年4月15日计。" in report["entry_notes"]
    assert report["checks"] == [
        "地块SF-03实际动工日期2025年5月1日与其项目开工日期2025年4月15日不一致，请核对。"
    ]


def test_a_parcel_short_of_a_zones_standard_is_listed_once(city, capsys):
    """Tryout 22: a parcel whose 所在县区 and 所在园区 are the same zone was listed twice."""
    from guanmo.attraction.models import Parcel, ParkStandard

    zone = city.children.get(name="城乡一体化示范区")
    ParkStandard.objects.create(park=zone, investment_intensity=350, min_plot_ratio="1.2")
    Parcel.objects.create(
        city=city, county=zone, park=zone, name="SF-01", area=100, investment=20000,
        supplied_on=date(2024, 1, 1), started_on=date(2024, 6, 1),
    )  # fmt: skip

    report = _json(capsys)

    assert [row["parcel"] for row in report["below_standard"]] == ["SF-01"]


def test_a_later_phase_without_its_own_start_is_not_started_on_its_projects_start(city, capsys):
    """Tryout 28: 沁阳2024-02地块 (期次2, 实际动工 blank) took its project's 开工 (the first
    phase's), so its 40亩 counted in use and 一期建成后不上后续项目 was lost. A project's 开工
    stands for its first phase's parcel only."""
    from guanmo.attraction.models import Parcel
    from guanmo.ledger.models import Milestone, MilestoneKind, Project

    zone = city.children.get(name="城乡一体化示范区")
    project = Project.objects.create(
        city=city, county=zone, name="深圳智能装备项目", entered_on=date(2025, 1, 1)
    )
    Milestone.objects.create(project=project, kind=MilestoneKind.STARTED, reached=date(2025, 3, 10))
    Parcel.objects.create(
        city=city, county=zone, park=zone, name="一期地块", area=60, project=project, phase=1,
        supplied_on=date(2023, 1, 1), completed_on=date(2024, 6, 30),
    )  # fmt: skip
    Parcel.objects.create(
        city=city, county=zone, park=zone, name="二期地块", area=40, project=project, phase=2,
        supplied_on=date(2024, 5, 1), agreed_start_on=date(2024, 10, 1),
    )  # fmt: skip

    report = _json(capsys, "--month", "11")

    land = {row["region"]: row for row in report["land"]}["全市"]
    assert (land["supplied"], land["in_use"]) == ("100", "60")
    assert [(idle["parcel"], idle["step"]) for idle in report["idle_land"]] == [
        ("二期地块", "闲置满一年不满两年")
    ]
    assert [gap["waiting"] for gap in report["first_phase_only"]] == [["二期地块"]]
    notes = report["entry_notes"]
    assert "地块一期地块未填实际动工日期，按其项目开工日期2025年3月10日计。" in notes
    assert (
        "地块二期地块为项目第2期用地，未填实际动工日期，项目开工日期只代表一期，按未动工计。"
        in report["entry_notes"]
    )


def test_a_parcel_supplied_after_the_period_is_not_listed_short_of_its_standard(city, capsys):
    """Tryout 28: 孟州2025-017, supplied 2025-12-10, was listed 容积率0.60，低于下限0.80 in the
    1—11月 report whose land table (截至2025年11月30日) rightly left it out."""
    from guanmo.attraction.models import Parcel, ParkStandard

    zone = city.children.get(name="城乡一体化示范区")
    ParkStandard.objects.create(park=zone, investment_intensity=350, min_plot_ratio="0.8")
    for name, supplied in [("SF-01", date(2025, 11, 30)), ("SF-02", date(2025, 12, 10))]:
        Parcel.objects.create(
            city=city, county=zone, park=zone, name=name, area=100, plot_ratio="0.6",
            supplied_on=supplied,
        )  # fmt: skip

    report = _json(capsys, "--month", "11")

    assert [row["parcel"] for row in report["below_standard"]] == ["SF-01"]
    assert {row["region"]: row["supplied"] for row in report["land"]}["全市"] == "100"


def test_checking_notes_stay_out_of_the_issued_docx(city, capsys, tmp_path):
    """Tryout 28: the official .docx carried 「…与其项目开工日期…不一致，请核对。」 in its
    body, among the sentences addressed to 各县（市、区）人民政府; the text and JSON keep it for
    the office; a note of how a blank was read (按其项目开工日期…计) is said in the text and the
    JSON, never in the .docx either (tryout 32)."""
    _started_project_with_two_parcels(city)
    check = "地块SF-03实际动工日期2025年5月1日与其项目开工日期2025年4月15日不一致，请核对。"
    explained = "地块SF-02未填实际动工日期，按其项目开工日期2025年4月15日计。"
    document = tmp_path / "招商.docx"

    call_command("attraction-report", "--year", "2025", "--month", "6")
    text = capsys.readouterr().out
    call_command(
        "attraction-report", "--year", "2025", "--month", "6", "--format", "docx",
        "--output", str(document),
    )  # fmt: skip

    assert check in text and explained in text
    issued = "\n".join(paragraph.text for paragraph in Document(document).paragraphs)
    assert "请核对" not in issued
    assert explained not in issued
    assert "未填实际动工日期" not in issued
