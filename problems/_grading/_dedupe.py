"""Grade each distinct (reference, answer) once and give its verdict to every row that repeats it.

Checks are deterministic, so a repeated answer (common in a class: many students write the
same thing) needs no second check. Bad rows pass straight through as error records.

>>> rows = [Task(1, "a", "2x", expected="x^2"), Task(2, "b", "2x", expected="x^2")]
>>> fake = lambda tasks: ((t, {"status": "incorrect", "score": 0.0}) for t in tasks)
>>> [(t.id, p["status"]) for t, p in deduplicated(rows, fake)]
[('a', 'incorrect'), ('b', 'incorrect')]
"""

from __future__ import annotations

from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ._rows import Item, RowError, Task

__all__ = ["deduplicated", "Runner"]

Payload = dict[str, Any]
Runner = Callable[[Iterable[Task]], Iterator[tuple[Task, Payload]]]
_REMEMBERED = 50_000


def deduplicated(items: Iterable[Item], run: Runner, *, dedupe: bool = True) -> Iterator[tuple[Item, Payload | None]]:
    """``(item, payload)`` for every item exactly once (payload None for a RowError)."""
    known: OrderedDict[tuple[object, ...], Payload] = OrderedDict()
    waiting: dict[tuple[object, ...], list[Task]] = {}
    ready: deque[tuple[Item, Payload | None]] = deque()

    def distinct() -> Iterator[Task]:
        for item in items:
            if isinstance(item, RowError):
                ready.append((item, None))
            elif dedupe and item.key in known:
                ready.append((item, known[item.key]))
            elif dedupe and item.key in waiting:
                waiting[item.key].append(item)
            else:
                if dedupe:
                    waiting[item.key] = []
                yield item

    for task, payload in run(distinct()):
        yield task, payload
        if dedupe:
            for other in waiting.pop(task.key, ()):
                yield other, payload
            known[task.key] = payload
            if len(known) > _REMEMBERED:
                known.popitem(last=False)
        while ready:
            yield ready.popleft()
    while ready:
        yield ready.popleft()
