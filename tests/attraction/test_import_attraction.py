"""guanmo import-attraction: the register read through the ledger's sheet reading, every fault
named by row and column in Chinese, all or nothing, a started lead made a ledger project, and
every change kept with the import that made it (issue 14)."""

import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from guanmo.accounts.models import Role, User
from guanmo.attraction.models import FundsInPlace, Lead, LeadChange
from guanmo.attraction.selectors import facts as lead_facts
from guanmo.attraction.selectors import stage_dates
from guanmo.attraction.services import record_stage
from guanmo.attraction.sheet_import import import_attraction
from guanmo.attraction.stages import Stage
from guanmo.ledger.models import Project
from guanmo.reporting.models import FigureChange, ImportRecord
from tests.attraction.sheets import HEADER, register, write

ROWS = [
    [1, "香雪海冷链产业园", "香雪海家电集团", "江苏省苏州市", "C38", 86000, "2025-01-15",
     "2025-03-01", "2025-04-20", None, None, "武陟县", 12000],
    [2, "智能传感器项目", "杭州某科技公司", "杭州", "计算机、通信和其他电子设备制造业", "3.5亿元",
     "2025-02-10", None, None, None, None, "温县", 0],
    [3, "生物医药中试基地", "某医药集团", "境外：新加坡", "27", None, None, None, None, None, None,
     "城乡一体化示范区", None],
]  # fmt: skip


def _stage(lead: Lead, stage: Stage) -> date | None:
    return stage_dates(lead).get(stage, (None, None))[1]


def test_a_register_is_stored_lead_by_lead_with_its_stages_funds_and_sources(city, tmp_path):
    report = import_attraction(write(tmp_path, register(ROWS)), city=city, year=2025)

    assert report.ok, [str(f) for f in report.faults]
    assert (report.created, report.updated) == (3, 0)
    cold = Lead.objects.get(name="香雪海冷链产业园")
    assert (cold.county.name, cold.origin.name, cold.industry_code) == ("武陟县", "苏州市", "38")
    assert cold.contract_investment == Decimal("86000")
    assert _stage(cold, Stage.SIGNED) == date(2025, 1, 15)
    assert _stage(cold, Stage.STARTED) == date(2025, 4, 20)
    assert FundsInPlace.objects.get(lead=cold).cumulative == Decimal("12000")
    assert (
        FundsInPlace.objects.get(lead=cold).year,
        FundsInPlace.objects.get(lead=cold).month,
    ) == (
        2025,
        6,
    )
    sensor = Lead.objects.get(name="智能传感器项目")
    assert sensor.contract_investment == Decimal("35000")  # 3.5亿元 in the cell
    assert sensor.origin.name == "杭州市" and sensor.industry_code == "39"
    pharma = Lead.objects.get(name="生物医药中试基地")
    assert (pharma.abroad, pharma.origin_abroad, pharma.origin) == (True, "新加坡", None)
    assert pharma.contract_investment is None and pharma.register_year == 2025
    assert any("到位资金按截至2025年6月底的签约以来累计读取（据表头）" in n for n in report.notes)


def test_a_lead_that_has_started_becomes_a_ledger_project(city, tmp_path):
    report = import_attraction(write(tmp_path, register(ROWS)), city=city, year=2025)

    cold = Lead.objects.get(name="香雪海冷链产业园")
    project = cold.project
    assert project is not None and Lead.objects.get(name="智能传感器项目").project is None
    assert (project.name, project.county.name, project.owner) == (
        "香雪海冷链产业园",
        "武陟县",
        "香雪海家电集团",
    )
    assert (project.total_investment, project.start_year) == (Decimal("86000"), 2025)
    assert project.industry == "电气机械和器材制造业"
    change = FigureChange.objects.get(project=project, field="招商项目")
    assert change.source == "招商引资"
    assert any("转入重点项目台账，新建重点项目“香雪海冷链产业园”" in note for note in report.notes)


def test_a_lead_linked_to_a_ledger_project_is_said_linked_not_created(city, tmp_path):
    """Tryout 22: 「转入重点项目台账」 said both when a project was made and when one was found."""
    Project.objects.create(
        city=city, county=city.children.get(name="武陟县"), name="香雪海冷链产业园", stage="新开工"
    )

    report = import_attraction(write(tmp_path, register(ROWS)), city=city, year=2025)

    assert report.ok, [str(f) for f in report.faults]
    assert any(
        "转入重点项目台账，与台账中已有的重点项目“香雪海冷链产业园”关联" in note
        for note in report.notes
    )
    assert Project.objects.filter(name="香雪海冷链产业园").count() == 1


