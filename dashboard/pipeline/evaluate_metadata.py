"""Score article metadata: is the outlet right, is a stated publication date right, and is
no date invented where the text states none?

Pure: it takes `extract --json` rows, gold rows (`publication_date` = what the text itself
states, null otherwise; an optional `outlet`) and a sources table (file name -> the real
`outlet`, `url`, `publication_date`, as in `tests/fixtures/dev/sources.tsv`).

- **outlet accuracy**: over articles whose true outlet is known (gold `outlet`, else the
  sources table), the predicted outlet is the same outlet. Names are compared through the
  outlet registry ("DW (Deutsche Welle)" = "Deutsche Welle"; "Reuters (wire copy
  republished on wtvbam.com)" = "Reuters"), unregistered ones by their normalised name.
  Reported over all such articles and over those whose text names the outlet (a registered
  name, alias or domain of it appears in the text as a word), when texts are given.
- **stated dates right**: over articles whose gold date is not null, prediction == gold.
- **no date invented**: over articles whose gold date is null, the prediction is null, or it
  comes from the manifest, or it comes from the page's metadata and is the real date.
- **real date right**: over articles with a real date in the sources table, prediction == it
  (what a user with a manifest sees).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .outlets import Outlet, Registry, outlet_key, registry


@dataclass
class MetadataScores:
    outlet_known: int = 0
    outlet_right: int = 0
    outlet_named: int = 0
    outlet_named_right: int = 0
    dates_stated: int = 0
    dates_stated_right: int = 0
    dates_unstated: int = 0
    dates_not_invented: int = 0
    dates_real: int = 0
    dates_real_right: int = 0
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def _ratio(a: int, b: int) -> float | None:
        return a / b if b else None

    def summary(self) -> dict[str, float | None]:
        """Each figure in [0, 1]; None where no article qualifies."""
        return {
            "outlet_accuracy": self._ratio(self.outlet_right, self.outlet_known),
            "outlet_accuracy_named": self._ratio(self.outlet_named_right, self.outlet_named),
            "date_stated_accuracy": self._ratio(self.dates_stated_right, self.dates_stated),
            "date_not_invented": self._ratio(self.dates_not_invented, self.dates_unstated),
            "date_real_accuracy": self._ratio(self.dates_real_right, self.dates_real),
        }

    def counts(self) -> dict[str, str]:
        """The same figures as "right/total"."""
        return {
            "outlet": f"{self.outlet_right}/{self.outlet_known}",
            "outlet (named in the text)": f"{self.outlet_named_right}/{self.outlet_named}",
            "stated date": f"{self.dates_stated_right}/{self.dates_stated}",
            "no date invented": f"{self.dates_not_invented}/{self.dates_unstated}",
            "real date": f"{self.dates_real_right}/{self.dates_real}",
        }


def same_outlet(predicted: str | None, true: str | None, reg: Registry) -> bool:
    if not predicted or not true:
        return False
    a, b = reg.find_in(predicted), reg.find_in(true)
    if a or b:
        return a is not None and b is not None and a.outlet_id == b.outlet_id
    return outlet_key(predicted) == outlet_key(true)


def names_outlet(text: str, outlet: Outlet) -> bool:
    """Whether the text names the outlet: a registered name, alias or domain of it as a word
    (names of three letters or fewer must match case)."""
    for name in (outlet.name, *outlet.aliases, *outlet.domains):
        pattern = rf"(?<![\w.-]){re.escape(name)}(?![\w-])"
        if re.search(pattern, text, 0 if len(name) <= 3 else re.I):
            return True
    return False


def _iso(value) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)[:10]


def _get(row, key):
    return row.get(key) if isinstance(row, dict) else getattr(row, key, None)


def score_metadata(
    predictions: list[dict],
    gold: list[dict],
    sources: dict[str, object] | None = None,
    texts: dict[str, str] | None = None,
    reg: Registry | None = None,
) -> MetadataScores:
    """Outlet and publication-date figures of predictions against gold and a sources table
    (rows as dicts or `manifest.SourceEntry`, keyed by file name)."""
    reg = reg or registry()
    sources = sources or {}
    pred = {Path(p.get("path", p.get("file", ""))).name: p for p in predictions}
    s = MetadataScores()
    for g in gold:
        name = g["file"]
        p = pred.get(name) or {}
        if "error" in p:
            s.errors.append(f"{name}: not processed ({p['error']})")
        src = sources.get(name)
        true_outlet = g.get("outlet") or (_get(src, "outlet") if src is not None else None)
        got_outlet = p.get("outlet")
        if true_outlet:
            s.outlet_known += 1
            right = same_outlet(got_outlet, true_outlet, reg)
            s.outlet_right += right
            record = reg.find_in(true_outlet)
            if texts is not None and name in texts and record is not None and names_outlet(texts[name], record):
                s.outlet_named += 1
                s.outlet_named_right += right
                if not right:
                    s.errors.append(f"{name}: outlet {got_outlet!r}, the text names {record.name!r}")
            elif not right and texts is None:
                s.errors.append(f"{name}: outlet {got_outlet!r}, really {true_outlet!r}")
        got_date, got_source = _iso(p.get("publication_date")), p.get("publication_date_source")
        real = _iso(_get(src, "publication_date")) if src is not None else None
        stated = _iso(g.get("publication_date"))
        if stated:
            s.dates_stated += 1
            s.dates_stated_right += got_date == stated
            if got_date != stated:
                s.errors.append(f"{name}: publication date {got_date}, the text states {stated}")
        else:
            s.dates_unstated += 1
            ok = got_date is None or got_source == "manifest" or (got_source == "page metadata" and got_date == real)
            s.dates_not_invented += ok
            if not ok:
                s.errors.append(f"{name}: publication date {got_date} ({got_source}) where the text states none")
        if real:
            s.dates_real += 1
            s.dates_real_right += got_date == real
    return s
