"""Score extraction against hand-made gold (tests/golden/seeds.jsonl), by the gold README's rules.

- Texts are compared after normalising case, whitespace (incl. no-break space), curly vs
  straight marks and surrounding punctuation; a prediction matches a gold quote when the gold
  text is contained in it or they are ≥ 85 % similar; one prediction may cover several gold
  paragraphs of one continued quote.
- `doubtful` gold quotes neither reward nor penalise.
- A speaker is right when it equals the gold speaker or an `alt_speakers` entry after
  normalisation (a person's surname is accepted too).
- Headline: attributed-quote F1 (right text *and* right speaker).
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

_PUNCT = " \t\n.,;:!?\"'“”‘’«»()[]-–—…"


def norm_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u00a0", " ")
    for a, b in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("«", '"'), ("»", '"')):
        text = text.replace(a, b)
    text = re.sub(r"\s+", " ", text.lower())
    return text.strip(_PUNCT)


def norm_name(name: str | None) -> str:
    if not name:
        return "unknown"
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^a-z0-9 ]+", "", (" " + text.lower()).replace(" the ", " ")).strip()
    return re.sub(r"^(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady) ", "", text)


def text_matches(pred: str, gold: str) -> bool:
    p, g = norm_text(pred), norm_text(gold)
    if not g:
        return False
    return g in p or difflib.SequenceMatcher(None, p, g).ratio() >= 0.85


def speaker_matches(pred: str | None, gold: dict) -> bool:
    p = norm_name(pred)
    for answer in [gold.get("speaker"), *gold.get("alt_speakers", [])]:
        a = norm_name(answer)
        if p == a:
            return True
        parts = a.split()
        if len(parts) > 1 and p == parts[-1]:
            return True
    return False


@dataclass
class Scores:
    n_pred: int = 0
    n_pred_scored: int = 0  # predictions not matching only doubtful gold
    n_pred_matched: int = 0
    n_pred_attributed: int = 0
    n_gold: int = 0
    n_gold_found: int = 0
    n_gold_attributed: int = 0
    places_gold: int = 0
    places_found: int = 0
    dates_total: int = 0
    dates_right: int = 0
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    @property
    def precision(self) -> float:
        return self._ratio(self.n_pred_matched, self.n_pred_scored)

    @property
    def recall(self) -> float:
        return self._ratio(self.n_gold_found, self.n_gold)

    @property
    def speaker_accuracy(self) -> float:
        return self._ratio(self.n_gold_attributed, self.n_gold_found)

    @property
    def attributed_f1(self) -> float:
        p = self._ratio(self.n_pred_attributed, self.n_pred_scored)
        r = self._ratio(self.n_gold_attributed, self.n_gold)
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def place_recall(self) -> float:
        return self._ratio(self.places_found, self.places_gold)

    @property
    def date_accuracy(self) -> float:
        return self._ratio(self.dates_right, self.dates_total)

    def summary(self) -> dict[str, float]:
        return {
            "quote_precision": round(self.precision, 3),
            "quote_recall": round(self.recall, 3),
            "speaker_accuracy": round(self.speaker_accuracy, 3),
            "attributed_quote_f1": round(self.attributed_f1, 3),
            "place_recall": round(self.place_recall, 3),
            "date_accuracy": round(self.date_accuracy, 3),
        }


def score_article(pred: dict, gold: dict, scores: Scores) -> None:
    """Add one article's prediction (the `extract --json` object) against its gold."""
    name = gold["file"]
    gq = gold.get("quotes", [])
    pq = pred.get("quotes", [])
    scores.n_pred += len(pq)
    firm = [g for g in gq if not g.get("doubtful")]
    scores.n_gold += len(firm)
    for g in firm:
        matches = [p for p in pq if text_matches(p["text"], g["text"])]
        if matches:
            scores.n_gold_found += 1
            if any(speaker_matches(p.get("speaker"), g) for p in matches):
                scores.n_gold_attributed += 1
            else:
                scores.errors.append(f"{name}: wrong speaker {matches[0].get('speaker')!r} (gold {g['speaker']!r}) for “{g['text'][:60]}”")
        else:
            scores.errors.append(f"{name}: missed “{g['text'][:70]}” ({g['speaker']})")
    for p in pq:
        hits = [g for g in gq if text_matches(p["text"], g["text"])]
        if hits and all(g.get("doubtful") for g in hits):
            continue
        scores.n_pred_scored += 1
        if hits:
            scores.n_pred_matched += 1
            if any(speaker_matches(p.get("speaker"), g) for g in hits):
                scores.n_pred_attributed += 1
        else:
            scores.errors.append(f"{name}: spurious “{p['text'][:70]}” ({p.get('speaker')})")
    names = {norm_name(p["name"]) for p in pred.get("places", [])}
    for place in gold.get("places", []):
        scores.places_gold += 1
        if norm_name(place) in names:
            scores.places_found += 1
        else:
            scores.errors.append(f"{name}: place not found: {place}")
    scores.dates_total += 1
    if pred.get("publication_date") == gold.get("publication_date"):
        scores.dates_right += 1
    else:
        scores.errors.append(f"{name}: date {pred.get('publication_date')} (gold {gold.get('publication_date')})")


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate(predictions: list[dict], gold: list[dict]) -> Scores:
    by_name = {Path(p["path"]).name: p for p in predictions}
    scores = Scores()
    for g in gold:
        score_article(by_name.get(g["file"], {"quotes": [], "places": []}), g, scores)
    return scores
