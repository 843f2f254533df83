"""Deciding on a row once: re-read it under a lock that holds to the end of the transaction.

Two decisions sent at once (approve and return, a double click) must give one result and one
clear refusal. Each state change therefore re-reads its row inside its transaction and decides
on what it reads there, never on the copy loaded with the page:

- PostgreSQL: `SELECT … FOR UPDATE` holds the row; the second transaction waits, then reads
  the first one's result.
- SQLite: `select_for_update()` is a no-op, but every transaction begins with `BEGIN IMMEDIATE`
  (settings: transaction_mode), so it holds the database's write lock from its first statement
  and reads the latest committed state; the second waits (busy timeout) and reads the result.
"""

from typing import TypeVar

from django.db import models, transaction

Row = TypeVar("Row", bound=models.Model)


def locked(row: Row) -> Row:
    """A fresh copy of `row`, held until the surrounding transaction ends.

    Raises `TransactionManagementError` outside `transaction.atomic()` (a lock that ends with
    the statement would decide nothing), and the model's DoesNotExist if it was deleted."""
    if not transaction.get_connection().in_atomic_block:
        raise transaction.TransactionManagementError("locked() needs transaction.atomic()")
    return type(row)._default_manager.select_for_update(of=("self",)).get(pk=row.pk)
