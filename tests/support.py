"""Helpers shared by the behaviour tables: run the whole pipeline on a short text."""

from dashboard.pipeline.build import process
from dashboard.pipeline.config import load_settings


def article(text: str, date: str | None = "2021-11-14", headline: str = "Headline for a test article here") -> bytes:
    header = f" date {date}\n" if date else ""
    return f"{header}{headline}\n\n{text}\n".encode()


def records(text: str, date: str | None = "2021-11-14", headline: str = "Headline for a test article here") -> dict:
    [result] = process([("t.txt", article(text, date, headline))], load_settings(), use_cache=False)
    assert result.error is None, result.error
    return result.tables


def quotes_of(text: str, date: str | None = "2021-11-14", headline: str = "Headline for a test article here"):
    """(words, speaker) of every quote, in output order."""
    return [(q.text, q.speaker) for q in records(text, date, headline)["quotes"]]


def attributions_of(text: str, date: str | None = "2021-11-14", headline: str = "Headline for a test article here"):
    """(words, speaker, mention sieve, speaker sieve) of every quote."""
    return [(q.text, q.speaker, q.mention_sieve, q.speaker_sieve) for q in records(text, date, headline)["quotes"]]