def test_a_lead_started_on_a_continuing_projects_name_is_a_fault_naming_both(city, tmp_path):
    """Tryout 22: a 续建 project found by name was given the lead's 开工, silently."""
    Project.objects.create(
        city=city, county=city.children.get(name="武陟县"), name="香雪海冷链产业园", stage="续建",
        start_year=2024,
    )  # fmt: skip

    report = import_attraction(write(tmp_path, register(ROWS)), city=city, year=2025)

    assert not report.ok
    assert any("（续建项目，2024年开工）不一致" in str(fault) for fault in report.faults)


def test_a_started_lead_links_to_the_ledger_project_already_there(city, tmp_path):
    wuzhi = city.children.get(name="武陟县")
    existing = Project.objects.create(
        city=city, county=wuzhi, name="香雪海冷链产业园", total_investment=90000
    )

    import_attraction(write(tmp_path, register(ROWS)), city=city, year=2025)

    assert Lead.objects.get(name="香雪海冷链产业园").project == existing
    assert Project.objects.count() == 1
    existing.refresh_from_db()
    assert existing.total_investment == Decimal("90000")  # the ledger's own figure stays


def test_reimport_changes_only_what_is_given_and_keeps_the_history(city, tmp_path):
    import_attraction(write(tmp_path, register(ROWS)), city=city, year=2025)
    later = [
        [1, "香雪海冷链产业园", None, None, None, None, "2025-01-15", "2025-03-01", "2025-04-20",
         "2025-06-18", None, "武陟县", 15000],
    ]  # fmt: skip

    report = import_attraction(write(tmp_path, register(later)), city=city, year=2025)

    assert report.ok and (report.created, report.updated) == (0, 1)
    cold = Lead.objects.get(name="香雪海冷链产业园")
    assert cold.investor == "香雪海家电集团"  # blank cell: kept
    assert cold.contract_investment == Decimal("86000")
    assert _stage(cold, Stage.PRODUCING) == date(2025, 6, 18)
    changes = {c.field: (c.old_value, c.new_value) for c in LeadChange.objects.filter(lead=cold)}
    assert changes["投产实际日期"] == ("", "2025年6月18日")
    assert changes["2025年6月累计到位资金"] == ("12000万元", "15000万元")  # tryout 32: with unit
    assert LeadChange.objects.get(lead=cold, field="投产实际日期").source == "表格导入"


def test_each_change_names_the_import_that_made_it_and_the_leads_history_links_it(
    city, tmp_path, client
):
    first = import_attraction(write(tmp_path, register(ROWS)), city=city, year=2025)
    later = [
        [1, "香雪海冷链产业园", None, None, None, None, None, None, None, "2025-06-18", None,
         "武陟县", 15000],
        [2, "智能传感器项目", None, None, None, None, None, None, "2025-05-06", None, None,
         "温县", None],
    ]  # fmt: skip
    user = User.objects.create_user("shixmb", password="x", role=Role.CITY_OFFICE, region=city)

    report = import_attraction(
        write(tmp_path, register(later)), city=city, year=2025, user=user, file_name="6月更新.xlsx"
    )

    assert report.ok and (report.created, report.updated) == (0, 2)
    record = ImportRecord.objects.get(pk=report.record_id)
    assert record.pk != first.record_id and record.kind == ImportRecord.Kind.ATTRACTION
    assert "更新2个招商项目" in record.text and record.report["updated"] == 2
    cold = Lead.objects.get(name="香雪海冷链产业园")
    made = LeadChange.objects.filter(lead=cold).exclude(field="重点项目")
    assert {change.import_record_id for change in made} == {record.pk}
    assert {change.reason for change in made} == {"导入《6月更新.xlsx》"}
    started = LeadChange.objects.get(lead=cold, field="重点项目")  # on the first import
    assert started.import_record_id == first.record_id
    sensor = Lead.objects.get(name="智能传感器项目")
    linked = LeadChange.objects.get(lead=sensor, field="重点项目")  # started: made a project
    assert linked.import_record == record
    project_changes = FigureChange.objects.filter(project=sensor.project)
    assert {change.import_record for change in project_changes} == {record}  # 开工 and link
    client.force_login(user)
    page = client.get(reverse("attraction_lead", args=[cold.pk])).content.decode()
    history = page.split('id="changes"')[1]
    assert "投产实际日期：（空） → 2025年6月18日" in history
    assert f'href="{reverse("import_record", args=[record.pk])}"' in history
    kept = client.get(reverse("import_record", args=[record.pk])).content.decode()
    assert "本次导入改动的招商项目" in kept and "香雪海冷链产业园" in kept


