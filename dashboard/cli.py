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


def _score_corpus(corpus) -> "Scores":
    from .pipeline.evaluate import evaluate, load_gold

    gold = load_gold(corpus.gold)
    return evaluate(extract([str(corpus.articles / g["file"]) for g in gold]), gold)


def _print_scores(rows: list[tuple[str, bool, "Scores"]]) -> None:
    print(f"{'corpus':30s} {'tuned':5s} {'gold':>4s} {'P':>6s} {'R':>6s} {'speaker':>8s} {'attr-F1':>8s} {'places':>7s} {'dates':>6s} invented")
    for name, tuned, sc in rows:
        print(
            f"{name:30s} {'yes' if tuned else 'no':5s} {sc.n_gold:4d} {sc.precision:6.3f} {sc.recall:6.3f} {sc.speaker_accuracy:8.3f} "
            f"{sc.attributed_f1:8.3f} {sc.place_recall:7.3f} {sc.dates_right:>3d}/{sc.dates_stated:<2d} {sc.dates_invented}/{sc.dates_unstated}"
        )


def _print_sieves(rows: list[tuple[str, bool, "Scores"]]) -> None:
    from .pipeline.evaluate import Scores

    total = Scores()
    for _, _, sc in rows:
        for key, (n, r) in sc.by_sieve.items():
            acc = total.by_sieve.setdefault(key, [0, 0])
            acc[0] += n
            acc[1] += r
    for position, title in ((0, "quote → mention sieve"), (1, "mention → actor sieve")):
        print(f"\n{title:24s} {'found':>6s} {'right':>6s} {'accuracy':>9s}")
        for sieve, n, right in total.sieve_rows(position):
            print(f"{sieve:24s} {n:6d} {right:6d} {right / n:9.3f}")


def cmd_eval(args) -> int:
    import os

    from .pipeline.attribution import ALL_SIEVES
    from .pipeline.evaluate import Corpus, known_corpora
    from .pipeline.speakers import SPEAKER_SIEVES

    corpora = known_corpora(REPO_ROOT)
    if args.gold:
        folder = Path(args.articles or Path(args.gold).parent / "articles")
        corpora = [Corpus(args.name or Path(args.gold).stem, Path(args.gold), folder, False)]
    if args.without:
        os.environ["DASHBOARD_DISABLED_SIEVES"] = args.without
    print(f"active sieves: {', '.join(s for s in ALL_SIEVES if s not in (args.without or '').split(','))}")
    rows = [(c.name, c.tuned_on, _score_corpus(c)) for c in corpora]
    if args.verbose:
        for name, _, sc in rows:
            for line in sc.errors:
                print(f"  [{name}] {line}")
    _print_scores(rows)
    _print_sieves(rows)
    if args.ablation:
        print(f"\nablation: attributed-quote F1 with one sieve switched off (change against all on)")
        print(f"{'switched off':24s} " + " ".join(f"{name[:18]:>18s}" for name, _, _ in rows))
        base = [sc.attributed_f1 for _, _, sc in rows]
        for sieve in [*ALL_SIEVES, *(s.__name__ for s in SPEAKER_SIEVES)]:
            os.environ["DASHBOARD_DISABLED_SIEVES"] = ",".join(x for x in [args.without, sieve] if x)
            scores = [_score_corpus(c).attributed_f1 for c in corpora]
            print(f"{sieve:24s} " + " ".join(f"{f:8.3f} ({f - b:+.3f})" for f, b in zip(scores, base)))
        os.environ.pop("DASHBOARD_DISABLED_SIEVES", None)
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
    v = sub.add_parser("eval", help="score extraction against every gold corpus (or one given by --gold)")
    v.add_argument("--gold", help="a gold JSONL file to score instead of the project's corpora")
    v.add_argument("--articles", help="the folder of that gold's articles (default: 'articles' beside it)")
    v.add_argument("--name", help="the corpus name to print")
    v.add_argument("--without", default="", help="comma-separated sieves to switch off (ablation)")
    v.add_argument("--ablation", action="store_true", help="also score with each sieve switched off in turn")
    v.add_argument("--verbose", "-v", action="store_true")
    v.set_defaults(func=cmd_eval)
    k = sub.add_parser("bench", help="words/s of the pipeline vs bare spaCy, and peak memory")
    k.add_argument("--seeds", default=str(REPO_ROOT / "seeds"))
    k.add_argument("--repeat", type=int, default=20)
    k.add_argument("--no-app", action="store_true", help="pipeline figures only")
    k.set_defaults(func=cmd_bench)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    return args.func(args)
