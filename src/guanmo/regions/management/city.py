"""The `--city` option every command shares."""

from django.core.management.base import CommandError, CommandParser

from guanmo.regions.models import Region
from guanmo.regions.services import UnknownDivision, resolve_city


def add_city_argument(parser: CommandParser) -> None:
    parser.add_argument("--city", help="城市区划代码（数据库中只有一个城市时可省略）")


def city_for(code: str | None) -> Region:
    """The city a command works on (`--city`, or the only one there is)."""
    try:
        return resolve_city(code)
    except UnknownDivision as error:
        raise CommandError(str(error)) from error
