"""Writing many rows in one short transaction: their ids reserved and their SQL built first.

A 100,000-row ledger import is all or nothing, so it is one transaction; on SQLite every
other writer waits for it (one write lock for the database). Most of that time was Python
building the statements (converting every value as `bulk_create` and `bulk_update` do), not
the database writing them. Here every value is converted by its field (as Django's bulk writes
convert it) before the transaction, the new rows' ids reserved beforehand so that rows can
point at one another; inside it one statement per table and kind runs for all its rows.
Nothing is written before the transaction, so an import that fails or is killed leaves
nothing behind but unused ids.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import connections, router, transaction
from django.db.models import Model


def reserve_ids(model: type[Model], count: int) -> list[int]:
    """`count` new primary keys for `model`, never given to any other row, taken in a short
    transaction of their own: SQLite's AUTOINCREMENT counter for the table moved on, or
    PostgreSQL's sequence advanced. Ids left unused (a failed import) are a gap, nothing else.

    Raises NotImplementedError on another database."""
    if count <= 0:
        return []
    alias = router.db_for_write(model)
    database = connections[alias]
    table, key = model._meta.db_table, model._meta.pk.column
    quote = database.ops.quote_name
    with transaction.atomic(using=alias), database.cursor() as cursor:
        if database.vendor == "sqlite":
            # The counter may lag behind the table (rows written with explicit ids) or be
            # missing (nothing written yet): start after whichever is higher.
            cursor.execute(f"SELECT COALESCE(MAX({quote(key)}), 0) FROM {quote(table)}")
            (highest,) = cursor.fetchone()
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            counter = cursor.fetchone()
            first = max(highest, counter[0] if counter else 0) + 1
            if counter:
                cursor.execute(
                    "UPDATE sqlite_sequence SET seq = %s WHERE name = %s",
                    [first + count - 1, table],
                )
            else:
                cursor.execute(
                    "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)",
                    [table, first + count - 1],
                )
            return list(range(first, first + count))
        if database.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, key, count],
            )
            return [row[0] for row in cursor.fetchall()]
    raise NotImplementedError(f"不支持的数据库：{database.vendor}")


@dataclass
class PreparedWrites:
    """INSERT and UPDATE statements built now, each with the values of every row it writes,
    run later by `run()` inside the caller's transaction, in the order they were added. Each
    statement is compiled once by the database and run for every row (`executemany`), the
    fastest way SQLite takes many rows."""

    alias: str = "default"
    statements: list[tuple[str, list[tuple[object, ...]]]] = field(default_factory=list)

    def insert(self, model: type[Model], rows: Sequence[Model]) -> None:
        """Rows to create, every one with its id set (`reserve_ids`); a row pointing at a new
        row takes that row's id. Values are converted as `bulk_create` converts them (each
        field's `pre_save` and `get_db_prep_save`)."""
        if not rows:
            return
        database = connections[self.alias]
        fields = list(model._meta.concrete_fields)
        quote = database.ops.quote_name
        values = []
        for row in rows:
            if row.pk is None:
                raise ValueError(f"{model.__name__} 缺少预留的编号")
            # As bulk_create does: a row made before the row it points at had an id.
            row._prepare_related_fields_for_save(operation_name="bulk_create")
            values.append(
                tuple(
                    each.get_db_prep_save(each.pre_save(row, add=True), connection=database)
                    for each in fields
                )
            )
        columns = ", ".join(quote(each.column) for each in fields)
        marks = ", ".join(["%s"] * len(fields))
        self.statements.append(
            (f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({marks})", values)
        )

    def update(self, model: type[Model], rows: Sequence[Model], names: Sequence[str]) -> None:
        """The fields `names` of rows already stored, to be set to the rows' values, converted
        as `bulk_update` converts them."""
        if not rows or not names:
            return
        database = connections[self.alias]
        fields = [model._meta.get_field(name) for name in names]
        pk = model._meta.pk
        quote = database.ops.quote_name
        values = []
        for row in rows:
            row._prepare_related_fields_for_save(operation_name="bulk_update", fields=fields)
            values.append(
                (
                    *(
                        each.get_db_prep_save(getattr(row, each.attname), connection=database)
                        for each in fields
                    ),
                    pk.get_db_prep_value(row.pk, connection=database),
                )
            )
        assignments = ", ".join(f"{quote(each.column)} = %s" for each in fields)
        self.statements.append(
            (
                f"UPDATE {quote(model._meta.db_table)} SET {assignments} "
                f"WHERE {quote(pk.column)} = %s",
                values,
            )
        )

    def run(self) -> None:
        """Run the statements; only inside a transaction, so that they stand or fall together."""
        database = connections[self.alias]
        if not database.in_atomic_block:
            raise transaction.TransactionManagementError("PreparedWrites.run() 需要在事务中执行")
        with database.cursor() as cursor:
            for statement, values in self.statements:
                cursor.executemany(statement, values)
