"""Untrusted text made inert: Streamlit Markdown, JSON in a <script> element, spreadsheet cells,
plain-text lines. (What a real browser and spreadsheet-minded reader see is checked in
test_browser_exports.py; these are the rules.)"""

import json
import math
import re

import pandas as pd
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from dashboard.app import cards, safe_text

WJ = safe_text.WORD_JOINER
SCRIPT_PAYLOAD = "Belarusian troops gathered near Grodno </script><script>window.__pwned=1</script> on Tuesday."


def shown(markdown: str) -> str:
    """What the reader sees once Markdown has removed the backslashes (word joiners are invisible)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace(WJ, "").replace("  \n", "\n")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(":material/warning: troops", id="material icon"),
        pytest.param("x :material/home: y", id="icon mid-sentence"),
        pytest.param("before :smile: after :+1:", id="emoji shortcodes"),
    ],
)
def test_icon_and_emoji_shortcodes_are_broken(text):
    out = safe_text.markdown(text)
    # Streamlit rewrites the raw source's ':material/' before parsing, and remark-emoji matches
    # ':name:' in the parsed text: neither pattern may survive.
    assert ":material/" not in out
    assert not re.search(r":[\w+-]+:", re.sub(r"\\(.)", r"\1", out)), out
    assert shown(out) == text


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("see https://evil.example/login now", id="https URL"),
        pytest.param("see http://www.evil.example/a", id="http with www"),
        pytest.param("go to www.evil.example today", id="bare www"),
        pytest.param("write to press@evil.example", id="e-mail address"),
        pytest.param("mailto:me@x.org or xmpp:me@x.org", id="mailto and xmpp"),
        pytest.param("HTTPS://EVIL.EXAMPLE", id="upper case"),
    ],
)
def test_bare_urls_and_addresses_cannot_become_links(text):
    out = safe_text.markdown(text)
    # GFM autolink literals start only after whitespace or punctuation; a word joiner is neither.
    for m in re.finditer(r"(?i)https?:|www\\?\.|@|mailto:|xmpp:", out):
        assert out[m.start() - 1] == WJ, (m.group(0), out)
    assert shown(out) == text


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param("<script>alert(1)</script>", id="script tag"),
        pytest.param("<img src=x onerror=alert(1)>", id="img onerror"),
        pytest.param("[click](javascript:alert(1))", id="markdown link"),
        pytest.param("costs $5$ and $x^2$", id="latex"),
        pytest.param("**bold** and _it_", id="emphasis"),
        pytest.param(":red[alarm] :orange-background[x]", id="colour directives"),
        pytest.param("a\x00b\r\nc", id="NUL and CRLF"),
    ],
)
def test_markdown_syntax_is_escaped(payload):
    out = safe_text.markdown(payload)
    assert not re.search(r"(?<!\\)[<>\[\]()$*_:]", out.replace(WJ, ""))
    assert shown(out) == payload.replace("\x00", "").replace("\r", "")


def test_cards_keep_their_escaping_name():
    assert cards.escape_markdown is safe_text.markdown
    assert cards.escape_markdown(None) == ""


@given(st.text())
@example("\u2060 a word joiner in the text itself")
def test_markdown_escaping_never_loses_text(text):
    # (a word joiner is invisible, in the text as in the escaping: what the reader sees is compared)
    assert shown(safe_text.markdown(text)) == text.replace("\x00", "").replace("\r", "").replace(WJ, "")


# --- JSON in a <script> element --------------------------------------------------------------------
@pytest.mark.parametrize(
    "value",
    [
        pytest.param(SCRIPT_PAYLOAD, id="closing script tag"),
        pytest.param("<!-- <script>", id="comment opener"),
        pytest.param("a & b > c", id="ampersand and greater-than"),
        pytest.param("line\u2028separator\u2029paragraph", id="U+2028 and U+2029"),
        pytest.param({"label": [SCRIPT_PAYLOAD, "</SCRIPT >"]}, id="nested"),
    ],
)
def test_script_json_cannot_end_the_script_element(value):
    out = safe_text.script_json(value)
    assert not set(out) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(out) == value  # the same data for JavaScript and JSON


# --- spreadsheet cells --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "value,expected",
    [
        pytest.param("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0", id="equals"),
        pytest.param("+SUM(1,2)", "'+SUM(1,2)", id="plus"),
        pytest.param("-2+3 people", "'-2+3 people", id="minus"),
        pytest.param("@SUM(1+1)*cmd|x", "'@SUM(1+1)*cmd|x", id="at sign (outlet)"),
        pytest.param("\t=1", "'\t=1", id="tab"),
        pytest.param("\r=1", "'\r=1", id="carriage return"),
        pytest.param("-3", "'-3", id="number-like text stays text"),
        pytest.param("Minsk said", "Minsk said", id="ordinary text"),
        pytest.param(" =1", " =1", id="leading space is not a formula"),
        pytest.param(-3, -3, id="negative number"),
        pytest.param(0.85, 0.85, id="float"),
        pytest.param(None, None, id="missing"),
    ],
)
def test_spreadsheet_cells(value, expected):
    assert safe_text.spreadsheet_cell(value) == expected


# --- plain-text lines -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "value,expected",
    [
        pytest.param(None, "-", id="None"),
        pytest.param(float("nan"), "-", id="NaN"),
        pytest.param(pd.NA, "-", id="pandas NA"),
        pytest.param(pd.NaT, "-", id="NaT"),
        pytest.param("   ", "-", id="blank"),
        pytest.param("Head\nline\x00 two\u2028", "Head line two", id="control characters"),
        pytest.param("None", "None", id="the word None is kept"),
        pytest.param(0, "0", id="zero is a value"),
    ],
)
def test_one_line(value, expected):
    assert safe_text.one_line(value, "-") == expected


def test_missing_values():
    assert safe_text.is_missing(math.nan) and safe_text.is_missing(None) and safe_text.is_missing("")
    assert not safe_text.is_missing(["a"]) and not safe_text.is_missing(False)
