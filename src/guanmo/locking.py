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


def held_unchanged(row: Row) -> Row:
    """A fresh copy of `row` that no one may change until the surrounding transaction ends,
    while any number of other transactions hold it the same way at once.

    For many writers that each depend on one shared row staying as read (judges scoring while
    their tour stays open): on PostgreSQL `SELECT … FOR SHARE`, so a change to the row
    (`locked()`, an UPDATE) waits for them and they never wait for one another; on SQLite the
    immediate transaction already holds the database. Raises as `locked()` does."""
    database = transaction.get_connection()
    if not database.in_atomic_block:
        raise transaction.TransactionManagementError("held_unchanged() needs transaction.atomic()")
    manager = type(row)._default_manager
    if database.vendor != "postgresql":
        return manager.get(pk=row.pk)
    table, key = row._meta.db_table, row._meta.pk.column
    quote = database.ops.quote_name
    found = list(
        manager.raw(f"SELECT * FROM {quote(table)} WHERE {quote(key)} = %s FOR SHARE", [row.pk])
    )
    if not found:
        raise type(row).DoesNotExist(f"{type(row).__name__} {row.pk} 不存在")
    return found[0]
