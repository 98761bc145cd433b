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
