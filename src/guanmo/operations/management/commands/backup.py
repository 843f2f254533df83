"""`guanmo backup`: one archive with the database and the media files (and their SHA-256)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from guanmo.operations.backups import BackupError, Database, prune_backups, write_backup


class Command(BaseCommand):
    help = "备份数据库和附件到一个归档文件（可在使用中进行）"

    def add_arguments(self, parser):
        parser.add_argument(
            "-o", "--output-dir", help="归档目录，默认 GUANMO_BACKUP_DIR（var/backups）"
        )
        parser.add_argument("--keep", type=int, help="只保留最新的N个归档（删除更早的）")

    def handle(self, *args, **options):
        directory = Path(options["output_dir"] or settings.GUANMO_BACKUP_DIR)
        try:
            database = Database.from_settings(connection.settings_dict)
            archive = write_backup(
                database, Path(settings.MEDIA_ROOT), directory, now=timezone.localtime()
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"已备份：{archive}"))
        if options["keep"]:
            for path in prune_backups(directory, options["keep"]):
                self.stdout.write(f"已删除旧备份：{path.name}")