def test_a_dry_run_or_a_change_on_the_page_names_no_import(city, tmp_path):
    import_attraction(write(tmp_path, register(ROWS)), city=city, year=2025)
    later = [[1, "香雪海冷链产业园", "新投资方", *ROWS[0][3:]]]

    import_attraction(write(tmp_path, register(later)), city=city, year=2025, dry_run=True)
    assert not LeadChange.objects.filter(field="投资方").exists()
    record_stage(
        Lead.objects.get(name="智能传感器项目"),
        Stage.LANDED,
        planned=None,
        reached=date(2025, 3, 2),
        user=None,
        today=date(2025, 6, 30),
    )
    assert LeadChange.objects.get(field="落地实际日期").import_record is None


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        (["某项目", "甲", "杭州", "C39", 1000, "2025-01-10", None, None, "洛阳县"],
         "所在县区", "“洛阳县”不是本市的县（市、区）或园区"),
        (["某项目", "甲", "杭州", "电子信息", 1000, "2025-01-10", None, None, "温县"],
         "行业", "“电子信息”不是国民经济行业分类（GB/T 4754—2017）的门类或大类"),
        (["某项目", "甲", "朝阳", "C39", 1000, "2025-01-10", None, None, "温县"],
         "投资方所在地", "“朝阳”有多个同名地区"),
        (["某项目", "甲", "火星", "C39", 1000, "2025-01-10", None, None, "温县"],
         "投资方所在地", "在全国行政区划中找不到"),
        (["某项目", "甲", "杭州", "C39", 1000, "2025-03-10", "2025-02-01", None, "温县"],
         "落地日期", "2025年2月1日早于签约日期2025年3月10日"),
        (["某项目", "甲", "杭州", "C39", 1000, None, "2025-02-01", None, "温县"],
         "签约日期", "已有落地日期，但没有签约日期"),
        (["某项目", "甲", "杭州", "C39", None, "2025-01-10", None, None, "温县"],
         "合同投资", "已签约项目应填写合同投资，此处为空"),
        (["某项目", "甲", "杭州", "C39", "待定", "2025-01-10", None, None, "温县"],
         "合同投资", "此处填的是“待定”"),
        (["某项目", "甲", "杭州", "C39", 1000, "2025年1月", None, None, "温县"],
         "签约日期", "只写了年月"),
        (["某项目", "甲", "杭州", "C39", 1000, "2099-01-10", None, None, "温县"],
         "签约日期", "实际日期不能是将来"),
        (["某项目", "甲", "杭州", "C39", None, None, None, 500, "温县"],
         "到位资金", "未签约项目不应有到位资金"),
    ],
)  # fmt: skip
def test_a_bad_row_is_named_by_row_and_column_and_nothing_is_written(
    city, tmp_path, row, column, message
):
    header = [
        "项目名称",
        "投资方",
        "投资方所在地",
        "行业",
        "合同投资",
        "签约日期",
        "落地日期",
        "截至6月底累计到位资金",
        "所在县区",
    ]
    good = ["好项目", "乙", "北京", "C39", 500, "2025-01-05", None, None, "温县"]
    path = write(tmp_path, register([good, row], header=header))

    report = import_attraction(path, city=city, year=2025)

    assert not report.ok
    fault = report.faults[0]
    assert (fault.row, fault.column) == (4, column), str(fault)
    assert message in fault.message
    assert not Lead.objects.exists()


def test_the_same_project_twice_in_a_county_is_refused(city, tmp_path):
    rows = [ROWS[0], [*ROWS[0][:6], "2025-01-16", *ROWS[0][7:]]]

    report = import_attraction(write(tmp_path, register(rows)), city=city, year=2025)

    assert [str(f) for f in report.faults] == [
        "第4行「项目名称」：与第3行是同一县区的同名项目；同一项目只能填一行"
    ]


