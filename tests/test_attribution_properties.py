"""The sieves and the article memory on random news-like text with odd marks: they never raise,
every span they report is exact, and every speaker is an actor or a clean name."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.pipeline.build import process
from dashboard.pipeline.config import load_settings

FRAGMENTS = st.sampled_from([
    "said", "told reporters", "added", "warned", "according to", "he", "she", "they", "it", "the minister",
    "the Foreign Secretary", "Belarus’", "Poland's", "Ms Truss", "Mr Lavrov", "Alexander Lukashenko", "Kyiv", "Brussels",
    "a spokesman for the ministry", "officials", "2021 - 11 - 08", "Muller", "the Kremlin", "Zelensky's office",
    "Volodymyr", "Zelenskyy", "von", "der", "Leyen", "BBC's", "asked", "adding", "quoted", "as saying", "Q", "A",
    "´", "`", "\"", "'", "“", "”", "‘", "’", "«", "»", "„", ":", ";", ",", ".", "?", "—", "–", "-", "(", ")", "\n", "\n\n",
    "0", "12:05", "®", "\u00a0", "\u2028", "I", "me", "my", "we",
])
NEWSLIKE = st.lists(FRAGMENTS, min_size=1, max_size=80).map(" ".join)
_DIRTY = re.compile(r"\d|[|/\\@#<>=+*_~^{}\[\]]")


@settings(max_examples=60, deadline=None)
@given(body=NEWSLIKE, dated=st.booleans())
def test_attribution_never_raises_and_every_span_is_exact(body, dated):
    text = (" date 2021-11-14\n" if dated else "") + "A headline\n\n" + body
    [result] = process([("fuzz.txt", text.encode())], load_settings(), use_cache=False)
    assert result.error is None, result.error
    tables = result.tables
    for q in tables["quotes"]:
        assert text[q.start_char : q.end_char] == q.text
        assert q.mention_sieve and q.speaker_sieve
        assert 0.0 <= q.confidence <= 1.0
        if q.speaker is not None:
            assert not _DIRTY.search(q.speaker), q.speaker
    for m in tables["actor_mentions"]:
        assert text[m.start_char : m.end_char] == m.surface
    for s in tables["sentences"]:
        assert text[s.start_char : s.end_char] == s.text
    quote_ids = {q.quote_id for q in tables["quotes"]}
    for e in tables["events"]:
        assert e.quote_id is None or e.quote_id in quote_ids


def test_an_acute_accent_where_a_mark_would_be():
    """`said ´0` once ended in an internal error (IndexError) inside attribution."""
    for text in ("He said ´0", "said ´0", "“said ´0", "The minister said ´ on Monday.", "He said: ‘ ’ “ ” ´ ` \" '"):
        [result] = process([("odd.txt", text.encode())], load_settings(), use_cache=False)
        assert result.error is None, (text, result.error)
