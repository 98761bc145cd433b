"""Extraction quality against hand-made gold: pinned floors, so quality cannot silently drop.

Raising a floor is a deliberate commit; the numbers printed by `make eval` are the evidence.
"""

from pathlib import Path

import pytest

from dashboard.cli import extract
from dashboard.pipeline.evaluate import evaluate, load_gold

ROOT = Path(__file__).resolve().parents[1]

SUITES = {
    "seeds": (ROOT / "tests/golden/seeds.jsonl", ROOT / "seeds"),
    "own articles": (ROOT / "tests/golden/fixtures.jsonl", ROOT / "tests/fixtures/articles"),
}

FLOORS = {
    "seeds": {"attributed_quote_f1": 0.95, "quote_precision": 0.95, "quote_recall": 0.95,
              "speaker_accuracy": 0.95, "place_recall": 0.90, "date_accuracy": 1.0},
    "own articles": {"attributed_quote_f1": 0.9, "quote_precision": 0.9, "quote_recall": 0.9,
                     "place_recall": 0.8, "date_accuracy": 1.0},
}


@pytest.fixture(scope="module", params=list(SUITES))
def scored(request):
    gold_path, folder = SUITES[request.param]
    gold = load_gold(gold_path)
    preds = extract([str(folder / g["file"]) for g in gold])
    return request.param, evaluate(preds, gold)


def test_scores_stay_above_their_floors(scored):
    name, scores = scored
    summary = scores.summary()
    print(name, summary)
    low = {k: (summary[k], floor) for k, floor in FLOORS[name].items() if summary[k] < floor}
    assert not low, f"{name}: below floor {low}; errors: {scores.errors[:10]}"


def test_evaluator_penalises_a_wrong_speaker():
    gold = [{"file": "a.txt", "publication_date": None, "places": [],
             "quotes": [{"speaker": "Liz Truss", "text": "clear responsibility"}]}]
    right = [{"path": "a.txt", "publication_date": None, "places": [],
              "quotes": [{"text": "clear responsibility", "speaker": "Ms Truss"}]}]
    wrong = [{"path": "a.txt", "publication_date": None, "places": [],
              "quotes": [{"text": "clear responsibility", "speaker": "Vladimir Putin"}]}]
    assert evaluate(right, gold).attributed_f1 == 1.0
    assert evaluate(wrong, gold).attributed_f1 == 0.0
    assert evaluate(wrong, gold).recall == 1.0