def test_funds_in_place_without_a_month_is_refused_unless_one_is_given(city, tmp_path):
    header = [*HEADER[:-1], "累计到位资金（万元）"]
    path = write(tmp_path, register(ROWS, header=header))

    refused = import_attraction(path, city=city, year=2025)
    given = import_attraction(path, city=city, year=2025, month=9)

    assert "未写明到位资金截至哪个月" in refused.faults[0].message
    assert given.ok
    funds = FundsInPlace.objects.get(lead__name="香雪海冷链产业园")
    assert (funds.month, funds.cumulative) == (9, Decimal("12000"))


def test_a_years_funds_figure_is_refused_for_a_project_signed_the_year_before(city, tmp_path):
    header = [*HEADER[:-1], "1—6月到位资金（万元）"]
    rows = [[*ROWS[0][:6], "2024-12-20", *ROWS[0][7:]]]

    report = import_attraction(write(tmp_path, register(rows, header=header)), city=city, year=2025)

    assert report.faults[0].column == "到位资金"
    assert "是本年的数，项目于2024年签约" in report.faults[0].message


def test_dry_run_prints_the_column_map_and_writes_nothing(city, tmp_path, capsys):
    path = write(tmp_path, register(ROWS))

    call_command("import-attraction", str(path), "--year", "2025", "--dry-run")

    out = capsys.readouterr().out
    assert "列对应（字段 ← 表头）：" in out
    assert "合同投资 ← 合同投资（万元）（示例：86000万元，单位：万元）" in out
    assert "签约日期 ← 签约日期（示例：2025年1月15日）" in out  # tryout 32: was 2025-01-15
    assert "检查通过（试运行，未写入）：将新增3个招商项目，更新0个招商项目。" in out
    assert not Lead.objects.exists() and not Project.objects.exists()


def test_the_command_stops_with_the_faults_in_chinese(city, tmp_path, capsys):
    rows = [[1, "某项目", "甲", "杭州", "C39", 100, "2025-01-10", None, None, None, None, "洛阳县",
             None]]  # fmt: skip

    with pytest.raises(CommandError, match="发现1处错误，未写入任何数据"):
        call_command("import-attraction", str(write(tmp_path, register(rows))), "--year", "2025")

    assert "第3行「所在县区」：“洛阳县”不是本市的县（市、区）或园区" in capsys.readouterr().err


def test_planned_dates_park_chain_leader_and_dropped_talks_are_read(city, tmp_path):
    header = [
        "项目名称",
        "投资商",
        "来源地",
        "所属行业",
        "签约金额（亿元）",
        "洽谈时间",
        "签约时间",
        "计划开工日期",
        "终止洽谈日期",
        "所在县区",
        "落户园区",
        "产业链",
        "包抓领导",
    ]
    rows = [
        ["装备制造基地", "甲", "河北省保定市雄县", "C34", 2.5, "2024-11-02", "2025-01-20",
         "2025-05-01", None, "武陟县", "武陟产业集聚区", "装备制造", "张三"],
        ["文旅综合体", "乙", "北京", None, None, "2025-01-05", None, None, "2025-03-31", "温县",
         None, None, None],
    ]  # fmt: skip

    report = import_attraction(write(tmp_path, register(rows, header=header)), city=city, year=2025)

    assert report.ok, [str(f) for f in report.faults]
    base = Lead.objects.get(name="装备制造基地")
    assert base.contract_investment == Decimal("25000")
    assert (base.park.name, base.chain, base.leader_in_charge) == (
        "武陟产业集聚区",
        "装备制造",
        "张三",
    )
    assert base.origin.name == "雄县"
    started = base.stages.get(stage=Stage.STARTED)
    assert (started.planned, started.reached) == (date(2025, 5, 1), None)
    assert _stage(base, Stage.NEGOTIATING) == date(2024, 11, 2)
    assert base.project is None  # planned to start is not started
    dropped = Lead.objects.get(name="文旅综合体")
    assert dropped.dropped_on == date(2025, 3, 31) and dropped.industry_code == ""


