"""Linking across articles: what links and what does not, as tables of records.

The same words quoted by several outlets share a `cluster_id` and list the outlets; so do
reports of the same event. Undated reports take the date of the reports they are linked to.
"""

import datetime as dt

import pytest

from dashboard.pipeline.link import link_across
from dashboard.pipeline.schema import Article, Event, Quote

D = dt.date


def article(aid, outlet, published=None):
    return Article(article_id=aid, path=f"{aid}.txt", outlet=outlet, title=None, byline=None, publication_date=published,
                   text="", body_start=0, is_html=False, n_words=0)


def quote(aid, text, speaker=None, start=0, date=None):
    return Quote(
        quote_id=f"q-{aid}-{start}", article_id=aid, text=text, start_char=start, end_char=start + len(text),
        speaker_actor_id=speaker, speaker=speaker, speaker_surface=None, cue_verb="say", speech_act="statement",
        confidence=1.0, mention_sieve="governing_cue", speaker_sieve="name", sentence_id=f"{aid}:{start}",
        quote_date=date, cluster_id="",
    )


def event(aid, summary, etype="deployment", date=None, actors=(), start=0, source=None):
    source = source or ("stated" if date else "none")
    return Event(
        event_id=f"e-{aid}-{start}", article_id=aid, event_type=etype, summary=summary, event_date=date,
        date_precision="day" if date else "unknown", is_date_fallback=source != "stated", date_source=source,
        actor_ids=list(actors), start_char=start, end_char=start + len(summary), sentence_id=f"{aid}:{start}",
    )


ARTICLES = [article("a", "Outlet A", D(2021, 11, 12)), article("b", "Outlet B", D(2021, 11, 12)),
            article("c", "Outlet C", D(2021, 11, 13)), article("d", "Outlet A", D(2021, 11, 12))]
LONG = "We will not allow anyone to threaten the security of our eastern border"


def link(quotes=(), events=()):
    return link_across({"articles": ARTICLES, "quotes": list(quotes), "events": list(events)})


def groups(records, ident):
    """Which records share a cluster: a set of frozensets of ids."""
    by = {}
    for r in records:
        by.setdefault(r.cluster_id, set()).add(ident(r))
    return {frozenset(g) for g in by.values()}


QUOTE_CASES = [
    pytest.param([quote("a", LONG), quote("b", LONG)], [{"q-a-0", "q-b-0"}], id="same words in two outlets"),
    pytest.param([quote("a", LONG), quote("b", LONG.upper().replace("border", "border!"))], [{"q-a-0", "q-b-0"}],
                 id="case and punctuation differ"),
    pytest.param([quote("a", LONG), quote("b", LONG.replace("threaten", "endanger"))], [{"q-a-0", "q-b-0"}],
                 id="one word changed in a long quote"),
    pytest.param([quote("a", "threaten the security of our eastern border"), quote("b", LONG)], [{"q-a-0", "q-b-0"}],
                 id="a shorter quote inside a longer one"),
    pytest.param([quote("a", LONG, "p1"), quote("b", LONG, "p2")], [{"q-a-0"}, {"q-b-0"}],
                 id="different known speakers"),
    pytest.param([quote("a", LONG, "p1"), quote("b", LONG)], [{"q-a-0", "q-b-0"}], id="one speaker unknown"),
    pytest.param([quote("a", LONG), quote("a", LONG, start=500)], [{"q-a-0"}, {"q-a-500"}],
                 id="repeated within one article"),
    pytest.param([quote("a", "No way."), quote("b", "No way.")], [{"q-a-0"}, {"q-b-0"}], id="too short to link"),
    pytest.param([quote("a", LONG), quote("b", "Sanctions are a declaration of economic war on our people")],
                 [{"q-a-0"}, {"q-b-0"}], id="different words"),
    pytest.param([quote("a", LONG), quote("b", LONG.replace("anyone", "anybody")),
                  quote("c", LONG.replace("anyone", "anybody").replace("eastern", "western"))],
                 [{"q-a-0", "q-b-0", "q-c-0"}], id="a chain of near copies is one cluster"),
    pytest.param([quote("a", LONG), quote("b", LONG, start=40), quote("c", "Sanctions are a declaration of economic war")],
                 [{"q-a-0", "q-b-40"}, {"q-c-0"}], id="a cluster beside an unrelated quote"),
]


@pytest.mark.parametrize("quotes,expected", QUOTE_CASES)
def test_which_quotes_link(quotes, expected):
    out = link(quotes=quotes)["quotes"]
    assert groups(out, lambda q: q.quote_id) == {frozenset(g) for g in expected}


def test_a_quote_cluster_carries_its_outlets_and_the_smallest_id():
    linked = link(quotes=[quote("b", LONG), quote("a", LONG), quote("d", LONG), quote("c", "Another thing entirely, he said")])["quotes"]
    by_id = {q.quote_id: q for q in linked}
    for qid in ("q-a-0", "q-b-0", "q-d-0"):
        q = by_id[qid]
        assert (q.cluster_id, q.outlets, q.n_outlets) == ("q-a-0", ["Outlet A", "Outlet B"], 2)  # a and d: one outlet
    assert (by_id["q-c-0"].cluster_id, by_id["q-c-0"].outlets, by_id["q-c-0"].n_outlets) == ("q-c-0", ["Outlet C"], 1)
    assert [q.quote_id for q in linked] == ["q-a-0", "q-b-0", "q-c-0", "q-d-0"]  # ordered by article and offset


