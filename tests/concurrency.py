"""Sending requests at once from real threads, for the tests of writes made together."""

import threading
from collections.abc import Callable
from typing import TypeVar

from django.db import connections

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
