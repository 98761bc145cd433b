"""Soak test of the store: two writers and two readers on one store for a minute, then a check
that nothing was lost.

    .venv/bin/python scripts/soak_store.py [--seconds 60] [--store /tmp/soak-store]

Writer 1 adds a new article from "the dashboard" (build.add_uploads) again and again; writer 2
rebuilds the store from seeds/ again and again (which takes in the uploads). Two reader
processes read every table of the live snapshot in a loop and check that each read is one
complete snapshot (every quote's and event's article is among the articles read with it).
At the end every add that reported success must have its file in uploads/ and its article in
the store, and no reader may have failed. Exit status 0 when all holds, 1 otherwise.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def article(n: int) -> bytes:
    return (f"Soak Outlet\n\nSoak headline {n}\n\nAndrzej Duda said on Tuesday: “The soak test number {n} "
            f"keeps the border closed.”\n").encode()


def adder(store_dir: str, until: float, added) -> None:
    from dashboard.pipeline.build import add_uploads
    from dashboard.pipeline.config import load_settings
    from dashboard.pipeline.lock import StoreBusy

    settings = load_settings(store_dir=Path(store_dir))
    n = 0
    while time.time() < until:
        try:
            [r] = add_uploads(settings, [(f"soak-{n}.txt", article(n))], lock_timeout=30)
        except StoreBusy:
            continue  # told clearly; nothing was changed
        if r.error is None and r.kept_as:
            added.append((r.kept_as, r.tables["articles"][0].article_id))
        n += 1


def builder(store_dir: str, until: float, builds) -> None:
    from dashboard.pipeline.build import build_store
    from dashboard.pipeline.config import load_settings
    from dashboard.pipeline.ingest import expand_inputs

    settings = load_settings(store_dir=Path(store_dir))
    seeds = expand_inputs([ROOT / "seeds"])
    while time.time() < until:
        build_store(seeds, settings)
        builds.value += 1


def reader(store_dir: str, until: float, reads, errors) -> None:
    from dashboard.pipeline import store

    while time.time() < until:
        try:
            tables = store.read_tables(Path(store_dir), ["articles", "quotes", "events"])
            ids = set(tables["articles"].column("article_id").to_pylist())
            for name in ("quotes", "events"):
                stray = set(tables[name].column("article_id").to_pylist()) - ids
                if stray:
                    errors.append(f"{name} of articles not in the same read: {sorted(stray)[:3]}")
            reads.value += 1
        except Exception as exc:  # noqa: BLE001 - every failure is the finding
            errors.append(repr(exc))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--store", help="store directory (default: a new temporary one, removed afterwards)")
    args = parser.parse_args(argv)

    from dashboard.pipeline import store
    from dashboard.pipeline.build import build_store
    from dashboard.pipeline.config import load_settings
    from dashboard.pipeline.ingest import expand_inputs

    tmp = None if args.store else tempfile.mkdtemp(prefix="soak-")
    store_dir = Path(args.store or tmp) / "store"
    build_store(expand_inputs([ROOT / "seeds"]), load_settings(store_dir=store_dir))
    ctx = mp.get_context("spawn")
    with ctx.Manager() as manager:
        added, errors = manager.list(), manager.list()
        builds, reads = manager.Value("i", 0), manager.Value("i", 0)
        until = time.time() + args.seconds
        procs = [
            ctx.Process(target=adder, args=(str(store_dir), until, added)),
            ctx.Process(target=builder, args=(str(store_dir), until, builds)),
            *(ctx.Process(target=reader, args=(str(store_dir), until, reads, errors)) for _ in range(2)),
        ]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        added, errors = list(added), list(errors)
        crashed = [p.exitcode for p in procs if p.exitcode != 0]
        live = {a.article_id for a in store.read_records(store_dir, "articles")}
        kept = {p.name for p in store.uploaded_files(store_dir)}
        lost = [(name, aid) for name, aid in added if name not in kept or aid not in live]
        print(f"{args.seconds:.0f} s: {len(added)} adds, {builds.value} builds, {reads.value} complete reads; "
              f"{len(lost)} adds lost, {len(errors)} reader errors, {len(crashed)} processes crashed")
        for line in (errors[:5] + [f"lost {x}" for x in lost[:5]]):
            print("  " + line)
    if tmp:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0 if added and not lost and not errors and not crashed else 1


if __name__ == "__main__":
    sys.exit(main())
