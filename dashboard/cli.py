"""Command line: python -m dashboard build | extract | eval | eval-html | bench.

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
    from .pipeline.lock import StoreBusy
    from .pipeline.parallel import default_workers
    from .pipeline.store import uploaded_files

    settings = load_settings(store_dir=Path(args.store) if args.store else None)
    paths = expand_inputs(args.paths)
    uploads = [p for p in uploaded_files(settings.store_dir) if p not in paths]
    if uploads:
        print(f"including {len(uploads)} article(s) added from the dashboard ({settings.store_dir / 'uploads'})", file=sys.stderr)
    if not paths and not uploads:
        print(f"No .txt or .html articles found in {' '.join(args.paths)}", file=sys.stderr)
        return 1
    workers = args.workers if args.workers is not None else (0 if args.engine == "dask" else settings.workers)
    workers = workers or default_workers()
    started = time.perf_counter()
    pool = None
    try:
        if args.engine == "dask":
            from .pipeline.distributed import DaskPool

            pool = DaskPool(scheduler=args.scheduler, workers=workers)
        tables, results = build_store(paths, settings, progress=_progress, workers=workers, pool=pool, lock_timeout=args.lock_timeout)
    except StoreBusy as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        if pool is not None:
            pool.close()
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


def extract(paths: list[str], use_cache: bool = False, use_manifest: bool = True, manifest: str | None = None) -> list[dict]:
    """One JSON-ready dict per path, in order. Each file takes its row of a sources.csv/.tsv
    beside it (unless `use_manifest` is False), or of the manifest file named by `manifest`."""
    from .pipeline.build import process
    from .pipeline.ingest import display_name
    from .pipeline.manifest import read_manifest
    from .pipeline.report import article_json

    settings = load_settings(read_manifests=use_manifest and manifest is None)
    sources = None
    if manifest:
        rows, notes = read_manifest(Path(manifest))
        for note in notes:
            print(f"{manifest}: {note}", file=sys.stderr)
        sources = {p: rows[Path(p).name] for p in paths if Path(p).name in rows}
    results = process([(p, None) for p in paths], settings, use_cache=use_cache, progress=_progress, sources=sources)
    out = []
    for path, r in zip(paths, results):
        shown = display_name(path)
        if r.error:
            out.append({"path": shown, "error": r.error})
        else:
            out.append(article_json(shown, r.tables, r.warnings))
    return out


def cmd_extract(args) -> int:
    rows = extract(args.paths, use_manifest=not args.no_manifest, manifest=args.manifest)
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 1 if any("error" in r for r in rows) else 0


def cmd_eval_html(args) -> int:
    from .html_bench import run

    figures = run(Path(args.bench), Path(args.out), n_bootstrap=args.n_bootstrap)
    print(f"body F1 {figures['f1']:.3f} (precision {figures['precision']:.3f}, recall {figures['recall']:.3f}) "
          f"on {figures['pages']} pages of {args.bench}; trafilatura read {figures['trafilatura']}, "
          f"fallback {figures['fallback']}, failed {figures['failed']}; output in {figures['output']}")
    return 0


def _score_corpus(corpus) -> "Scores":
    """Quotes, places and dates of one corpus, from the text alone (no manifest beside it), with
    outlet figures against its sources.tsv where it has one."""
    from .pipeline.evaluate import evaluate, load_gold
    from .pipeline.evaluate_metadata import score_metadata
    from .pipeline.manifest import read_manifest

    gold = load_gold(corpus.gold)
    paths = [corpus.articles / g["file"] for g in gold]
    preds = extract([str(p) for p in paths], use_manifest=False)
    scores = evaluate(preds, gold)
    manifest = corpus.articles / "sources.tsv"
    sources = read_manifest(manifest)[0] if manifest.is_file() else {}
    texts = {p.name: p.read_text(encoding="utf-8", errors="replace") for p in paths if p.is_file()}
    scores.metadata = score_metadata(preds, gold, sources, texts)
    return scores


def _print_scores(rows: list[tuple[str, bool, "Scores"]]) -> None:
    print(f"{'corpus':30s} {'tuned':5s} {'gold':>4s} {'P':>6s} {'R':>6s} {'speaker':>8s} {'attr-F1':>8s} {'places':>7s} "
          f"{'date':>6s} {'invented':>8s} {'outlet':>7s}")
    for name, tuned, sc in rows:
        md = getattr(sc, "metadata", None)
        outlet = f"{md.outlet_named_right}/{md.outlet_named}" if md is not None and md.outlet_named else "-"
        print(
            f"{name:30s} {'yes' if tuned else 'no':5s} {sc.n_gold:4d} {sc.precision:6.3f} {sc.recall:6.3f} {sc.speaker_accuracy:8.3f} "
            f"{sc.attributed_f1:8.3f} {sc.place_recall:7.3f} {sc.dates_right:>3d}/{sc.dates_stated:<2d} "
            f"{sc.dates_invented:>4d}/{sc.dates_unstated:<3d} {outlet:>7s}"
        )
    print("date: stated publication dates right / stated; invented: a date where the text states none / such articles;"
          "\noutlet: right / articles whose text names its outlet (the real outlet from the corpus's sources.tsv)")


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


class _Parser(argparse.ArgumentParser):
    """argparse, with a hint when a file name that starts with '-' was read as an option."""

    def error(self, message):
        argv = self._argv or []
        dashed = [a for a in argv if a.startswith("-") and a != "--" and (Path(a).exists() or "." in a)]
        if dashed:
            message += (f"\n{dashed[0]!r} was read as an option; to name a file that starts with '-', "
                        f"put it after '--' (build -- {dashed[0]}) or write ./{dashed[0]}")
        super().error(message)


def main(argv: list[str] | None = None) -> int:
    _Parser._argv = list(sys.argv[1:] if argv is None else argv)
    parser = _Parser(prog="python -m dashboard", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the store from article files or folders")
    b.add_argument("paths", nargs="+", help="files or folders; a name starting with '-' goes after '--' (build -- -x.txt) or as ./-x.txt")
    b.add_argument("--store", help="store directory (default data/store)")
    b.add_argument("--strict", action="store_true", help="exit 1 when any article was skipped")
    b.add_argument("--workers", type=int, help="processes (local) or cluster workers to start (dask without --scheduler); 0: one per core")
    b.add_argument("--engine", choices=("local", "dask"), default="local", help="where the per-article work runs")
    b.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://host:8786), with --engine dask")
    b.add_argument("--lock-timeout", type=float, help="seconds to wait for another writer of the store (default 3600)")
    b.set_defaults(func=cmd_build)
    e = sub.add_parser("extract", help="print one JSON object per file")
    e.add_argument("--json", action="store_true", help="JSON lines output (the only format)")
    e.add_argument("--no-manifest", action="store_true", help="ignore sources.csv/.tsv files beside the articles")
    e.add_argument("--manifest", help="a sources.csv/.tsv (file, url, outlet, publication_date) for the files given")
    e.add_argument("paths", nargs="+")
    e.set_defaults(func=cmd_extract)
    h = sub.add_parser("eval-html", help="body F1 on the HTML benchmark (writes its output file and prints its figures)")
    h.add_argument("bench", nargs="?", default=str(REPO_ROOT / "tests" / "fixtures" / "html-bench"), help="a copy of the benchmark")
    h.add_argument("--out", default=str(REPO_ROOT / "build" / "eval-html"), help="folder for output/dashboard.json")
    h.add_argument("--n-bootstrap", type=int, default=100)
    h.set_defaults(func=cmd_eval_html)
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
    y = sub.add_parser("synth", help="write a synthetic store of N events (for benchmarks at scale)")
    y.add_argument("--events", type=int, required=True)
    y.add_argument("--out", required=True, help="store directory to write")
    y.add_argument("--seed", type=int, default=0)
    y.add_argument("--via-store", action="store_true", help="write records rather than Arrow tables through store.write_snapshot (slow above 20k events)")
    y.set_defaults(func=cmd_synth)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    if not args.verbose:  # trafilatura logs a warning for every page it finds no article in: ours says which
        for name in ("trafilatura", "htmldate", "courlan"):
            logging.getLogger(name).setLevel(logging.ERROR)
    return args.func(args)
