"""Direct quotations and who said them.

Where the quotes are is pure text (`quote_spans`); who said them is two ordered lists of sieves
over the article's memory (`attribution`: quote → mention, `speakers`: mention → actor). Here they
are put together: nested quotes attributed to someone else get their own entry, unattributed
short phrases are dropped as scare quotes, and each (speaker, words) pair is kept once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .attribution import CONFIDENCE, Attribution, attribute_quotes
from .cues import is_cue, speech_act, subject_of
from .memory import ArticleMemory
from .names import normalise
from .nlp import sentence_at
from .quote_spans import QuoteSpan, find_quote_spans, is_scare_quote
from .speakers import Phrase, resolve_speaker

__all__ = ["FoundQuote", "extract_quotes", "find_quote_spans", "quote_spans_of", "speech_act"]


@dataclass
class FoundQuote:
    span: QuoteSpan
    text: str
    attribution: Attribution
    sentence: Span


def quote_spans_of(text: str) -> list[QuoteSpan]:
    """The article's quotations, names and scare quotes left out."""
    return [q for q in find_quote_spans(text) if not is_scare_quote(text, q)]


def nested_attributions(doc: Doc, found: FoundQuote, memory: ArticleMemory) -> list[FoundQuote]:
    """Quotes nested in a quote that the quote attributes to someone else ("As X said, 'y'")."""
    out: list[FoundQuote] = []
    for n in found.span.nested:
        sent = sentence_at(doc, n.start)
        cues = [t for t in sent if is_cue(t) and not (n.start <= t.idx < n.end) and found.span.start <= t.idx < found.span.end]
        if not cues and out and "\n" not in memory.text[out[-1].span.end : n.start] and len(memory.text[n.start : n.end].split()) >= 4:
            # "‘I think it's of great concern,’ Biden told reporters. ‘We've communicated …’": the
            # nested speaker goes on, as a quote continues its speaker's words
            prev = out[-1].attribution
            out.append(FoundQuote(n, memory.text[n.start : n.end], Attribution(prev.actor, prev.surface, prev.cue, "nested_cue",
                                                                             prev.speaker_sieve, prev.confidence), sent))
            continue
        if memory.text[sent.start_char : sent.end_char].rstrip().rstrip("”\"’'»").endswith("?"):
            cues = []  # "Isn't it time that the Prime Minister admits that ‘Labour isn't working’?": asked for, not said
        for cue in cues:
            subj = subject_of(cue)
            if subj is None or subj.lower_ in ("i", "we", "you"):
                continue
            r = resolve_speaker(memory, Phrase.of(subj))
            if r.actor is not None and r.actor != found.attribution.actor:
                conf = CONFIDENCE["nested_cue"] * CONFIDENCE.get(r.sieve, 0.5)
                attribution = Attribution(r.actor, r.surface, cue.lemma_.lower(), "nested_cue", r.sieve, conf)
                out.append(FoundQuote(n, memory.text[n.start : n.end], attribution, sent))
                break
    return out


def _key(text: str) -> str:
    return normalise(text).strip(" .,;:!?")


_WORD = re.compile(r"\w+")
# Sieves that find a heading's speaker on its own line; any other attribution of a heading is a guess.
_OWN_LINE_SIEVES = {"headline_speaker", "transcript_turn", "interjected_cue", "governing_cue", "according_to"}


def _repeated(a: Attribution) -> Attribution:
    """The attribution of the quote whose words these repeat, marked as found that way."""
    return Attribution(a.actor, a.surface, a.cue, "repeated_words", a.speaker_sieve,
                       min(a.confidence, CONFIDENCE["repeated_words"]))


def _words(text: str) -> set[str]:
    return set(_WORD.findall(normalise(text)))