def test_a_planned_date_written_as_a_month_is_read_as_its_last_day_and_said(city, tmp_path):
    """Tryout 28: 计划开工日期 「2025年3月」 was refused (只写了年月) though the ledger reads a
    planned month as its last day (ledger.cells.parse_planned_date); actual dates still need
    the day."""
    header = ["项目名称", "投资方所在地", "合同投资", "签约日期", "计划开工日期", "所在县区"]
    rows = [["装备制造基地", "北京", 1000, "2025-01-20", "2025年3月", "武陟县"]]

    report = import_attraction(write(tmp_path, register(rows, header=header)), city=city, year=2025)

    assert report.ok, [str(f) for f in report.faults]
    started = Lead.objects.get(name="装备制造基地").stages.get(stage=Stage.STARTED)
    assert (started.planned, started.reached) == (date(2025, 3, 31), None)
    assert any(
        "「计划开工日期」" in note
        and "「2025年3月」只写了年月，按该月最后一天2025年3月31日计" in note
        for note in report.notes
    ), report.notes


@pytest.mark.parametrize(
    "title", ["焦作市招商引资项目登记表（截至2025年11月底）", "招商项目台账(截止11月末)"]
)
def test_a_title_saying_as_of_which_months_end_gives_the_funds_month(city, tmp_path, title):
    """Tryout 16: a register titled （截至2025年11月底） was refused: 未写明到位资金截至哪个月."""
    header = [*HEADER[:-1], "累计到位资金（万元）"]
    path = write(tmp_path, register(ROWS, header=header, title=title))

    report = import_attraction(path, city=city, year=2025)

    assert report.ok, [str(f) for f in report.faults]
    funds = FundsInPlace.objects.get(lead__name="香雪海冷链产业园")
    assert (funds.year, funds.month) == (2025, 11)


def test_a_start_implied_by_production_is_said_in_the_leads_history(city, tmp_path):
    """Tryout 22: 投产 given with no 开工 made a ledger project started that day, the lead's
    history saying nothing of a 开工 date."""
    row = [1, "中央厨房项目", "甲", "北京", "C14", 8000, "2025-01-15", "2025-02-01", None,
           "2025-05-10", None, "温县", None]  # fmt: skip

    report = import_attraction(write(tmp_path, register([row])), city=city, year=2025)

    assert report.ok, [str(f) for f in report.faults]
    lead = Lead.objects.get(name="中央厨房项目")
    line = LeadChange.objects.get(lead=lead, field="开工实际日期")
    assert (line.old_value, line.new_value) == ("", "2025年5月10日")
    assert line.reason == "未填开工日期，按投产日期记为开工"


TITLED = "2025年焦作市招商引资项目台账（到位资金截至10月）"


def _titled_register(tmp_path):
    header = [*HEADER[:-1], "到位资金（万元）"]
    return write(tmp_path, register(ROWS[:1], header=header, title=TITLED))


def test_the_funds_month_is_read_from_a_title_saying_jie_zhi_10_yue(city, tmp_path):
    """Tryout 22: 「（到位资金截至10月）」 in the title was ignored; the import asked --month."""
    report = import_attraction(_titled_register(tmp_path), city=city, year=2025)

    assert report.ok, [str(f) for f in report.faults]
    funds = FundsInPlace.objects.get(lead__name="香雪海冷链产业园")
    assert (funds.year, funds.month) == (2025, 10)


def test_a_title_month_disagreeing_with_the_month_given_is_refused(city, tmp_path):
    report = import_attraction(_titled_register(tmp_path), city=city, year=2025, month=9)

    assert not report.ok
    assert any(
        "标题写明到位资金截至2025年10月，与导入时指定的2025年9月（--month 9）不一致" in str(f)
        for f in report.faults
    )
    assert not FundsInPlace.objects.exists()


def _funds_corrected_on_the_page(city, tmp_path):
    """The register imported, then 冷链's June funds corrected on its page 12000 → 11000."""
    from guanmo.attraction.services import record_funds

    import_attraction(write(tmp_path, register(ROWS)), city=city, year=2025)
    cold = Lead.objects.get(name="香雪海冷链产业园")
    record_funds(
        cold, 2025, 6, Decimal("11000"), reason="核对合同后更正", user=None, today=date(2025, 7, 5)
    )
    return cold


@pytest.mark.parametrize("dry_run", [False, True])
def test_a_reimport_lists_each_change_old_to_new(city, tmp_path, dry_run):
    """Tryout 22: the report (dry run too) said only 「更新1个」."""
    import_attraction(write(tmp_path, register(ROWS)), city=city, year=2025)
    later = [[*ROWS[0][:9], "2025-06-18", None, "武陟县", 15000]]

    report = import_attraction(
        write(tmp_path, register(later)), city=city, year=2025, dry_run=dry_run
    )

    assert report.ok and report.updated == 1
    assert (
        "第3行“香雪海冷链产业园”：投产实际日期（空） → 2025年6月18日；"
        "2025年6月累计到位资金12000万元 → 15000万元"
    ) in report.notes


