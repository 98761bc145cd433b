"""Places: the ones a sentence names, and where a story was filed from."""

import pytest

from tests.support import article, records


@pytest.mark.parametrize("text,expected", [
    pytest.param("MANILA, Philippines — Three senators signed a statement on Wednesday.", [("Manila", "MANILA"), ("Philippines", "Philippines")],
                 id="a plain dateline: the city in capitals and its country"),
    pytest.param("NAIROBI, Kenya (Reuters) - Officials said the talks would resume.", [("Nairobi", "NAIROBI"), ("Kenya", "Kenya")],
                 id="an agency dateline"),
    pytest.param("OTTAWA — The minister spoke to reporters on Monday.", [("Ottawa", "OTTAWA")], id="a city alone"),
])
def test_a_datelines_places_are_named_though_the_sentence_skips_them(text, expected):
    tables = records(text)
    raw = article(text).decode()
    dateline_end = raw.index(text) + min(i for i in (text.find(" — "), text.find(" - ")) if i >= 0)
    got = [(m.name, m.surface) for m in tables["place_mentions"] if m.start_char < dateline_end]
    assert got == expected
    for m in tables["place_mentions"]:
        assert raw[m.start_char : m.end_char] == m.surface  # offsets into the file, as every record's
