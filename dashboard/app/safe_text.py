"""Untrusted text made inert for each place it goes: Streamlit Markdown, a `<script>` block of an
exported HTML file, a spreadsheet cell, one line of a plain-text file.

Article text, titles, outlets, speaker names and file names are all untrusted: an article may
carry `</script>`, `=HYPERLINK(…)` or `:material/warning:` as ordinary words.
"""

from __future__ import annotations

import json
import math
import re

# --- Streamlit Markdown ----------------------------------------------------------------------------
# Everything Markdown, Streamlit directives, LaTeX ($), HTML or the icon shortcode (`:material/x:`,
# which Streamlit rewrites before parsing, so a backslash before ':' alone does not stop it) could
# read as syntax.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>$~:=^&\"'/])")
# Streamlit's Markdown turns bare URLs and e-mail addresses into links after parsing (GFM
# "autolink literals" work on the text, so backslashes do not stop them), and `:smile:` into an
# emoji. A WORD JOINER (U+2060, invisible, not whitespace or punctuation) in front of each breaks
# the pattern without changing what the reader sees.
WORD_JOINER = "\u2060"
_AUTOLINK = re.compile(r"(?i)https?:|ftp:|mailto:|xmpp:|www\.|@")
_SHORTCODE = re.compile(r":(?=[\w+-]+:)")


def markdown(text: str | None) -> str:
    """Text that st.markdown shows literally: Markdown, HTML, `$…$`, `:directives[]`, icon and
    emoji shortcodes escaped, and bare URLs/e-mail addresses kept from becoming links."""
    if text is None:
        return ""
    text = str(text).replace("\r", "").replace("\x00", "")
    text = _AUTOLINK.sub(lambda m: WORD_JOINER + m.group(0), text)
    text = _SHORTCODE.sub(":" + WORD_JOINER, text)
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    return escaped.replace("\n", "  \n")


# --- JSON inside an HTML <script> element --------------------------------------------------------
# Inside <script>, the HTML parser ends the element at `</script` and treats `<!--` specially,
# whatever the JavaScript; U+2028/U+2029 end a line in older JavaScript string literals. Each is
# written as a \\u escape, which means the same character to JSON and JavaScript.
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_UNSAFE_RE = re.compile("[<>&\u2028\u2029]")


def script_json(value) -> str:
    """`value` as JSON that can sit inside `<script>…</script>` of an HTML page and never end it."""
    return script_safe(json.dumps(value, ensure_ascii=False))


def script_safe(json_text: str) -> str:
    """The same escaping for text that is already JSON (e.g. pydeck's `Deck.to_json()`)."""
    return _SCRIPT_UNSAFE_RE.sub(lambda m: _SCRIPT_UNSAFE[m.group(0)], json_text)


# --- Spreadsheet cells ------------------------------------------------------------------------------
# OWASP "CSV Injection" / ASVS 5.0 1.2.10: a cell that starts with one of these is read as a
# formula by Excel, LibreOffice or Google Sheets; a leading apostrophe makes it text (the
# spreadsheet hides the apostrophe). Newline and NUL are added as harmless extras.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\x00")


def spreadsheet_cell(value):
    """A CSV cell value: text that a spreadsheet could run as a formula gets a leading `'`;
    numbers (the numeric columns) and missing values pass through unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


# --- Plain text ---------------------------------------------------------------------------------------
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def is_missing(value) -> bool:
    """None, NaN, pandas' NA/NaT and empty or blank strings."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, (list, tuple, dict)):
        return False
    try:
        import pandas as pd

        return bool(pd.isna(value))  # NA, NaT, numpy NaN; False for dates and numbers
    except (TypeError, ValueError):
        return False


def one_line(value, missing: str = "") -> str:
    """A value as one line of plain text: control characters and line breaks become spaces;
    a missing value becomes `missing` (never 'nan' or 'None')."""
    if is_missing(value):
        return missing
    text = _CONTROL.sub(" ", str(value)).strip()
    return re.sub(r" {2,}", " ", text) or missing
