"""One writer at a time: an exclusive file lock on `<store>/.lock`.

Every writer of a store (a build, an upload from the dashboard, a synthetic store) holds it
while it reads the live snapshot, writes the next one and switches `CURRENT`. It is an
`fcntl.flock` lock, so the kernel releases it when its holder dies: a killed build never
leaves the store locked. A second writer waits up to its timeout and then gets `StoreBusy`,
which names who holds the lock. The lock is re-entrant within one thread (a build that holds
it can call `write_snapshot`, which takes it too); other threads and processes wait.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import socket
import threading
import time
from pathlib import Path
from typing import Iterator

from .errors import StoreError

LOCK_FILE = ".lock"
_held = threading.local()  # store dir -> depth, per thread


class StoreBusy(StoreError):
    """Another writer holds the store's lock for longer than this writer would wait."""


def _holder(path: Path) -> str:
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
        return f"{info.get('what') or 'a writer'} (pid {info.get('pid')} on {info.get('host')}, since {info.get('since')})"
    except (OSError, ValueError, AttributeError):
        return "another writer"


@contextlib.contextmanager
def store_lock(store_dir: Path, timeout: float | None = None, what: str = "") -> Iterator[None]:
    """Hold the store's writer lock. `timeout` None waits for ever, 0 does not wait."""
    store_dir = Path(store_dir)
    key = str(store_dir.resolve())
    depth = getattr(_held, "depth", None)
    if depth is None:
        depth = _held.depth = {}
    if depth.get(key):
        depth[key] += 1
        try:
            yield
        finally:
            depth[key] -= 1
        return
    store_dir.mkdir(parents=True, exist_ok=True)
    path = store_dir / LOCK_FILE
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if deadline is not None and time.monotonic() >= deadline:
                    raise StoreBusy(
                        f"The store at {store_dir} is being written by {_holder(path)}; "
                        f"gave up after waiting {timeout:g} s. Try again when it has finished."
                    ) from None
                time.sleep(0.05)
        info = {"what": what, "pid": os.getpid(), "host": socket.gethostname(), "since": time.strftime("%H:%M:%S")}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)
        depth[key] = 1
        try:
            yield
        finally:
            depth[key] = 0
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def holds_lock(store_dir: Path) -> bool:
    """Whether this thread holds the store's lock."""
    return bool(getattr(_held, "depth", {}).get(str(Path(store_dir).resolve())))
