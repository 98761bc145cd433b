"""Writers and readers at once: one writer at a time, an add is all or nothing, a reader always
sees one complete snapshot, and a build killed half-way loses nothing."""

import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from dashboard.pipeline import build, link, store
from dashboard.pipeline.build import add_uploads, build_store
from dashboard.pipeline.config import load_settings
from dashboard.pipeline.lock import StoreBusy, store_lock
from dashboard.pipeline.schema import RECORD_TYPES

ROOT = Path(__file__).resolve().parents[1]


def rows(store_dir):
    return {name: store.read_table(store_dir, name).to_pylist() for name in RECORD_TYPES}


def article(n: int, words: str = "The border is safe and will stay closed") -> bytes:
    return f"Outlet {n}\n\nHeadline number {n} about the border\n\nAndrzej Duda said: “{words}, number {n}.”\n".encode()


@pytest.fixture
def store_copy(tmp_path, built_store):
    target = tmp_path / "s"
    shutil.copytree(built_store, target)
    return target


# --- the lock -------------------------------------------------------------------------------------

def test_a_second_writer_is_told_who_holds_the_lock(tmp_path):
    with store_lock(tmp_path, what="build"):
        result = {}

        def other():
            try:
                with store_lock(tmp_path, timeout=0.2, what="upload"):
                    result["got"] = True
            except StoreBusy as exc:
                result["error"] = str(exc)

        t = threading.Thread(target=other)
        t.start()
        t.join()
    assert "got" not in result
    assert "being written by build (pid" in result["error"] and "0.2 s" in result["error"]
    with store_lock(tmp_path, timeout=0):  # released: free again
        pass


def test_the_lock_is_reentrant_in_one_thread(tmp_path):
    with store_lock(tmp_path, timeout=0):
        with store_lock(tmp_path, timeout=0):
            store.write_snapshot(tmp_path, {})  # takes the lock too
    assert store.current_snapshot(tmp_path).is_dir()


def test_a_killed_writer_leaves_the_store_unlocked(tmp_path):
    code = f"from dashboard.pipeline.lock import store_lock\nimport os\nwith store_lock({str(tmp_path)!r}):\n    os.kill(os.getpid(), 9)\n"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True)
    assert out.returncode == -signal.SIGKILL
    with store_lock(tmp_path, timeout=0):
        pass


# --- readers --------------------------------------------------------------------------------------

def test_a_reader_gets_every_table_from_one_snapshot(store_copy, monkeypatch):
    tables = {name: store.read_records(store_copy, name) for name in RECORD_TYPES}
    before = rows(store_copy)
    real = store._read_table_at
    switched = []

    def switch_midway(snap, name):
        if name == "quotes" and not switched:  # another writer switches while we read
            switched.append(store.write_snapshot(store_copy, {**tables, "quotes": tables["quotes"][:1]}))
        return real(snap, name)

    monkeypatch.setattr(store, "_read_table_at", switch_midway)
    frames = store.read_frames(store_copy)
    assert switched and len(frames["quotes"]) == len(before["quotes"])  # still the snapshot it started on
    assert len(frames["articles"]) == len(before["articles"])


def test_a_leased_snapshot_outlives_later_writes(store_copy):
    tables = {name: store.read_records(store_copy, name) for name in RECORD_TYPES}
    with store.snapshot_lease(store_copy) as snap:
        for k in range(store.KEEP_PREVIOUS + 3):  # enough newer snapshots to collect it
            store.write_snapshot(store_copy, {**tables, "quotes": tables["quotes"][: k + 1]})
        assert snap.is_dir() and store._read_table_at(snap, "quotes").num_rows == len(tables["quotes"])
    store.write_snapshot(store_copy, tables)  # lease given back: now it may go
    snaps = [p for p in store_copy.iterdir() if p.name.startswith("snap-")]
    assert len(snaps) <= store.KEEP_PREVIOUS + 1


def test_readers_during_writes_see_complete_snapshots(store_copy):
    tables = {name: store.read_records(store_copy, name) for name in RECORD_TYPES}
    sizes = {len(tables["quotes"][: k + 1]) for k in range(6)} | {len(tables["quotes"])}
    stop, errors, seen = threading.Event(), [], []

    def reader():
        while not stop.is_set():
            try:
                frames = store.read_frames(store_copy)
                seen.append(len(frames["quotes"]))
                assert len(frames["articles"]) == len(tables["articles"])
            except Exception as exc:  # noqa: BLE001 - collected and reported below
                errors.append(repr(exc))

    threads = [threading.Thread(target=reader) for _ in range(2)]
    for t in threads:
        t.start()
    try:
        for k in range(6):
            store.write_snapshot(store_copy, {**tables, "quotes": tables["quotes"][: k + 1]})
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert not errors
    assert seen and set(seen) <= sizes


# --- two builds at once ---------------------------------------------------------------------------

def test_two_builds_at_once_both_finish_and_leave_a_snapshot(tmp_path, seed_paths):
    store_dir = tmp_path / "s"
    cmds = [[sys.executable, "-m", "dashboard", "build", str(p), "--store", str(store_dir)] for p in (seed_paths[0], seed_paths[1])]
    procs = [subprocess.Popen(c, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for c in cmds]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1][-1500:] for o in outs]
    names = {a.path for a in store.read_records(store_dir, "articles")}
    assert names in ({seed_paths[0].name}, {seed_paths[1].name})  # the one that wrote last
    assert not [p for p in store_dir.iterdir() if p.name.startswith(".staging-")]


# --- adds from the dashboard ----------------------------------------------------------------------

