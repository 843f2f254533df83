"""How every report command writes its report (`guanmo.documents.commands.write_output`):
a file format needs -o, text goes to -o or the terminal, and nothing is written on refusal."""

from io import StringIO

import pytest
from django.core.management.base import BaseCommand, CommandError

from guanmo.documents.commands import write_output


def command() -> BaseCommand:
    return BaseCommand(stdout=StringIO(), stderr=StringIO(), no_color=True)


def write_report(path):
    path.write_bytes(b"PK report")


def test_a_file_format_without_output_is_refused_naming_the_format():
    with pytest.raises(CommandError, match=r"^docx 格式须用 -o 指定输出文件$"):
        write_output(command(), "docx", None, text=lambda: "文本", files={"docx": write_report})


def test_a_file_format_is_written_to_the_output_by_its_writer(tmp_path):
    asked = command()
    output = tmp_path / "通报.docx"
    write_output(asked, "docx", output, text=lambda: "文本", files={"docx": write_report})
    assert output.read_bytes() == b"PK report"
    assert asked.stdout.getvalue() == f"已写入 {output}\n"


def test_text_without_output_goes_to_the_terminal_alone():
    asked = command()
    write_output(asked, "text", None, text=lambda: "一、总体情况", files={"docx": write_report})
    assert asked.stdout.getvalue() == "一、总体情况\n"


def test_text_with_output_is_written_with_a_final_newline(tmp_path):
    asked = command()
    output = tmp_path / "结果.json"
    write_output(asked, "json", output, text=lambda: '{"单位": 1}', files={})
    assert output.read_text(encoding="utf-8") == '{"单位": 1}\n'
    assert asked.stdout.getvalue() == f"已写入 {output}\n"
