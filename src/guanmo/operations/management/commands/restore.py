"""`guanmo restore ARCHIVE`: bring a backup back into an empty installation."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from guanmo.accounts.models import User
from guanmo.operations.backups import BackupError, Database, restore_backup
from guanmo.regions.models import Region


class Command(BaseCommand):
    help = "从备份归档恢复数据库和附件（只能恢复到空的安装中）"

    def add_arguments(self, parser):
        parser.add_argument("archive", help="guanmo backup 写出的 .tar.gz 文件")

    def handle(self, *args, **options):
        archive = Path(options["archive"])
        if not archive.is_file():
            raise CommandError(f"找不到备份文件：{archive}")
        if _holds_data():
            raise CommandError("当前安装中已有数据（用户或行政区划）：只能恢复到空的安装中")
        database = Database.from_settings(connection.settings_dict)
        connection.close()  # the restore replaces the database under this connection
        try:
            manifest = restore_backup(archive, database, Path(settings.MEDIA_ROOT))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"已恢复 {manifest['created']} 的备份：数据库和{len(manifest['media'])}个附件"
            )
        )


def _holds_data() -> bool:
    tables = connection.introspection.table_names()
    if User._meta.db_table not in tables:
        return False  # not even migrated: empty
    return User.objects.exists() or Region.objects.exists()
