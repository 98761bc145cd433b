"""The parsed doc as the rules read it: tokens and text made once, the same as spaCy's."""

from dashboard.pipeline.nlp import cached_tokens, load_nlp

TEXTS = [
    "“We will not back down,” the minister said on Monday.\n\nHe added: “Never.”",
    "Kyiv  —  Officials  said\tthe talks were ‘frank’.  ",  # runs of spaces and a tab
    "",
]


def test_a_cached_doc_has_spacys_own_tokens_and_text():
    nlp = load_nlp()
    for text in TEXTS:
        doc = nlp(text)
        cached = cached_tokens(doc)
        assert cached.text == doc.text == text
        assert [t.i for t in cached] == [t.i for t in doc]
        assert [cached[i].text for i in range(len(doc))] == [t.text for t in doc]
        assert len(cached) == len(doc)
        if len(doc) > 2:
            assert cached[1:3].text == doc[1:3].text  # slices are the doc's own spans
            assert cached[-1].i == len(doc) - 1


def test_caching_twice_keeps_the_first_cache():
    cached = cached_tokens(load_nlp()(TEXTS[0]))
    assert cached_tokens(cached) is cached