def test_a_reimport_does_not_revert_a_page_correction_unless_confirmed(city, tmp_path):
    """Tryout 22: a re-import silently reverted a funds correction made on the web with a
    reason; the ledger's --confirm-changes lets it through, said."""
    cold = _funds_corrected_on_the_page(city, tmp_path)
    again = write(tmp_path, register(ROWS))  # still says 12000

    refused = import_attraction(again, city=city, year=2025)
    kept = FundsInPlace.objects.get(lead=cold).cumulative
    confirmed = import_attraction(again, city=city, year=2025, confirm_changes=True)

    assert not refused.ok and kept == Decimal("11000")
    fault = next(str(f) for f in refused.faults if "在页面上" in str(f))
    assert "“香雪海冷链产业园”的2025年6月累计到位资金" in fault
    assert "在页面上由12000万元更正为11000万元（核对合同后更正），本次导入将改为12000万元" in fault
    assert "--confirm-changes" in fault
    assert confirmed.ok
    assert FundsInPlace.objects.get(lead=cold).cumulative == Decimal("12000")
    assert "第3行“香雪海冷链产业园”：2025年6月累计到位资金11000万元 → 12000万元" in confirmed.notes


def test_the_command_takes_confirm_changes(city, tmp_path, capsys):
    _funds_corrected_on_the_page(city, tmp_path)
    path = write(tmp_path, register(ROWS))

    call_command("import-attraction", str(path), "--year", "2025", "--confirm-changes")

    assert FundsInPlace.objects.get(lead__name="香雪海冷链产业园").cumulative == Decimal("12000")


def test_xiongan_new_area_is_an_origin_of_the_xiongan_and_jingjinji_groups(city, tmp_path, capsys):
    """Tryout 22 refused 「河北省雄安新区」 and asked for a county; issue 14 names 雄安 as a
    source group. 雄安新区 has no code of GB/T 2260 (its counties 雄县、容城县、安新县 are in
    保定市), so it is kept as its own area of 河北省 that counts for 雄安 and 京津冀."""
    rows = [
        [1, "新材料项目", "丙", "河北省雄安新区", "C26", 6500, "2025-03-30", None, None, None,
         None, "武陟县", None],
        [2, "数据中心", "丁", "雄安", "I65", 3000, "2025-04-30", None, None, None, None,
         "武陟县", None],
        [3, "冷链产业园", "甲", "江苏省苏州市", "C38", 60000, "2025-01-15", None, None, None,
         None, "武陟县", None],
    ]  # fmt: skip

    report = import_attraction(write(tmp_path, register(rows)), city=city, year=2025)

    assert report.ok, [str(f) for f in report.faults]
    materials, data = Lead.objects.get(name="新材料项目"), Lead.objects.get(name="数据中心")
    assert materials.origin == data.origin and materials.origin.name == "雄安新区"
    assert materials.origin.parent.name == "河北省"
    facts = lead_facts(materials)
    assert (facts.source, facts.groups) == ("河北省", ("京津冀", "雄安"))
    call_command(
        "attraction-report", "--year", "2025", "--month", "6", "--format", "json",
        "--source", "雄安新区",
    )  # fmt: skip
    picked = json.loads(capsys.readouterr().out)
    assert picked["funnel"][0]["region"] == "全市（投资方来自雄安）"
    assert (picked["funnel"][0]["signed"], picked["funnel"][0]["contract_investment"]) == (
        2,
        "9500",
    )


def test_funds_changed_by_an_import_are_said_and_kept_in_wan_yuan(city, tmp_path):
    """Tryout 32: 「2025年11月累计到位资金（空） → 20000」 in the notes and the history, no unit."""
    import_attraction(write(tmp_path, register(ROWS)), city=city, year=2025)
    rows = [list(row) for row in ROWS]
    rows[0][-1] = 15000

    report = import_attraction(write(tmp_path, register(rows)), city=city, year=2025)

    assert report.ok, [str(fault) for fault in report.faults]
    assert any("2025年6月累计到位资金12000万元 → 15000万元" in note for note in report.notes)
    line = LeadChange.objects.get(lead__name="香雪海冷链产业园", field="2025年6月累计到位资金")
    assert (line.old_value, line.new_value) == ("12000万元", "15000万元")
