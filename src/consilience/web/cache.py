"""Finished answers kept in memory: a story page and a story document, by what they are made of.

A story page is the stored analysis (often megabytes of JSON) parsed, loaded and rendered:
hundreds of milliseconds of CPU for a story of 35 articles, on every request, for an answer that
only changes when the story is analysed again or gains articles. So each finished answer is kept
under a key made of exactly that: the story, when its latest analysis was stored, its size and
whether it is stale (one cheap row read per request). A new analysis or a new article gives a
new key; the old answer ages out. (Two analyses of a story stored within the same second, with
the same articles, share a key: they are analyses of the same articles.)

Least recently used answers go first once the kept answers pass a byte budget. One answer is
made once even when many requests want it at the same moment: the others wait for it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

CACHE_BYTES = 64 * 2**20
"""Most bytes of answers one app keeps."""


class AnswerCache:
    """Answers (bytes) by key, within `budget` bytes, least recently used out first; safe to
    use from the thread pool's threads."""

    def __init__(self, budget: int = CACHE_BYTES) -> None:
        self.budget = budget
        self._answers: OrderedDict[Hashable, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self._making: dict[Hashable, threading.Lock] = {}

    def __len__(self) -> int:
        return len(self._answers)

    @property
    def size(self) -> int:
        """Bytes kept."""
        return self._size

    def _found(self, key: Hashable) -> bytes | None:
        answer = self._answers.get(key)
        if answer is not None:
            self._answers.move_to_end(key)
        return answer

    def _keep(self, key: Hashable, answer: bytes) -> None:
        if len(answer) > self.budget or key in self._answers:
            return
        self._answers[key] = answer
        self._size += len(answer)
        while self._size > self.budget:
            _, oldest = self._answers.popitem(last=False)
            self._size -= len(oldest)

    def get(self, key: Hashable, make: Callable[[], bytes | None]) -> bytes | None:
        """The answer kept under `key`, else `make()` (kept unless None). Concurrent callers
        with one key wait for the first one's `make` instead of repeating it."""
        with self._lock:
            answer = self._found(key)
            if answer is not None:
                return answer
            making = self._making.setdefault(key, threading.Lock())
        with making:
            with self._lock:
                answer = self._found(key)
            if answer is not None:
                return answer
            try:
                answer = make()
                if answer is not None:
                    with self._lock:
                        self._keep(key, answer)
            finally:
                with self._lock:
                    self._making.pop(key, None)
            return answer
