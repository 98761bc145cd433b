"""Run the per-article work on a Dask cluster (a local one, or a real one by address).

The same function as a local build (`build.extract_chunk`) is mapped over coarse chunks of
decoded articles. Each worker loads the spaCy model once (`nlp.load_nlp` is cached per
process, and worker processes live for the whole build). A chunk's task key is a digest of
its articles' bytes and the pipeline data, so its output is idempotent: a chunk whose worker
fails or dies is simply run again (Dask `retries`, and Dask's own rescheduling of the tasks
of a lost worker). The client keeps the cache and writes the store once, at the end, through
`store.write_snapshot`, like any build: workers need no access to the store.

Why Dask and not Ray: the work is a plain map of a Python function over chunks, which Dask's
`Client.submit` does with nothing more than `pip install distributed` on each machine and
`dask scheduler` / `dask worker ADDRESS` to start a cluster; a local cluster starts in about a
second inside a test. Ray brings its own object store, dashboard and raylet processes (a few
hundred MB of wheels) for features this map does not use.
"""

from __future__ import annotations

import hashlib
import logging
import os
from typing import Callable, Iterator, Sequence

log = logging.getLogger(__name__)

_chunks_done = 0  # per worker process, for worker_status


def _run_chunk(fn: Callable, chunk: Sequence, settings, expected_digest: str):
    """On a worker: check it runs the same pipeline and data as the client, then do the chunk."""
    global _chunks_done
    from .build import _data_digest
    from .config import load_settings

    own = _data_digest(load_settings())
    if own != expected_digest:
        raise RuntimeError(f"worker {os.getpid()} runs another pipeline version or other data ({own} != {expected_digest})")
    result = fn(chunk, settings)
    _chunks_done += 1
    return result


def worker_status() -> dict:
    """On a worker: how many chunks it did and how often it loaded the model."""
    from .nlp import load_nlp

    info = load_nlp.cache_info()
    return {"pid": os.getpid(), "chunks": _chunks_done, "model_loads": info.misses}


class DaskPool:
    """A Dask client: on the scheduler at `scheduler` (tcp://host:8786), or on a local cluster of
    `workers` single-threaded worker processes started here (and stopped by `close`)."""

    def __init__(self, scheduler: str | None = None, workers: int = 2, retries: int = 2):
        from distributed import Client, LocalCluster

        if logging.getLogger().getEffectiveLevel() > logging.INFO:  # the CLI's --verbose shows Dask's own news
            logging.getLogger("distributed").setLevel(logging.WARNING)
        self.retries = retries
        self._cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self._cluster = LocalCluster(
                n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=":0",
                silence_logs=logging.WARNING,
            )
            self.client = Client(self._cluster)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or workers)

    def map_chunks(self, fn: Callable, chunks: Sequence, settings) -> Iterator[tuple[int, object]]:
        """(chunk index, outcomes) as chunks finish, at most two chunks per worker in flight. A
        chunk that fails on every attempt gives each of its articles an error; the rest go on."""
        from distributed import as_completed

        from .build import _data_digest

        digest = _data_digest(settings)
        queue = list(range(len(chunks)))[::-1]
        index_of = {}

        def submit(index: int):
            chunk = chunks[index]
            key = hashlib.sha256((digest + "".join(r.sha256 for r in chunk)).encode()).hexdigest()[:24]
            future = self.client.submit(_run_chunk, fn, chunk, settings, digest, key=f"extract-{key}", retries=self.retries, pure=False)
            index_of[future.key] = index
            return future

        running = as_completed([submit(queue.pop()) for _ in range(min(len(queue), 2 * self.workers))])
        for future in running:
            index = index_of.pop(future.key)
            try:
                outcome = future.result()
            except Exception as exc:  # noqa: BLE001 - reported per article, the build goes on
                log.error("chunk %d failed on every attempt: %s", index, exc)
                outcome = [(None, f"failed on the cluster after {self.retries + 1} attempts ({type(exc).__name__}: {exc})", [])] * len(chunks[index])
            future.release()
            yield index, outcome
            if queue:
                running.add(submit(queue.pop()))

    def worker_status(self) -> list[dict]:
        return sorted(self.client.run(worker_status).values(), key=lambda s: s["pid"])

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
