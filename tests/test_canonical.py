"""One actor per person across articles: unregistered spellings of one person merge, others stay."""

import pytest

from dashboard.pipeline.actors import new_actor
from dashboard.pipeline.canonical import unify_actors
from dashboard.pipeline.schema import ActorMention, Event, Quote


def quote(qid, article, actor):
    return Quote(qid, article, "words", 0, 5, actor.actor_id, actor.name, actor.name, "say", "statement", 0.9,
                 "governing_cue", "name", "s", None, qid)


def tables(*people):
    quotes = [quote(f"q{i}", f"a{i}", p) for i, p in enumerate(people)]
    mentions = [ActorMention(f"m{i}", f"a{i}", p.actor_id, p.name, 0, 5, "s") for i, p in enumerate(people)]
    events = [Event(f"e{i}", f"a{i}", "statement", "x", None, "unknown", False, "none", [p.actor_id], [people[0].actor_id])
              for i, p in enumerate(people)]
    return {"actors": list({p.actor_id: p for p in people}.values()), "quotes": quotes, "actor_mentions": mentions, "events": events}


def test_two_spellings_of_one_unregistered_person_become_one_actor():
    a, b, c = new_actor("Kostyantyn Achkasov", "person"), new_actor("Kostiantyn Achkasov", "person"), new_actor("Kostiantyn Achkasov", "person")
    out = unify_actors(tables(a, b, c))
    assert [x.name for x in out["actors"]] == ["Kostiantyn Achkasov"]  # the spelling most articles use
    assert out["actors"][0].aliases == ["Kostyantyn Achkasov"]
    assert {q.speaker for q in out["quotes"]} == {"Kostiantyn Achkasov"}
    assert {m.actor_id for m in out["actor_mentions"]} == {out["actors"][0].actor_id}
    assert all(e.actor_ids == [out["actors"][0].actor_id] for e in out["events"])


def test_different_people_with_one_surname_stay_apart():
    a, b = new_actor("Olena Petrenko", "person"), new_actor("Ivan Petrenko", "person")
    out = unify_actors(tables(a, b))
    assert sorted(x.name for x in out["actors"]) == ["Ivan Petrenko", "Olena Petrenko"]


def test_registered_actors_and_bodies_are_left_alone():
    from dataclasses import replace

    registered = replace(new_actor("Andrzej Duda", "person"), is_registered=True)
    out = unify_actors(tables(new_actor("Polish Border Guard", "government"), new_actor("Polish Border Guards", "government"),
                              registered, new_actor("Andrzej Dude", "person")))
    assert len(out["actors"]) == 4  # bodies are normalised when resolved; the registry's people are canonical already


@pytest.mark.parametrize("written,name", [
    ("Ministry of Foreign Affairs of", "Ministry of Foreign Affairs"),
    ("Council for the", "Council"),
    ("Exxon Mobil's", "Exxon Mobil"),
    ("Save the Children", "Save the Children"),
])
def test_a_new_actors_name_never_ends_cut_off_before_what_it_is_of(written, name):
    assert new_actor(written, "organisation").name == name


@pytest.mark.parametrize("written,kind", [
    ("Hostages Families Forum", "organisation"),  # a headline's claimant read as a name
    ("Teachers Union", "organisation"),
    ("Margaret Court", "person"),  # surnames that are also bodies' words stay people
    ("Anna Bank", "person"),
    ("Forum", "person"),  # one word says nothing
])
def test_a_new_person_whose_name_ends_with_a_bodys_word_is_a_body(written, kind):
    assert new_actor(written, "person").actor_type == kind
