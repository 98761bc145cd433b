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

    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    bare = time.perf_counter() - t0

    t0 = time.perf_counter()
    for _ in range(repeat):
        batch = [clean(r) for r in raws]
        for c, doc in zip(batch, nlp.pipe([c.view for c in batch], batch_size=16)):
            article_records(c, doc)
    full = time.perf_counter() - t0

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
