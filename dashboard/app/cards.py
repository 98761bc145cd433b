"""Quote cards: safe text and the source view. Untrusted text never becomes markup."""

from __future__ import annotations

from .safe_text import markdown as escape_markdown  # noqa: F401 (the cards' escaping lives with the others)


def page_count(n: int, per_page: int) -> int:
    return max(1, -(-n // per_page))


def page_slice(n: int, page: int, per_page: int) -> slice:
    page = min(max(1, page), page_count(n, per_page))
    return slice((page - 1) * per_page, min(n, page * per_page))


def source_excerpt(
    article_text: str, start: int, end: int, sent_start: int, sent_end: int, context: int = 400, body_start: int = 0
) -> tuple[str, str, str]:
    """(before, quoted sentence, after) around a quote, cut at paragraph breaks where possible
    and never reaching back into the page furniture above the article's body."""
    lo = max(0, min(start, sent_start))
    hi = min(len(article_text), max(end, sent_end))
    before_start = article_text.rfind("\n\n", 0, max(0, lo - context))
    before_start = max(0, lo - context) if before_start < 0 else before_start + 2
    before_start = max(before_start, min(body_start, lo))
    line_start = article_text.find("\n", before_start, lo)
    if before_start > 0 and article_text[before_start - 1] != "\n" and line_start >= 0:
        before_start = line_start + 1  # start on a whole line
    after_end = article_text.find("\n\n", min(len(article_text), hi + context))
    after_end = min(len(article_text), hi + context) if after_end < 0 else after_end
    return article_text[before_start:lo], article_text[lo:hi], article_text[hi:after_end]


def highlighted_markdown(before: str, sentence: str, after: str) -> str:
    """Markdown of an excerpt with the quoted sentence highlighted; all text escaped. The
    highlight is the theme's yellow pair (`.streamlit/config.toml`): a dark band with light text
    in the light theme and the reverse in the dark one, >= 3:1 against the page either way."""
    marked = escape_markdown(sentence.strip()).replace("  \n", " ")
    return f"{escape_markdown(before)}:yellow-background[:yellow[{marked}]]{escape_markdown(after)}"


# How the attribution was made, in the reader's words (the sieves of pipeline/attribution.py and
# pipeline/speakers.py). A sieve missing here is shown by its own name rather than hidden.
MENTION_WORDS = {
    "governing_cue": "the reporting verb of the quote",
    "according_to": "“according to …”",
    "colon_intro": "an introduction ending in a colon",
    "transcript_turn": "a transcript turn (Name: …)",
    "headline_speaker": "the headline (Name: …)",
    "continuation": "continues the quote before it",
    "conversation_turn": "a turn in an exchange",
    "previous_cue": "the reporting verb (or “according to …”) of the paragraph just before",
    "introduced_speaker": "the one person the paragraph before is about",
    "opening_quote": "the person the next paragraph introduces",
    "following_cue": "the next sentence's reporting verb (\"he said this …\", \"these are the words of …\")",
    "interjected_cue": "a reporting clause between dashes inside the quote (“… – said X – …”)",
    "nearest_cue": "the nearest reporting verb",
    "nested_cue": "the verb inside the outer quote",
    "repeated_words": "repeats words of another quote of the article",
    "loose": "a loose match",
    "last_speaker": "a guess: the person quoted last",
    "none": "no words name the speaker",
}
SPEAKER_WORDS = {
    "name": "a name", "title_surname": "title and surname", "surname": "a surname", "role": "a role",
    "pronoun": "a pronoun", "spokesperson": "a spokesperson of a body", "national_official": "an official of a country",
    "metonym": "a capital or seat standing for its government", "institution": "an institution",
    "unregistered_name": "a name not in the registry", "salience": "a guess: who the article is about",
    "unresolved": "words naming no one", "none": "",
}


def attribution_words(mention_sieve: object, speaker_sieve: object) -> str:
    """'found by …; speaker from …' for a card, or '' where the record predates provenance."""
    mention = mention_sieve if isinstance(mention_sieve, str) and mention_sieve else ""
    speaker = speaker_sieve if isinstance(speaker_sieve, str) and speaker_sieve else ""
    if not mention and not speaker:
        return ""
    parts = []
    if mention:
        parts.append("found by " + MENTION_WORDS.get(mention, mention.replace("_", " ")))
    speaker_words = SPEAKER_WORDS.get(speaker, speaker.replace("_", " ")) if speaker else ""
    if speaker_words:
        parts.append("speaker from " + speaker_words)
    return "; ".join(parts) + f" ({mention or '–'}/{speaker or '–'})"
