"""`guanmo` and `python -m guanmo`: Django's management commands with Guanmo's settings."""

import os
import sys
from pathlib import Path


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guanmo.settings")
    from django.core.management import execute_from_command_line

    if sys.argv[1:2] == ["runserver"]:
        from django.conf import settings

        from guanmo.operations.serving import runserver_hint

        if hint := runserver_hint(debug=settings.DEBUG, static_root=Path(settings.STATIC_ROOT)):
            print(hint, file=sys.stderr)
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
