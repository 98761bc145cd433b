"""The command line as a user runs it: `python -m dashboard extract --json` and `build`.

One `extract` run over a folder of bad inputs with good articles among them is checked case by
case; the bad files are generated here (a real PNG, cp1252 bytes, a sparse 30 MB file, ...).
"""

import json
import os
import shutil
import stat
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from dashboard import cli
from dashboard.pipeline import store
from dashboard.pipeline.schema import RECORD_TYPES

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SEED = ROOT / "seeds" / "003_450936814b13e1d0.txt"
NOBODY = 65534


def png_bytes() -> bytes:
    """A valid 1x1 PNG (signature, IHDR, IDAT, IEND with real CRCs)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00\xff")) + chunk(b"IEND", b"")


HTML = """<!doctype html><html><head>
<meta property="og:title" content="Poland closes a border crossing">
<meta property="og:site_name" content="Daily Example">
<meta property="article:published_time" content="2021-11-10T08:00:00Z">
<script>var q = "“Zebra script words,” said Joe Biden.";</script>
</head><body><h1>Poland closes a border crossing</h1>
<p>Polish officials closed the Kuznica crossing on Tuesday.</p>
<script>document.write("“Zebra body script,” Liz Truss said.");</script>
<p>“We will defend our border,” Mariusz Blaszczak said.</p>
</body></html>"""

CP1252 = b"Test Outlet\n\nA headline for the test today\n\nJoe Biden said: \x93We back the caf\xe9 owners.\x94\n"
NO_QUOTES = b"Border quiet\n\nThe border between Poland and Belarus was quiet on the day, officials reported.\n"


def _sparse(path: Path, size: int) -> None:
    with path.open("wb") as fh:
        fh.truncate(size)


def _unreadable(path: Path) -> None:
    path.write_bytes(CP1252)
    path.chmod(0)


def _unreadable_folder(path: Path) -> None:
    path.parent.mkdir()
    path.write_bytes(CP1252)
    path.parent.chmod(0)


def _ok(row):
    assert "error" not in row, row.get("error")
    assert {"path", "title", "outlet", "publication_date", "quotes", "places", "actors", "events"} <= set(row)


def _seed_ok(published):
    def check(row):
        _ok(row)
        assert row["publication_date"] == published and len(row["quotes"]) >= 5 and row["events"] and row["places"]
    return check


def _cp1252_ok(row):
    _ok(row)
    assert [(q["text"], q["speaker"]) for q in row["quotes"]] == [("We back the café owners.", "Joe Biden")]
    assert any("cp1252" in w for w in row["warnings"])


def _html_ok(row):
    _ok(row)
    assert (row["title"], row["outlet"], row["publication_date"]) == ("Poland closes a border crossing", "Daily Example", "2021-11-10")
    assert [q["text"] for q in row["quotes"]] == ["We will defend our border,"]
    assert "Zebra" not in json.dumps(row, ensure_ascii=False)


def _no_quotes_ok(row):
    _ok(row)
    assert row["publication_date"] is None and row["quotes"] == []


def _error(*words):
    def check(row):
        assert set(row) == {"path", "error"}
        for w in words:
            assert w in row["error"]
    return check


# (id, file name, how to make it, check of its JSON line); extract receives them in this order.
CASES = [
    ("good seed first", "seed_a.txt", lambda p: shutil.copy(SEED, p), _seed_ok("2021-12-08")),
    ("empty file", "empty.txt", lambda p: p.write_bytes(b""), _error("empty file")),
    ("whitespace only", "blank.txt", lambda p: p.write_bytes(b"  \n\t\r\n  "), _error("only whitespace")),
    ("PNG renamed .txt", "photo.txt", lambda p: p.write_bytes(png_bytes()), _error("binary file", "PNG image")),
    ("cp1252 curly quotes and e-acute", "cp1252.txt", lambda p: p.write_bytes(CP1252), _cp1252_ok),
    ("30 MB file", "huge.txt", lambda p: _sparse(p, 30 * 1024 * 1024), _error("file too large (31.5 MB; the limit is")),
    ("HTML with scripts and meta tags", "page.html", lambda p: p.write_text(HTML, encoding="utf-8"), _html_ok),
    ("no quotes and no date", "quiet.txt", lambda p: p.write_bytes(NO_QUOTES), _no_quotes_ok),
    ("directory", "folder", lambda p: p.mkdir(), _error("is a directory")),
    ("nonexistent path", "missing.txt", lambda p: None, _error("no such file")),
    ("named pipe", "pipe.txt", lambda p: os.mkfifo(p), _error("not a regular file")),
    ("unreadable file (chmod 000)", "locked.txt", _unreadable, _error("permission denied")),
    ("file in an unreadable folder", "closed/inside.txt", _unreadable_folder, _error("permission denied")),
    ("good seed last", "seed_b.txt", lambda p: shutil.copy(SEEDS[0], p), _seed_ok("2021-11-14")),
]
UNREADABLE = {"unreadable file (chmod 000)", "file in an unreadable folder"}


def _as_user() -> list[str]:
    """Root reads chmod-000 files; run the CLI as nobody when we can, so permissions are real."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv"):
        prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
        # A clone inside a private (0700) folder is out of nobody's reach: then run as root.
        probe = subprocess.run([*prefix, sys.executable, "-c", "import dashboard"], cwd=ROOT, capture_output=True)
        if probe.returncode == 0:
            return prefix
    return []


