"""Benchmark: words/s of the whole pipeline vs bare spaCy `nlp.pipe` on the same text, and peak memory.

Prints figures; asserts nothing. Run with `make bench`.
"""

from __future__ import annotations

import re
import resource
import time
from pathlib import Path


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
    print(f"articles processed         {len(texts)} ({len(cleaned)} seeds x {repeat})")
    print(f"words                      {words}")
    print(f"bare spaCy nlp.pipe        {figures['spacy_words_per_s']:,.0f} words/s")
    print(f"whole pipeline             {figures['pipeline_words_per_s']:,.0f} words/s")
    print(f"ratio pipeline/spaCy       {figures['ratio']:.2f} (goal >= 0.80)")
    print(f"peak memory (RSS)          {peak_mb:,.0f} MB")
    return figures


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
