"""A column's advice says what to do where the user imports: on the web upload the page's
column map (“列对应” … “指定为”), on the command line `--map` alone, never both together
(issue 9, `guanmo.sheets.advice`: the web ledger upload still showed "--map …（网页导入时在列
对应中指定）")."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from guanmo.ledger.services import import_ledger
from guanmo.reporting.models import ColumnMapping
from guanmo.sheets.advice import Channel
from tests.ledger.sheets import xlsx

NO_NAME = [["所在县区", "总投资（万元）", "工程名"], ["孟州市", 5000, "丁项目"]]


def preview_page(client, world, rows) -> str:
    client.force_login(world.users["city"])
    upload = SimpleUploadedFile("台账.xlsx", xlsx(rows).getvalue())
    preview = client.post(reverse("ledger_import"), {"year": 2025, "level": "市", "sheet": upload})
    return client.get(preview["Location"]).content.decode()


def test_a_missing_column_on_the_command_line_is_advised_as_map_alone(city):
    report = import_ledger(xlsx(NO_NAME), city=city, year=2025, dry_run=True)
    [fault] = [str(fault) for fault in report.faults if "未识别的列" in str(fault)]
    assert "--map '工程名=项目名称'" in fault
    assert "列对应" not in fault and "网页" not in fault


def test_a_missing_column_on_the_web_is_advised_as_the_column_map_alone(city):
    report = import_ledger(xlsx(NO_NAME), city=city, year=2025, dry_run=True, channel=Channel.WEB)
    [fault] = [str(fault) for fault in report.faults if "未识别的列" in str(fault)]
    assert "在“列对应”中把「工程名」一列的“指定为”改为「项目名称」后点“重新识别”" in fault
    assert "--map" not in fault


def test_the_web_ledger_upload_page_advises_no_command_line_option(client, world):
    page = preview_page(client, world, NO_NAME)
    assert "在“列对应”中把「工程名」一列的“指定为”改为「项目名称」" in page
    assert "--map" not in page


def old_mapping(city):
    ColumnMapping.objects.create(city=city, header="片区", field="所在县区")


def test_a_remembered_mapping_not_used_on_the_command_line_is_advised_as_map_alone(city):
    old_mapping(city)
    sheet = xlsx([["项目名称", "片区", "总投资"], ["丁项目", "孟州市", 5000]])
    report = import_ledger(sheet, city=city, year=2025, dry_run=True)
    [note] = [note for note in report.notes if "未沿用" in note]
    assert note.endswith("如确为所在县区，请将该列指定为「所在县区」（--map '片区=所在县区'）")


def test_a_remembered_mapping_not_used_on_the_web_is_advised_as_the_column_map_alone(client, world):
    old_mapping(world.city)
    page = preview_page(client, world, [["项目名称", "片区", "总投资"], ["丁项目", "孟州市", 5000]])
    assert "如确为所在县区，请在“列对应”中把「片区」一列的“指定为”改为「所在县区」" in page
    assert "--map" not in page