def run_cli(*args, prefix=(), env=None, timeout=300):
    return subprocess.run(
        [*prefix, sys.executable, "-m", "dashboard", *map(str, args)],
        cwd=ROOT, capture_output=True, text=True, timeout=timeout, env={**os.environ, "HOME": "/tmp", **(env or {})},
    )


@pytest.fixture(scope="module")
def extract_run():
    folder = Path(tempfile.mkdtemp(prefix="cli-inputs-"))
    folder.chmod(0o755)  # readable by the unprivileged user the CLI may run as
    paths = []
    for _, name, make, _ in CASES:
        path = folder / name
        make(path)
        paths.append(path)
    prefix = _as_user()
    out = run_cli("extract", "--json", *paths, prefix=prefix)
    permissions_are_real = os.geteuid() != 0 or bool(prefix)
    yield out, paths, permissions_are_real
    for p in (folder / "closed", folder / "locked.txt"):
        p.chmod(stat.S_IRWXU)
    shutil.rmtree(folder)


@pytest.mark.parametrize("index", [pytest.param(i, id=case[0]) for i, case in enumerate(CASES)])
def test_extract_reports_each_input_in_place(extract_run, index):
    out, paths, permissions_are_real = extract_run
    case_id, _, _, check = CASES[index]
    if case_id in UNREADABLE and not permissions_are_real:
        pytest.skip("running as root and nobody cannot reach this clone: chmod 000 does not stop root")
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(rows) == len(CASES), out.stderr[-2000:]
    assert rows[index]["path"] == str(paths[index])
    check(rows[index])


def test_extract_exit_code_output_lines_and_progress(extract_run):
    out, paths, _ = extract_run
    assert out.returncode == 1  # some inputs failed
    lines = out.stdout.splitlines()
    assert len(lines) == len(paths) and all(line.startswith("{") for line in lines)
    assert [json.loads(line)["path"] for line in lines] == [str(p) for p in paths]  # input order
    progress = [line for line in out.stderr.splitlines() if line.startswith("[")]
    assert [line.split("] ", 1)[0] for line in progress] == [f"[{k}/{len(paths)}" for k in range(1, len(paths) + 1)]
    for path in paths:  # one progress line per input, on stderr
        assert sum(line.split("] ", 1)[1].startswith(f"{path}: ") for line in progress) == 1
    assert "Traceback" not in out.stderr


def test_extract_exits_zero_when_every_input_succeeds(tmp_path):
    (tmp_path / "cp.txt").write_bytes(CP1252)
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    out = run_cli("extract", "--json", SEEDS[1], tmp_path / "cp.txt", tmp_path / "page.html")
    assert out.returncode == 0, out.stderr[-2000:]
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [Path(r["path"]).name for r in rows] == [SEEDS[1].name, "cp.txt", "page.html"]
    assert not [r for r in rows if "error" in r]


# --- build ----------------------------------------------------------------------------------

def store_rows(store_dir):
    return {name: store.read_table(store_dir, name).to_pylist() for name in RECORD_TYPES}


@pytest.fixture(scope="module")
def build_inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inputs")
    for seed in SEEDS[:3]:
        shutil.copy(seed, folder / seed.name)
    (folder / "zz_empty.txt").write_bytes(b"")
    (folder / "zz_photo.txt").write_bytes(png_bytes())
    return folder


@pytest.fixture(scope="module")
def first_build(tmp_path_factory, build_inputs):
    store_dir = tmp_path_factory.mktemp("store")
    out = run_cli("build", build_inputs, "--store", store_dir, env={"PYTHONHASHSEED": "1"})
    return out, store_dir


