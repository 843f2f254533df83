"""The `--user` option of the commands that change figures: who the change history names."""

from django.core.management.base import CommandError, CommandParser

from guanmo.accounts.models import User


def add_user_argument(parser: CommandParser) -> None:
    parser.add_argument("--user", help="操作人的用户名，修改记录中记为修改人（不填则记为“系统”）")


def user_for(username: str | None) -> User | None:
    """The user `--user` names, or None when it is not given."""
    if not username:
        return None
    user = User.objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"没有用户名为「{username}」的用户")
    return user
