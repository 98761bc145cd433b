"""Extraction quality against hand-made gold: pinned floors per corpus, so quality cannot silently drop.

Raising a floor is a deliberate commit; the numbers printed by `make eval` are the evidence. All
three corpora were looked at while the rules were written, so these are floors against
regressions, not measures of unseen news.
"""

from pathlib import Path

import pytest

from dashboard.cli import extract
from dashboard.pipeline.evaluate import evaluate, known_corpora, load_gold

ROOT = Path(__file__).resolve().parents[1]
CORPORA = {c.name: c for c in known_corpora(ROOT)}

FLOORS = {
    "seeds": {"attributed_quote_f1": 0.98, "quote_precision": 0.95, "quote_recall": 0.95,
              "speaker_accuracy": 0.98, "place_recall": 0.90, "date_accuracy": 1.0},
    "own articles": {"attributed_quote_f1": 0.97, "quote_precision": 0.95, "quote_recall": 0.95,
                     "speaker_accuracy": 0.97, "place_recall": 0.8, "date_accuracy": 1.0},
    "dev (real, other outlets)": {"attributed_quote_f1": 0.95, "quote_precision": 0.95, "quote_recall": 0.95,
                                  "speaker_accuracy": 0.95, "place_recall": 0.9},
}


@pytest.fixture(scope="module", params=list(FLOORS))
def scored(request):
    corpus = CORPORA[request.param]
    gold = load_gold(corpus.gold)
    preds = extract([str(corpus.articles / g["file"]) for g in gold], use_manifest=False)  # what the text alone says
    return request.param, evaluate(preds, gold)


def test_scores_stay_above_their_floors(scored):
    name, scores = scored
    summary = scores.summary()
    print(name, summary)
    low = {k: (summary[k], floor) for k, floor in FLOORS[name].items() if summary[k] < floor}
    assert not low, f"{name}: below floor {low}; errors: {scores.errors[:10]}"


def test_no_publication_date_is_invented(scored):
    name, scores = scored
    assert scores.dates_invented == 0, [e for e in scores.errors if "states none" in e]


def _gold(quotes):
    return [{"file": "a.txt", "publication_date": None, "places": [], "quotes": quotes}]


def _pred(quotes):
    return [{"path": "dir/a.txt", "publication_date": None, "places": [], "quotes": quotes}]


def test_evaluator_penalises_a_wrong_speaker():
    gold = _gold([{"speaker": "Liz Truss", "text": "clear responsibility"}])
    right = evaluate(_pred([{"text": "clear responsibility", "speaker": "Liz Truss"}]), gold)
    wrong = evaluate(_pred([{"text": "clear responsibility", "speaker": "Vladimir Putin"}]), gold)
    assert right.attributed_f1 == 1.0
    assert wrong.attributed_f1 == 0.0 and wrong.recall == 1.0


@pytest.mark.parametrize(
    "pred,gold,right",
    [
        pytest.param("Truss", "Liz Truss", True, id="surname alone"),
        pytest.param("Alexander Lukashenka", "Alexander Lukashenko", True, id="scorer alias"),
        pytest.param("T.S. Tirumurti", "TS Tirumurti", True, id="initials with dots"),
        pytest.param("Liz", "Liz Truss", False, id="first name is not enough"),
        pytest.param(None, "UNKNOWN", False, id="no speaker never scores"),
        pytest.param("Ms Truss", "Liz Truss", False, id="a form the text uses is not the canonical name"),
        pytest.param("Polish government", "Polish Border Guard", False, id="another body"),
    ],
)
def test_speaker_matching(pred, gold, right):
    scores = evaluate(_pred([{"text": "words", "speaker": pred}]), _gold([{"speaker": gold, "text": "words"}]))
    assert (scores.n_attributed == 1) is right


def test_a_prediction_matching_no_gold_costs_precision_and_doubtful_gold_costs_nothing():
    gold = _gold([{"speaker": "NATO", "text": "firm words here"}, {"speaker": "NATO", "text": "maybe", "doubtful": True}])
    scores = evaluate(_pred([{"text": "maybe", "speaker": None}, {"text": "firm words here", "speaker": "NATO"},
                             {"text": "invented words", "speaker": "NATO"}]), gold)
    assert (scores.n_gold, scores.n_found, scores.n_false) == (1, 1, 1)
    assert scores.precision == 0.5 and scores.recall == 1.0


def test_speaker_accuracy_is_counted_per_sieve():
    gold = _gold([{"speaker": "NATO", "text": "one"}, {"speaker": "NATO", "text": "two"}])
    scores = evaluate(_pred([
        {"text": "one", "speaker": "NATO", "mention_sieve": "governing_cue", "speaker_sieve": "institution"},
        {"text": "two", "speaker": "EU", "mention_sieve": "continuation", "speaker_sieve": "institution"},
    ]), gold)
    assert scores.sieve_rows(0) == [("continuation", 1, 0), ("governing_cue", 1, 1)]
    assert scores.sieve_rows(1) == [("institution", 2, 1)]
