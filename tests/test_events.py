"""Events read the same memory as quotes: one event per sentence, its actor the quote's speaker."""

from tests.support import records


def test_a_statement_event_and_its_quote_name_the_same_speaker():
    t = records('Polish Defence Minister Mariusz Blaszczak and Interior Minister Mariusz Kaminski visited the border.\n\n'
                '"The fence will be built by June," the defence minister said.')
    [q] = t["quotes"]
    statement = next(e for e in t["events"] if e.quote_id == q.quote_id)
    assert q.speaker == "Mariusz Blaszczak"
    assert statement.actor_ids == [q.speaker_actor_id]


def test_one_sentence_gives_one_event():
    t = records("Belarus deployed troops near the border and warned Poland, saying it would respond, as columns gathered at Kuznica.")
    assert len(t["events"]) == 1


def test_an_event_actor_is_resolved_like_a_speaker():
    t = records("Liz Truss met Dmytro Kuleba in Kyiv.\n\nShe later visited troops near Lviv.", date=None)
    actors = {a.actor_id: a.name for a in t["actors"]}
    visit = next(e for e in t["events"] if "visited" in e.summary)
    assert [actors[i] for i in visit.actor_ids] == ["Liz Truss"]
