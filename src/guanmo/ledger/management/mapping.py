"""The `--map` option the ledger's import commands share: which column reads as which field."""

from argparse import ArgumentParser

from django.core.management.base import CommandError

from guanmo.ledger.columns import Field, parse_mapping


def add_mapping_argument(parser: ArgumentParser) -> None:
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="Excel列名=字段",
        help="指定某列读作哪个字段（可多次使用），如 --map '区域=所在县区'；"
        "字段写“忽略”则不读该列。导入成功后本市下次导入沿用；"
        "字段写“按系统识别”则不再沿用以前指定的对应",
    )


def mapping_for(texts: list[str]) -> dict[str, Field | None]:
    """The --map options as a mapping; a bad one stops the command with its message."""
    try:
        return parse_mapping(texts)
    except ValueError as error:
        raise CommandError(str(error)) from error
