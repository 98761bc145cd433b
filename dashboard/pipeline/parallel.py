"""Run the per-article work in a pool of local processes.

Each worker process loads the spaCy model once (on its first chunk) and processes whole
chunks of `settings.batch_size` articles, so the pipeline's own passes run in parallel too,
not only spaCy's (spaCy's `n_process` would parallelise the parser and leave the rest of the
pipeline to one process). Memory stays bounded: one model per worker plus at most two
chunks in flight per worker; the parent holds the records, which the store needs anyway.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
from typing import Callable, Iterator, Sequence


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _warm(settings) -> int:
    from .actors import registry
    from .nlp import load_nlp
    from .places import gazetteer

    load_nlp(settings.spacy_model), registry(), gazetteer()
    return os.getpid()


class LocalPool:
    """`workers` processes (spawned, not forked: safe beside threads) mapping a chunk function."""

    def __init__(self, workers: int):
        self.workers = max(1, workers)
        self._executor = cf.ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))

    def warm(self, settings) -> None:
        """Load the model in every worker now (the benchmark times the work, not the start)."""
        list(self._executor.map(_warm, [settings] * self.workers))

    def map_chunks(self, fn: Callable, chunks: Sequence, settings) -> Iterator[tuple[int, object]]:
        """(chunk index, fn(chunk, settings)) as chunks finish, at most two chunks per worker in
        flight. A worker that dies fails the build; what finished before is cached, so running
        the build again continues from there."""
        pending: dict[cf.Future, int] = {}
        queue = list(range(len(chunks)))[::-1]
        while queue and len(pending) < 2 * self.workers:
            index = queue.pop()
            pending[self._executor.submit(fn, chunks[index], settings)] = index
        while pending:
            done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            for future in done:
                index = pending.pop(future)
                yield index, future.result()
                if queue:
                    nxt = queue.pop()
                    pending[self._executor.submit(fn, chunks[nxt], settings)] = nxt

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