def test_an_add_keeps_the_file_and_switches_the_store_together(store_copy):
    settings = load_settings(store_dir=store_copy)
    [result] = add_uploads(settings, [("new one.txt", article(1))])
    assert result.error is None and result.kept_as == "new_one.txt"
    assert (store_copy / "uploads" / "new_one.txt").read_bytes() == article(1)
    assert "new_one.txt" in {a.path for a in store.read_records(store_copy, "articles")}
    assert not list((store_copy / store.INCOMING).iterdir())


def test_an_add_that_fails_to_write_changes_nothing(store_copy, monkeypatch):
    settings = load_settings(store_dir=store_copy)
    before, pointer = rows(store_copy), (store_copy / "CURRENT").read_text()

    def disk_full(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store.pq, "write_table", disk_full)
    with pytest.raises(OSError):
        add_uploads(settings, [("new.txt", article(1))])
    assert rows(store_copy) == before and (store_copy / "CURRENT").read_text() == pointer
    assert not (store_copy / "uploads").exists()


def test_an_add_interrupted_after_the_switch_is_finished_by_the_next_writer(store_copy, monkeypatch):
    settings = load_settings(store_dir=store_copy)
    real = os.replace

    def die_on_the_final_move(src, dst):
        if Path(src).parent.name == store.INCOMING and Path(dst).parent.name == store.UPLOADS:
            raise KeyboardInterrupt  # the process stops between the switch and the move
        return real(src, dst)

    monkeypatch.setattr(build.os, "replace", die_on_the_final_move)
    with pytest.raises(KeyboardInterrupt):
        add_uploads(settings, [("late.txt", article(2))])
    monkeypatch.setattr(build.os, "replace", real)
    build_store([], settings)  # the next writer, a build of nothing but the store's own uploads
    assert (store_copy / "uploads" / "late.txt").read_bytes() == article(2)
    assert "late.txt" in {a.path for a in store.read_records(store_copy, "articles")}


def test_two_adds_at_once_both_land(store_copy):
    settings = load_settings(store_dir=store_copy)
    before = len(store.read_records(store_copy, "articles"))
    results = {}

    def add(n):
        [results[n]] = add_uploads(settings, [(f"u{n}.txt", article(n))])

    threads = [threading.Thread(target=add, args=(n,)) for n in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r.error is None and r.kept_as for r in results.values())
    assert {p.name for p in (store_copy / "uploads").iterdir()} == {"u1.txt", "u2.txt"}
    paths = {a.path for a in store.read_records(store_copy, "articles")}
    assert {"u1.txt", "u2.txt"} <= paths and len(paths) == before + 2


def test_a_build_keeps_what_was_added_and_adding_again_changes_nothing(store_copy, seed_paths):
    settings = load_settings(store_dir=store_copy)
    add_uploads(settings, [("u.txt", article(1))])
    after_add = rows(store_copy)
    build_store(seed_paths, settings)
    assert rows(store_copy) == after_add  # seeds + the upload, linked the same way
    [again] = add_uploads(settings, [("u-again.txt", article(1))])
    assert again.kept_as is None and "already in the store" in again.warnings[-1]
    assert rows(store_copy) == after_add


def test_an_add_compares_only_the_new_articles_records(store_copy, monkeypatch):
    settings = load_settings(store_dir=store_copy)
    compared = []
    for name in ("same_quote", "same_event"):
        real = getattr(link, name)
        monkeypatch.setattr(link, name, lambda a, b, x, y, real=real: compared.append((a.article_id, b.article_id)) or real(a, b, x, y))
    [r] = add_uploads(settings, [("n.txt", article(5, "We will defend our border with everything we have"))])
    new_id = r.tables["articles"][0].article_id
    assert all(new_id in pair for pair in compared)
    compared.clear()
    build_store([], settings)  # a rebuild with nothing changed compares nothing
    assert compared == []


def test_adds_one_by_one_give_the_store_a_build_of_them_all_gives(tmp_path, seed_paths):
    files = tmp_path / "in"
    files.mkdir()
    for n in range(3):
        (files / f"u{n}.txt").write_bytes(article(n, "We will not allow anyone to threaten our border"))
    one_by_one = load_settings(store_dir=tmp_path / "a")
    build_store(seed_paths[:2], one_by_one)
    for n in range(3):
        add_uploads(one_by_one, [(f"u{n}.txt", (files / f"u{n}.txt").read_bytes())])
    at_once = load_settings(store_dir=tmp_path / "b")
    build_store([*seed_paths[:2], *sorted(files.iterdir())], at_once)
    a, b = rows(tmp_path / "a"), rows(tmp_path / "b")
    assert a == b
    assert max(q["n_outlets"] for q in a["quotes"]) == 3  # the uploads' shared words are linked


# --- a build killed half-way ----------------------------------------------------------------------

def test_a_build_killed_half_way_continues_and_ends_with_the_same_store(tmp_path, seed_paths):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for n in range(3):  # 15 distinct articles
        for seed in seed_paths:
            (inputs / f"{n}_{seed.name}").write_bytes(seed.read_bytes() + f"\n\nCopy {n}.\n".encode())
    store_dir = tmp_path / "s"
    cmd = [sys.executable, "-m", "dashboard", "build", str(inputs), "--store", str(store_dir)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    done = 0
    for line in proc.stderr:
        done += line.startswith("[") and ": ok" in line
        if done == 6:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert not (store_dir / "CURRENT").exists()  # killed before it wrote anything but the cache
    again = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr[-2000:]
    assert again.stderr.count(": cached") >= 6
    fresh = tmp_path / "fresh"
    build_store(sorted(inputs.iterdir()), load_settings(store_dir=fresh))
    assert rows(store_dir) == rows(fresh)
    assert (store_dir / "CURRENT").read_text() == (fresh / "CURRENT").read_text()
