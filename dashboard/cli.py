"""Command line: python -m dashboard build | extract | eval | bench.

Logging and progress are configured here and go to stderr; stdout carries only results.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

from .pipeline.config import REPO_ROOT, load_settings

GOLD = REPO_ROOT / "tests" / "golden" / "seeds.jsonl"


def _progress(result, done: int, total: int) -> None:
    status = "error: " + result.error if result.error else ("cached" if result.cached else "ok")
    if result.tables:
        t = result.tables
        status += f" ({len(t['quotes'])} quotes, {len(t['events'])} events, {len(t['place_mentions'])} places)"
    print(f"[{done}/{total}] {result.path}: {status}", file=sys.stderr, flush=True)


def cmd_build(args) -> int:
    from .pipeline.build import build_store
    from .pipeline.ingest import expand_inputs

    from .pipeline.store import uploaded_files

    settings = load_settings(store_dir=Path(args.store) if args.store else None)
    paths = expand_inputs(args.paths)
    uploads = [p for p in uploaded_files(settings.store_dir) if p not in paths]
    if uploads:
        print(f"including {len(uploads)} article(s) added from the dashboard ({settings.store_dir / 'uploads'})", file=sys.stderr)
        paths += uploads
    if not paths:
        print(f"No .txt or .html articles found in {' '.join(args.paths)}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    tables, results = build_store(paths, settings, progress=_progress)
    failed = [r for r in results if r.error]
    print(
        f"Store at {settings.store_dir}: {len(tables['articles'])} articles, {len(tables['quotes'])} quotes, "
        f"{len(tables['events'])} events, {len(tables['actors'])} actors, {len(tables['places'])} places; "
        f"{len(failed)} skipped; {time.perf_counter() - started:.1f}s",
        file=sys.stderr,
    )
    for r in failed:
        print(f"skipped {r.path}: {r.error}", file=sys.stderr)
    return 1 if failed and args.strict else 0


def extract(paths: list[str], use_cache: bool = False) -> list[dict]:
    from .pipeline.build import process
    from .pipeline.report import article_json

    settings = load_settings()
    results = process([(p, None) for p in paths], settings, use_cache=use_cache, progress=_progress)
    out = []
    for path, r in zip(paths, results):
        if r.error:
            out.append({"path": path, "error": r.error})
        else:
            out.append(article_json(path, r.tables, r.warnings))
    return out


def cmd_extract(args) -> int:
    rows = extract(args.paths)
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 1 if any("error" in r for r in rows) else 0


def cmd_eval(args) -> int:
    from .pipeline.evaluate import evaluate, load_gold

    gold = load_gold(Path(args.gold))
    seeds = Path(args.seeds)
    preds = extract([str(seeds / g["file"]) for g in gold])
    scores = evaluate(preds, gold)
    if args.verbose:
        for line in scores.errors:
            print("  " + line)
    for key, value in scores.summary().items():
        print(f"{key:22s} {value:.3f}")
    return 0


def cmd_bench(args) -> int:
    from .bench import run_app_benchmark, run_benchmark
    from .pipeline.build import build_store
    from .pipeline.ingest import expand_inputs

    run_benchmark(Path(args.seeds), repeat=args.repeat)
    if not args.no_app:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            build_store(expand_inputs([Path(args.seeds)]), load_settings(store_dir=Path(tmp)))
            run_app_benchmark(Path(tmp))
    return 0


def cmd_synth(args) -> int:
    from .synth import synth_store

    started = time.perf_counter()
    counts = synth_store(Path(args.out), args.events, seed=args.seed, via_store=True if args.via_store else None)
    print(
        f"Synthetic store at {args.out}: " + ", ".join(f"{n} {name}" for name, n in counts.items())
        + f"; {time.perf_counter() - started:.1f}s",
        file=sys.stderr,
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the store from article files or folders")
    b.add_argument("paths", nargs="+")
    b.add_argument("--store", help="store directory (default data/store)")
    b.add_argument("--strict", action="store_true", help="exit 1 when any article was skipped")
    b.set_defaults(func=cmd_build)
    e = sub.add_parser("extract", help="print one JSON object per file")
    e.add_argument("--json", action="store_true", help="JSON lines output (the only format)")
    e.add_argument("paths", nargs="+")
    e.set_defaults(func=cmd_extract)
    v = sub.add_parser("eval", help="score extraction against the gold annotations")
    v.add_argument("--gold", default=str(GOLD))
    v.add_argument("--seeds", default=str(REPO_ROOT / "seeds"))
    v.add_argument("--verbose", "-v", action="store_true")
    v.set_defaults(func=cmd_eval)
    k = sub.add_parser("bench", help="words/s of the pipeline vs bare spaCy, and peak memory")
    k.add_argument("--seeds", default=str(REPO_ROOT / "seeds"))
    k.add_argument("--repeat", type=int, default=20)
    k.add_argument("--no-app", action="store_true", help="pipeline figures only")
    k.set_defaults(func=cmd_bench)
    y = sub.add_parser("synth", help="write a synthetic store of N events (for benchmarks at scale)")
    y.add_argument("--events", type=int, required=True)
    y.add_argument("--out", required=True, help="store directory to write")
    y.add_argument("--seed", type=int, default=0)
    y.add_argument("--via-store", action="store_true", help="always write through store.write_snapshot (slow above 20k events)")
    y.set_defaults(func=cmd_synth)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    return args.func(args)
