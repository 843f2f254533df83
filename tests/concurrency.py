"""Sending requests at once from real threads, for the tests of writes made together."""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from django.db import connection, connections, transaction

Answer = TypeVar("Answer")


def all_at_once(calls: list[Callable[[], Answer]]) -> list[Answer | BaseException]:
    """Run each call in its own thread, all released together by a barrier; what each returned,
    or the exception it raised, in the order given. Each thread's database connection is
    closed when it ends (the test database is dropped after the test)."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[Answer | BaseException | None] = [None] * len(calls)

    def run(at: int, call: Callable[[], Answer]) -> None:
        try:
            barrier.wait()
            outcomes[at] = call()
        except BaseException as error:
            outcomes[at] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes  # type: ignore[return-value]


@contextmanager
def left_open(call: Callable[[], object]) -> Iterator[None]:
    """Run `call` in its own thread inside a transaction that stays open (its locks held) for
    the body of the `with`, and commits when the body ends; what the call raised is raised."""
    written, release = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def run() -> None:
        try:
            with transaction.atomic():
                call()
                written.set()
                release.wait()
        except BaseException as error:
            failures.append(error)
        finally:
            written.set()
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    written.wait()
    try:
        if failures:
            raise failures[0]
        yield
    finally:
        release.set()
        thread.join()
    if failures:
        raise failures[0]


def waiting_at_most(seconds: int) -> None:
    """In the current PostgreSQL transaction, a lock not granted within `seconds` raises
    OperationalError instead of waiting (so a test shows a wait as an error, never a hang)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL lock_timeout = '{int(seconds)}s'")


def form_id(client, url: str) -> str:
    """The one-time id (hidden `submission`) the page at `url` gives its form, as the browser
    sends it back with every click on the form's button."""
    page = client.get(url).content.decode()
    marker = 'name="submission" value="'
    start = page.index(marker) + len(marker)
    return page[start : page.index('"', start)]


def sent_twice(client, url: str, fill: Callable[[str], dict], *, at_once: bool) -> list:
    """The answers to one form (`fill(its one-time id)`) sent twice from the page at `url`:
    from two threads at once, or one after the other as a double click does (each answer
    followed to the page it leads to)."""
    form = fill(form_id(client, url))
    if at_once:
        return all_at_once([lambda: client.post(url, form), lambda: client.post(url, form)])
    return [client.post(url, form, follow=True) for _ in range(2)]