def test_build_stores_the_good_articles_and_records_the_bad(first_build, build_inputs):
    out, store_dir = first_build
    assert out.returncode == 0, out.stderr[-2000:]  # skipped files are reported, not fatal without --strict
    assert out.stdout == ""
    assert "3 articles" in out.stderr and "2 skipped" in out.stderr
    assert f"skipped {build_inputs / 'zz_empty.txt'}: empty file" in out.stderr
    problems = {Path(p.path).name: p.error for p in store.read_records(store_dir, "problems")}
    assert set(problems) == {"zz_empty.txt", "zz_photo.txt"}
    assert "PNG image" in problems["zz_photo.txt"]
    assert sorted(a.path for a in store.read_records(store_dir, "articles")) == [s.name for s in SEEDS[:3]]


def test_build_is_deterministic_across_processes(first_build, build_inputs, tmp_path):
    _, first_store = first_build
    out = run_cli("build", build_inputs, "--store", tmp_path / "again", "--strict", env={"PYTHONHASHSEED": "2"})
    assert out.returncode == 1  # --strict: skipped files fail the build
    assert (tmp_path / "again" / "CURRENT").read_text() == (first_store / "CURRENT").read_text()
    assert store_rows(tmp_path / "again") == store_rows(first_store)


def test_rebuild_reads_unchanged_articles_from_the_cache(first_build, build_inputs, tmp_path):
    _, first_store = first_build
    target = tmp_path / "s"
    shutil.copytree(first_store, target)
    out = run_cli("build", build_inputs, "--store", target)
    assert out.returncode == 0, out.stderr[-2000:]
    for seed in SEEDS[:3]:
        assert f"{build_inputs / seed.name}: cached" in out.stderr
    assert (target / "CURRENT").read_text() == (first_store / "CURRENT").read_text()
    assert store_rows(target) == store_rows(first_store)


def test_build_crash_mid_write_keeps_the_previous_snapshot(first_build, build_inputs, tmp_path, monkeypatch):
    _, first_store = first_build
    target = tmp_path / "s"
    shutil.copytree(first_store, target)
    before_name, before_rows = (target / "CURRENT").read_text(), store_rows(target)
    (build_inputs / "new.txt").write_bytes(CP1252)  # the new build would differ from the old store
    written = []
    real_write = pq.write_table

    def crash_on_third(table, where, **kw):
        written.append(where)
        if len(written) == 3:
            raise OSError("simulated crash")
        return real_write(table, where, **kw)

    monkeypatch.setattr(pq, "write_table", crash_on_third)
    try:
        with pytest.raises(OSError, match="simulated crash"):
            cli.main(["build", str(build_inputs), "--store", str(target)])
    finally:
        (build_inputs / "new.txt").unlink()
    assert len(written) == 3
    assert (target / "CURRENT").read_text() == before_name
    assert store_rows(target) == before_rows
    assert sorted(p.name for p in target.iterdir() if p.is_dir()) == ["cache", before_name]  # no half snapshot left


def test_build_of_a_folder_without_articles_fails_clearly(tmp_path):
    (tmp_path / "notes.md").write_text("not an article")
    out = run_cli("build", tmp_path, "--store", tmp_path / "s")
    assert out.returncode == 1
    assert "No .txt or .html articles found" in out.stderr
    assert not (tmp_path / "s" / "CURRENT").exists()


@pytest.mark.parametrize("args,ok", [
    pytest.param(["--", "-x.txt"], True, id="after --"),
    pytest.param(["./-x.txt"], True, id="as ./-x.txt"),
    pytest.param(["-x.txt"], False, id="bare: read as an option, with a hint"),
])
def test_a_file_whose_name_starts_with_a_dash(tmp_path, args, ok):
    (tmp_path / "-x.txt").write_bytes(CP1252)
    out = subprocess.run([sys.executable, "-m", "dashboard", "build", "--store", "s", *args], cwd=tmp_path,
                         capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})
    if ok:
        assert out.returncode == 0, out.stderr[-2000:]
        assert [a.path for a in store.read_records(tmp_path / "s", "articles")] == ["-x.txt"]
    else:
        assert out.returncode == 2
        assert "put it after '--' (build -- -x.txt) or write ./-x.txt" in out.stderr
        assert not (tmp_path / "s").exists()


def test_build_in_two_processes_gives_the_store_one_process_gives(first_build, build_inputs, tmp_path):
    _, first_store = first_build
    out = run_cli("build", build_inputs, "--store", tmp_path / "two", "--workers", "2")
    assert out.returncode == 0, out.stderr[-2000:]
    assert store_rows(tmp_path / "two") == store_rows(first_store)