def _line_of(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the line holding text[start:end] starts and ends."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, line_end if line_end >= 0 else len(text)


def _in_title(f: FoundQuote, title_span: tuple[int, int] | None) -> bool:
    return title_span is not None and title_span[0] <= f.span.start < title_span[1]


def _said_on_their_lines(found: list[FoundQuote], text: str) -> list[set[str]]:
    """For each quote, the words its speaker says on the quote's line ('“Daddy, I'm really scared,”
    she wrote. “I don't know what to do …”' is one thing said); read once per quote."""
    said = []
    for b in found:
        start, end = _line_of(text, b.span.start, b.span.end)
        said.append({w for o in found if start <= o.span.start < end and o.attribution.actor == b.attribution.actor
                     for w in _words(o.text)})
    return said


def _headings_take_the_speaker_of_their_words(found: list[FoundQuote], text: str, title_span: tuple[int, int] | None) -> list[FoundQuote]:
    """A sub-heading or pull quote that is only a quotation (‘We drove into nowhere’) repeats words of
    a quote below it ("… packed and drove into ‘nowhere’," she said): that quote's speaker, unless
    the heading names its own. The headline's quoted words likewise, from any quote of the body."""
    said = _said_on_their_lines(found, text)
    out = []
    for f in found:
        lo, hi = _line_of(text, f.span.start, f.span.end)
        line = text[lo:hi]
        words = _words(f.text)
        heading = _words(line) == words and not line.rstrip().endswith((".", "”.", '".'))
        unplaced = f.attribution.actor is None  # "PM sends ‘sincere condolences’" summing up "I send our sincere condolences"
        if not (heading or _in_title(f, title_span) or unplaced) or len(words) < 2 or (
                f.attribution.mention_sieve in _OWN_LINE_SIEVES and not unplaced):
            out.append(f)
            continue
        # (words no one was found to say are theirs only as a phrase they say, not as a bag of common words)
        as_phrase = unplaced and not (heading or _in_title(f, title_span))
        body = [b for b, words_b in zip(found, said) if (b.span.start > f.span.end or unplaced) and b.attribution.actor is not None
                and b is not f and words < words_b and (not as_phrase or _key(f.text) in _key(b.text))]
        out.append(FoundQuote(f.span, f.text, _repeated(body[0].attribution), f.sentence) if body else f)
    return out


def _repeats_share_the_body_speaker(found: list[FoundQuote], title_span: tuple[int, int] | None) -> list[FoundQuote]:
    """The same words quoted in the headline (or twice) are one quote: the headline's ‘full tonto’
    takes the speaker the body gives those words, where the body's attribution is the surer one."""
    best: dict[str, FoundQuote] = {}
    speakers: dict[str, set[str]] = {}
    for f in found:
        key = _key(f.text)
        if f.attribution.actor is None or _in_title(f, title_span) or len(key) < 4:
            continue
        speakers.setdefault(key, set()).add(f.attribution.actor.actor_id)
        if key not in best or f.attribution.confidence > best[key].attribution.confidence:
            best[key] = f
    out = []
    for f in found:
        body = best.get(_key(f.text))
        # "Kuleba: attack not ‘imminent’" while Psaki also said "imminent": the headline keeps its own speaker
        keeps_own = f.attribution.actor is not None and f.attribution.actor.actor_id in speakers.get(_key(f.text), ())
        if not keeps_own and body is not None and body is not f and (_in_title(f, title_span) or f.attribution.actor is None):
            f = FoundQuote(f.span, f.text, _repeated(body.attribution), f.sentence)
        out.append(f)
    return out


def extract_quotes(doc: Doc, memory: ArticleMemory, title_span: tuple[int, int] | None = None,
                   disabled: frozenset[str] = frozenset()) -> list[FoundQuote]:
    """All quotes of a parsed article with speakers, scare quotes dropped, repeats merged."""
    text = memory.text
    attributed = attribute_quotes(doc, memory.quotes.spans, memory, title_span, disabled)
    found = [FoundQuote(a.span, text[a.span.start : a.span.end], a.attribution, sentence_at(doc, a.span.start)) for a in attributed]
    found = _repeats_share_the_body_speaker(found, title_span)
    found = _headings_take_the_speaker_of_their_words(found, text, title_span)
    extra = [n for f in found for n in nested_attributions(doc, f, memory)]
    result, seen = [], set()
    # In reading order, a nested quote just before the quote that contains it: a reader (or a
    # scorer) looking for the inner words finds their own speaker first.
    for f in sorted(found + extra, key=lambda f: (f.span.outer.start, 0) if f.span.outer else (f.span.start, 1)):
        if f.attribution.actor is None and len(f.text.split()) <= 3 and f.attribution.rule != "governing_cue/national_official":
            continue  # an unattributed short phrase is a scare quote, not a quotation (but "a source told …", the “closest”: words said)
        key = (f.attribution.actor.actor_id if f.attribution.actor else None, normalise(f.text).strip(" .,"))
        if key in seen:
            continue
        seen.add(key)
        result.append(f)
    return result
