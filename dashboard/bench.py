"""Benchmark: words/s of the whole pipeline vs bare spaCy `nlp.pipe` on the same text, and peak memory.

Prints figures; asserts nothing. Run with `make bench`.
"""

from __future__ import annotations

import re
import resource
import time
from pathlib import Path

from . import bench_results
from .pipeline.parallel import default_workers


def run_benchmark(seeds: Path, repeat: int = 20) -> dict[str, float]:
    from .pipeline.actors import registry
    from .pipeline.assemble import article_records
    from .pipeline.clean import clean
    from .pipeline.ingest import expand_inputs, read_article
    from .pipeline.nlp import load_nlp
    from .pipeline.places import gazetteer

    nlp = load_nlp()
    registry(), gazetteer()  # loaded once per process, like the model: not per article
    paths = expand_inputs([seeds])
    raws = [read_article(p, 5_000_000) for p in paths]
    cleaned = [clean(r) for r in raws]
    texts = [c.view for c in cleaned] * repeat
    words = sum(len(re.findall(r"\w+", t)) for t in texts)
    list(nlp.pipe(texts[: len(cleaned)]))  # warm-up

    # Interleaved rounds, so that load from other processes falls on both sides alike.
    bare = full = 0.0
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in nlp.pipe([c.view for c in cleaned], batch_size=16):
            pass
        bare += time.perf_counter() - t0
        t0 = time.perf_counter()
        batch = [clean(r) for r in raws]
        for c, doc in zip(batch, nlp.pipe([c.view for c in batch], batch_size=16)):
            article_records(c, doc)
        full += time.perf_counter() - t0

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {
        "articles": len(texts),
        "words": words,
        "spacy_words_per_s": words / bare,
        "pipeline_words_per_s": words / full,
        "ratio": bare / full,
        "peak_memory_mb": peak_mb,
    }
    print(f"cores                      {default_workers()}")
    print(f"articles processed         {len(texts)} ({len(cleaned)} seeds x {repeat})")
    print(f"words                      {words}")
    print(f"bare spaCy nlp.pipe        {figures['spacy_words_per_s']:,.0f} words/s")
    print(f"whole pipeline             {figures['pipeline_words_per_s']:,.0f} words/s")
    print(f"ratio pipeline/spaCy       {figures['ratio']:.2f} (goal >= 0.80)")
    print(f"peak memory (RSS)          {peak_mb:,.0f} MB")
    figures.update(two_process_speedup(paths, copies=max(2, repeat // 2)))
    bench_results.update(None, {
        "cores": default_workers(),
        "pipeline_words_per_s": round(figures["pipeline_words_per_s"], 1),
        "spacy_words_per_s": round(figures["spacy_words_per_s"], 1),
        "pipeline_vs_spacy": round(figures["ratio"], 3),
        "two_process_speedup": round(figures["two_process_speedup"], 3),
        "pipeline_peak_memory_mb": round(peak_mb, 1),
    })
    print(f"written to                 {bench_results.RESULTS}")
    return figures


def two_process_speedup(paths: list[Path], copies: int = 10, rounds: int = 3) -> dict[str, float]:
    """Wall time of the build's per-article work (ingest to records, no cache) in this process
    against a pool of two warm worker processes, on the same distinct articles; interleaved
    rounds, so that load from other processes falls on both sides alike (the median is kept)."""
    import statistics
    import tempfile

    from .pipeline.build import process
    from .pipeline.config import load_settings
    from .pipeline.parallel import LocalPool

    inputs = [(f"{n}_{p.name}", p.read_bytes() + f"\n\nCopy {n}.\n".encode()) for n in range(copies) for p in paths]
    ratios, serial_s, parallel_s = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(store_dir=Path(tmp))
        with LocalPool(2) as pool:
            pool.warm(settings)  # model loaded in both workers: the start-up is not the work
            for _ in range(rounds):
                t0 = time.perf_counter()
                one = process(inputs, settings, use_cache=False)
                serial_s.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                two = process(inputs, settings, use_cache=False, pool=pool)
                parallel_s.append(time.perf_counter() - t0)
                ratios.append(serial_s[-1] / parallel_s[-1])
                if [r.error for r in one] != [r.error for r in two]:
                    print("warning: the two runs did not fail on the same articles")
    speedup = statistics.median(ratios)
    print(f"two processes              {len(inputs)} articles: median {statistics.median(parallel_s):.1f} s vs "
          f"{statistics.median(serial_s):.1f} s in one; speed-up {speedup:.2f}x (rounds {min(ratios):.2f}-{max(ratios):.2f}; "
          "goal >= 1.4x on two cores)")
    return {"two_process_speedup": speedup, "one_process_s": statistics.median(serial_s), "two_process_s": statistics.median(parallel_s)}


def run_app_benchmark(store_dir: Path, reruns: int = 20) -> dict[str, dict]:
    """The dashboard's figures on the store built from the seeds and on synthetic stores of 10k
    and 100k events (1M too with BENCH_1M=1): rerun after a filter change, cold start, first
    paint and filter change in headless Chromium, bytes per rerun, server RSS. Written to
    benchmarks/results.json (section "app"). Prints figures; asserts nothing."""
    import os

    from .app import bench_app

    sizes = ["10k", "100k"] + (["1m"] if os.environ.get("BENCH_1M") == "1" else [])
    stores = {"seeds": store_dir} | {size: bench_app.synthetic_store(size) for size in sizes}
    return bench_app.run(stores, reruns=reruns)