def test_an_undated_quote_takes_the_date_another_outlet_gives_it():
    out = {q.quote_id: q for q in link(quotes=[quote("a", LONG), quote("b", LONG, date=D(2021, 11, 10))])["quotes"]}
    assert out["q-a-0"].quote_date == out["q-b-0"].quote_date == D(2021, 11, 10)
    unlinked = {q.quote_id: q for q in link(quotes=[quote("a", LONG), quote("b", "Different words entirely, said he")])["quotes"]}
    assert unlinked["q-a-0"].quote_date is None


SUMMARY = "Belarusian troops were deployed to the border near Grodno on Tuesday, the ministry said"
EVENT_CASES = [
    pytest.param([event("a", SUMMARY, actors=["by"]), event("b", SUMMARY, actors=["by", "pl"])], [{"e-a-0", "e-b-0"}],
                 id="same report, shared actor"),
    pytest.param([event("a", SUMMARY), event("b", SUMMARY.replace("the ministry said", "officials reported"))],
                 [{"e-a-0", "e-b-0"}], id="reworded ending"),
    pytest.param([event("a", SUMMARY, "deployment"), event("b", SUMMARY, "military exercise")], [{"e-a-0"}, {"e-b-0"}],
                 id="different event types"),
    pytest.param([event("a", SUMMARY, date=D(2021, 11, 9)), event("b", SUMMARY, date=D(2021, 11, 10))],
                 [{"e-a-0", "e-b-0"}], id="dates one day apart"),
    pytest.param([event("a", SUMMARY, date=D(2021, 11, 9)), event("b", SUMMARY, date=D(2021, 11, 12))],
                 [{"e-a-0"}, {"e-b-0"}], id="dates three days apart"),
    pytest.param([event("a", SUMMARY, actors=["by"]), event("b", SUMMARY, actors=["pl"])], [{"e-a-0"}, {"e-b-0"}],
                 id="no actor in common"),
    pytest.param([event("a", SUMMARY, actors=["by"]), event("b", SUMMARY)], [{"e-a-0", "e-b-0"}], id="one side names no actor"),
    pytest.param([event("a", SUMMARY), event("b", "Polish police detained forty migrants who crossed from Belarus overnight")],
                 [{"e-a-0"}, {"e-b-0"}], id="different events"),
    pytest.param([event("a", SUMMARY), event("a", SUMMARY, start=300)], [{"e-a-0"}, {"e-a-300"}], id="within one article"),
]


@pytest.mark.parametrize("events,expected", EVENT_CASES)
def test_which_events_link(events, expected):
    out = link(events=events)["events"]
    assert groups(out, lambda e: e.event_id) == {frozenset(g) for g in expected}


def test_an_event_cluster_carries_its_outlets():
    out = {e.event_id: e for e in link(events=[event("a", SUMMARY), event("c", SUMMARY), event("d", SUMMARY)])["events"]}
    assert {(e.cluster_id, tuple(e.outlets), e.n_outlets) for e in out.values()} == {("e-a-0", ("Outlet A", "Outlet C"), 2)}


DATE_CASES = [
    pytest.param(event("b", "Troops were deployed to the border near Grodno, the ministry said"),
                 (D(2021, 11, 9), "day", True, "linked"), id="no date of its own: the linked report's"),
    pytest.param(event("b", "Troops were deployed to the border near Grodno on Thursday, the ministry said"),
                 (D(2021, 11, 11), "day", True, "linked"), id="own weekday resolved against the linked report's publication"),
    pytest.param(event("b", "Troops were deployed to the border near Grodno, the ministry said", date=D(2021, 11, 10)),
                 (D(2021, 11, 10), "day", False, "stated"), id="a stated date is kept"),
]


@pytest.mark.parametrize("undated,expected", DATE_CASES)
def test_an_undated_event_is_dated_from_its_linked_report(undated, expected):
    # Article b has no publication date of its own; a reports the event on 9 November (published 12 November).
    articles = [article("a", "Outlet A", D(2021, 11, 12)), article("b", "Outlet B", None)]
    dated = event("a", "Troops were deployed to the border near Grodno, the ministry said", date=D(2021, 11, 9))
    out = link_across({"articles": articles, "quotes": [], "events": [dated, undated]})["events"]
    e = next(e for e in out if e.article_id == "b")
    assert (e.event_date, e.date_precision, e.is_date_fallback, e.date_source) == expected


def test_a_stated_date_beats_a_publication_date_as_the_source():
    articles = [article("a", "Outlet A", D(2021, 11, 12)), article("b", "Outlet B", D(2021, 11, 12)), article("c", "Outlet C")]
    text = "Troops were deployed to the border near Grodno, the ministry said"
    events = [event("a", text, date=D(2021, 11, 12), source="publication"), event("b", text, date=D(2021, 11, 11)), event("c", text)]
    out = {e.article_id: e for e in link_across({"articles": articles, "quotes": [], "events": events})["events"]}
    assert (out["c"].event_date, out["c"].date_source) == (D(2021, 11, 11), "linked")
