"""The ledger's operations: loading sheets and writing the ledger back out.

Commands and pages call these; each returns a value to show, never prints.
"""

from guanmo.ledger.services.ledger_export import export_ledger
from guanmo.ledger.services.ledger_import import import_ledger
from guanmo.ledger.services.progress_import import import_progress

__all__ = ["export_ledger", "import_ledger", "import_progress"]
