"""Deciding on a row once: re-read it under a lock that holds to the end of the transaction;
making a row once per form sent (`once`).

Two decisions sent at once (approve and return, a double click) must give one result and one
clear refusal. Each state change therefore re-reads its row inside its transaction and decides
on what it reads there, never on the copy loaded with the page:

- PostgreSQL: `SELECT … FOR UPDATE` holds the row; the second transaction waits, then reads
  the first one's result.
- SQLite: `select_for_update()` is a no-op, but every transaction begins with `BEGIN IMMEDIATE`
  (settings: transaction_mode), so it holds the database's write lock from its first statement
  and reads the latest committed state; the second waits (busy timeout) and reads the result.
"""

import uuid
from collections.abc import Callable
from typing import TypeVar

from django.db import IntegrityError, models, transaction

Row = TypeVar("Row", bound=models.Model)


def locked(row: Row) -> Row:
    """A fresh copy of `row`, held until the surrounding transaction ends.

    Raises `TransactionManagementError` outside `transaction.atomic()` (a lock that ends with
    the statement would decide nothing), and the model's DoesNotExist if it was deleted."""
    if not transaction.get_connection().in_atomic_block:
        raise transaction.TransactionManagementError("locked() needs transaction.atomic()")
    return type(row)._default_manager.select_for_update(of=("self",)).get(pk=row.pk)


def hold(row: Row) -> None:
    """Hold `row` as `locked()` does, without reading it again: for a caller that only needs
    others changing it to wait (a judge's own submissions, one after another). On SQLite the
    immediate transaction already holds the database, so nothing is sent. Raises as `locked()`
    does outside `transaction.atomic()`."""
    database = transaction.get_connection()
    if not database.in_atomic_block:
        raise transaction.TransactionManagementError("hold() needs transaction.atomic()")
    if database.vendor == "postgresql":
        manager = type(row)._default_manager
        list(manager.select_for_update(of=("self",)).filter(pk=row.pk).values_list("pk"))


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


def once(
    model: type[Row], submission: uuid.UUID | None, create: Callable[[], Row]
) -> tuple[Row, bool]:
    """The row `create()` makes for the form `submission` (the form's own id, a unique
    `submission` column on `model`), made once: a double click or a resend gets the row the
    first one made. Returns (row, whether this call made it).

    Two sent at once both find nothing; the unique key decides: the second's INSERT waits for
    the first's transaction (PostgreSQL's index lock, SQLite's immediate transaction), fails,
    and the row the first committed is read and returned. Without a submission, `create()` is
    simply called."""
    if submission is None:
        return create(), True
    stored = model._default_manager.filter(submission=submission)
    if first := stored.first():
        return first, False
    try:
        with transaction.atomic():
            return create(), True
    except IntegrityError:
        if first := stored.first():
            return first, False
        raise
