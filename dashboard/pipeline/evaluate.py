"""Score extraction against hand-made gold, by the rules of `tests/golden/README.md`.

The matching is the scorer's of the real-article development set (`tests/fixtures/dev/`):
- texts compare after folding case, diacritics, curly marks and punctuation; a prediction covers a
  gold quote when one contains the other (a long prediction may cover several gold paragraphs of
  one continued quote) or they are ≥ 85 % similar;
- each gold quote takes the first prediction that covers it; `doubtful` gold neither rewards nor
  penalises; a prediction that covers no gold quote is a false positive;
- a speaker is right when it is the gold speaker, an `alt_speakers` entry, a common alias of
  either, or the surname of a person;
- headline: attributed-quote F1 (right words *and* right speaker).
Also reported: detection precision/recall, place recall, publication dates (right where the text
states one, invented where it states none), and speaker accuracy per attribution sieve.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

_MARKS = {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00a0": " ", "\u2013": "-", "\u2014": "-"}
# Other names a reasonable registry may use for a gold speaker or place (the dev scorer's table).
ALIASES = {
    "uk ministry of defence": ["ministry of defence", "mod", "uk mod", "british ministry of defence", "uk defence ministry"],
    "belarusian ministry of defence": ["belarusian defence ministry", "belarus defence ministry", "ministry of defence of belarus", "belarus ministry of defence"],
    "russian ministry of defence": ["russian defence ministry", "russia defence ministry", "russian defense ministry", "ministry of defence of russia"],
    "nato": ["north atlantic council", "north atlantic treaty organization", "nato allies"],
    "european union": ["eu", "european commission"],
    "uk government": ["british government", "government of the united kingdom", "uk"],
    "us government": ["united states government", "us", "united states", "white house"],
    "downing street": ["no 10", "number 10", "uk prime minister's office"],
    "alexander lukashenko": ["aliaksandr lukashenka", "alexander lukashenka", "lukashenka"],
    "liz truss": ["elizabeth truss"],
    "kyiv": ["kiev"], "grodno": ["hrodna", "grodno region", "hrodna region"],
    "grodno region": ["grodno", "hrodna", "hrodna region", "grodno oblast"],
    "kuznica": ["kuznica bialostocka", "kuznitsa"], "bruzgi": ["bruzgi checkpoint"],
    "united kingdom": ["uk", "britain", "great britain"], "united states": ["us", "usa", "united states of america", "america"],
    "belarus": ["republic of belarus"],
}


def norm(text: str | None) -> str:
    """Case, diacritics, quotation marks and punctuation folded; a leading 'the' dropped."""
    s = "".join(_MARKS.get(c, c) for c in (text or ""))
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^\w\s']", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def _names_for(gold_name: str) -> set[str]:
    n = norm(gold_name)
    return {n, *(norm(a) for a in ALIASES.get(n, []))}


def speaker_matches(pred: str | None, gold: dict) -> bool:
    p = norm((pred or "").replace(".", ""))  # initials: "T.S. Tirumurti" = "TS Tirumurti"
    if not p:
        return False
    for answer in [gold["speaker"], *gold.get("alt_speakers", [])]:
        answer = answer.replace(".", "") if len(answer.split()) > 1 else answer
        if p in _names_for(answer):
            return True
        gt, pt = norm(answer).split(), p.split()
        if len(gt) >= 2 and p == gt[-1]:  # a person's surname alone
            return True
        if len(pt) >= 2 and len(gt) >= 2 and (p in norm(answer) or norm(answer) in p):
            return True
    return False


def text_covers(pred: str, gold: str) -> bool:
    p, g = norm(pred), norm(gold)
    if not p or not g:
        return False
    if g in p or (p in g and len(p) >= 0.8 * len(g)):
        return True
    return difflib.SequenceMatcher(None, p, g, autojunk=False).ratio() >= 0.85


@dataclass
class Scores:
    n_gold: int = 0  # firm (not doubtful) gold quotes
    n_found: int = 0  # firm gold quotes covered by a prediction
    n_attributed: int = 0  # … whose prediction has the right speaker
    n_false: int = 0  # predictions covering no gold quote
    places_gold: int = 0
    places_found: int = 0
    dates_stated: int = 0  # articles whose text states a date
    dates_right: int = 0
    dates_unstated: int = 0  # articles whose text states none
    dates_invented: int = 0  # … given a date anyway
    by_sieve: dict[tuple[str, str], list[int]] = field(default_factory=dict)  # sieve -> [found, right]
    errors: list[str] = field(default_factory=list)
    metadata: object | None = None  # evaluate_metadata.MetadataScores, where a sources table is known

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    @property
    def precision(self) -> float:
        return self._ratio(self.n_found, self.n_found + self.n_false)

    @property
    def recall(self) -> float:
        return self._ratio(self.n_found, self.n_gold)

    @property
    def speaker_accuracy(self) -> float:
        return self._ratio(self.n_attributed, self.n_found)

    @property
    def attributed_f1(self) -> float:
        p = self._ratio(self.n_attributed, self.n_found + self.n_false)
        r = self._ratio(self.n_attributed, self.n_gold)
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def place_recall(self) -> float:
        return self._ratio(self.places_found, self.places_gold)

    @property
    def date_accuracy(self) -> float:
        return self._ratio(self.dates_right, self.dates_stated)

    def summary(self) -> dict[str, float]:
        return {
            "quote_precision": round(self.precision, 3),
            "quote_recall": round(self.recall, 3),
            "speaker_accuracy": round(self.speaker_accuracy, 3),
            "attributed_quote_f1": round(self.attributed_f1, 3),
            "place_recall": round(self.place_recall, 3),
            "date_accuracy": round(self.date_accuracy, 3),
        }

    def sieve_rows(self, position: int) -> list[tuple[str, int, int]]:
        """(sieve, quotes found, speakers right) for the mention sieves (0) or the speaker sieves (1)."""
        acc: Counter = Counter()
        right: Counter = Counter()
        for key, (n, r) in self.by_sieve.items():
            acc[key[position]] += n
            right[key[position]] += r
        return sorted(((k, acc[k], right[k]) for k in acc), key=lambda row: (-row[1], row[0]))


def score_article(pred: dict, gold: dict, scores: Scores) -> None:
    """Add one article's prediction (the `extract --json` object) against its gold."""
    name = gold["file"]
    pq = [q for q in pred.get("quotes", []) if (q.get("text") or "").strip()]
    used: set[int] = set()
    for g in gold.get("quotes", []):
        hit = next((i for i, p in enumerate(pq) if text_covers(p["text"], g["text"])), None)
        if g.get("doubtful"):
            if hit is not None:
                used.add(hit)
            continue
        scores.n_gold += 1
        if hit is None:
            scores.errors.append(f"{name}: missed “{g['text'][:70]}” ({g['speaker']})")
            continue
        used.add(hit)
        scores.n_found += 1
        p = pq[hit]
        right = speaker_matches(p.get("speaker"), g)
        key = (p.get("mention_sieve") or "?", p.get("speaker_sieve") or "?")
        row = scores.by_sieve.setdefault(key, [0, 0])
        row[0] += 1
        row[1] += right
        if right:
            scores.n_attributed += 1
        else:
            scores.errors.append(
                f"{name}: wrong speaker {p.get('speaker')!r} (gold {g['speaker']!r}, by {key[0]}/{key[1]}) for “{g['text'][:60]}”"
            )
    for i, p in enumerate(pq):
        if i in used or any(text_covers(p["text"], g["text"]) for g in gold.get("quotes", [])):
            continue
        scores.n_false += 1
        scores.errors.append(f"{name}: spurious “{p['text'][:70]}” ({p.get('speaker')})")
    names = {norm(x.get("name", "")) for x in pred.get("places", [])}
    for place in gold.get("places", []):
        scores.places_gold += 1
        if names & _names_for(place):
            scores.places_found += 1
        else:
            scores.errors.append(f"{name}: place not found: {place}")
    if gold.get("publication_date"):
        scores.dates_stated += 1
        if pred.get("publication_date") == gold["publication_date"]:
            scores.dates_right += 1
        else:
            scores.errors.append(f"{name}: date {pred.get('publication_date')} (gold {gold['publication_date']})")
    else:
        scores.dates_unstated += 1
        if pred.get("publication_date"):
            scores.dates_invented += 1
            scores.errors.append(f"{name}: date {pred.get('publication_date')} where the text states none")


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate(predictions: list[dict], gold: list[dict]) -> Scores:
    by_name = {Path(p["path"]).name: p for p in predictions}
    scores = Scores()
    for g in gold:
        score_article(by_name.get(g["file"], {"quotes": [], "places": []}), g, scores)
    return scores


@dataclass(frozen=True)
class Corpus:
    """A folder of articles with its gold file."""

    name: str
    gold: Path
    articles: Path
    tuned_on: bool  # were the rules written while looking at it? (then its scores are training figures)


def known_corpora(root: Path) -> list[Corpus]:
    """Every gold corpus in the repository."""
    return [
        Corpus("seeds", root / "tests/golden/seeds.jsonl", root / "seeds", True),
        Corpus("own articles", root / "tests/golden/fixtures.jsonl", root / "tests/fixtures/articles", True),
        Corpus("dev (real, other outlets)", root / "tests/golden/dev.jsonl", root / "tests/fixtures/dev", True),
    ]
